import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '../../repositories/mail.repository.js';
import { readOutbox } from '../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { mailSettled, profile, signedInUser, type TestUser } from '../../test/users.js';

/** The coordinators' review (the whole profile, the changes since the last decision) and the submission notices. */
let t: TestPlatform;
let editor: TestUser;
let kaluga: TestUser;
let limousin: TestUser;
let admin: TestUser;
let slug: string;
let shift = 0;
const clock: Clock = { now: () => new Date(Date.now() + shift) };
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  t = await createTestPlatform({ clock });
  editor = await signedInUser(t, 'editor@example.org');
  kaluga = await signedInUser(t, 'coord-klu@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
  await t.services.repos.accounts.updateUser(kaluga.id, { language: 'ru' });
  limousin = await signedInUser(t, 'coord-naq@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
  admin = await signedInUser(t, 'admin@example.org', [{ role: 'platform_admin' }]);
  slug = (await editor.send('POST', '/api/v1/organisations', profile())).json().slug;
});
afterAll(() => t.close());

const review = (user: TestUser, s = slug) => user.get(`/api/v1/organisations/${s}/review`);
const mailsTo = (email: string) => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to === email);
const submit = async (s = slug) => {
  expect((await editor.send('POST', `/api/v1/organisations/${s}/submit`)).statusCode).toBe(200);
  await mailSettled(t);
};
const decide = (user: TestUser, body: object, ifMatch?: string) =>
  t.app.inject({
    method: 'POST',
    url: `/api/v1/organisations/${slug}/decision`,
    headers: { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf, ...(ifMatch ? { 'if-match': ifMatch } : {}) },
    payload: body,
  });

describe('a first submission', () => {
  it('is reviewed in full, with no changes to show, and told to exactly the region’s coordinators in their language', async () => {
    await submit();
    const got = await review(kaluga);
    expect(got.statusCode).toBe(200);
    const body = got.json();
    expect(got.headers.etag).toBe(`"${body.version}"`);
    expect(body).toMatchObject({ slug, status: 'submitted', canDecide: true, since: null, changes: [], profile: profile() });
    expect(body.codes).toMatchObject([{ input: '23.44', naceClass: { code: '23.44', title: { ru: expect.any(String) } } }]);

    const told = readOutbox(t.services.repos.mail.folder!).filter((m) => m.subject.includes('Калужская керамика'));
    // the demo data's Kaluga coordinator and ours; not Limousin's, not the administrator
    expect(told.map((m) => m.to).sort()).toEqual(['coord-klu@example.org', 'coordinator.kaluga@demo.clusterbridge.test']);
    const mine = told.find((m) => m.to === kaluga.email)!;
    expect(mine.subject).toBe('Калужская керамика: профиль отправлен на проверку');
    expect(mine.text).toContain(`http://localhost:3000/validation/${slug}`);
  });

  it('is not reviewed by a coordinator of another region nor by a visitor', async () => {
    // an unpublished profile does not exist for them
    expect((await review(limousin)).json().error.code).toBe('not_found');
    expect((await t.app.inject(`/api/v1/organisations/${slug}/review`)).statusCode).toBe(401);
    expect((await review(admin)).json().canDecide).toBe(true);
  });
});

describe('a returned profile submitted again', () => {
  it('keeps the profile as returned and shows what changed since, field by field and language by language', async () => {
    const { version } = (await review(kaluga)).json();
    expect((await decide(kaluga, { decision: 'returned', reason: 'Добавьте описание на английском.' }, `"${version}"`)).statusCode).toBe(
      200,
    );
    const decisions = await t.services.repos.audit.decisions((await t.services.repos.organisations.getBySlug(slug))!.id);
    expect(decisions.at(-1)).toMatchObject({ decision: 'returned', snapshot: profile() });

    const changed = profile({
      description: { original: 'ru', ru: 'Техническая керамика и фильтры.', en: 'Technical ceramics and filters.' },
      website: null,
      nace: ['23.44', '28.29'],
      areas: ['filters-filtering-materials'],
    });
    expect((await editor.send('PUT', `/api/v1/organisations/${slug}/profile`, changed)).statusCode).toBe(200);
    await submit();
    const body = (await review(kaluga)).json();
    expect(body.profile).toEqual({ ...changed, contact: null, productCodes: [] });
    expect(body.since).toMatchObject({ decision: 'returned', reason: 'Добавьте описание на английском.' });
    expect(body.changes).toEqual([
      {
        field: 'description',
        language: 'ru',
        change: 'changed',
        before: 'Техническая керамика для фильтров.',
        after: 'Техническая керамика и фильтры.',
      },
      { field: 'description', language: 'en', change: 'added', before: null, after: 'Technical ceramics and filters.' },
      { field: 'website', language: null, change: 'removed', before: 'https://example.org', after: null },
      { field: 'nace', language: null, change: 'added', before: null, after: '28.29' },
      { field: 'areas', language: null, change: 'added', before: null, after: 'filters-filtering-materials' },
      { field: 'areas', language: null, change: 'removed', before: 'non-metallic-materials-industrial-ceramics', after: null },
    ]);
  });

  it('refuses a decision on a version the coordinator has not reviewed, and keeps the validated profile', async () => {
    const { version } = (await review(kaluga)).json();
    const stale = await decide(kaluga, { decision: 'validated' }, `"${version - 1}"`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: version });
    expect((await decide(kaluga, { decision: 'validated' }, `"${version}"`)).statusCode).toBe(200);
    const decisions = await t.services.repos.audit.decisions((await t.services.repos.organisations.getBySlug(slug))!.id);
    expect(decisions.at(-1)!.snapshot!.description).toEqual({
      original: 'ru',
      ru: 'Техническая керамика и фильтры.',
      en: 'Technical ceramics and filters.',
    });
    // a validated profile is no longer under review
    expect((await review(kaluga)).json().error.code).toBe('invalid_transition');
  });

  it('is compared with the public profile when it was validated before decisions kept theirs', async () => {
    const iate = await signedInUser(t, 'iate-admin@example.org', [{ role: 'org_admin', organisationSlug: 'iate-mephi' }]);
    const { profile: live } = (await iate.get('/api/v1/organisations/iate-mephi/profile')).json();
    const description = { ...live.description, en: 'The nuclear university of Obninsk.' };
    expect((await iate.send('PUT', '/api/v1/organisations/iate-mephi/profile', { ...live, description })).statusCode).toBe(200);
    expect((await iate.send('POST', '/api/v1/organisations/iate-mephi/submit')).statusCode).toBe(200);
    await mailSettled(t);
    const body = (await review(kaluga, 'iate-mephi')).json();
    expect(body.since).toEqual({ decision: 'published', reason: null, at: null });
    expect(body.changes).toEqual([
      { field: 'description', language: 'en', change: 'changed', before: live.description.en, after: 'The nuclear university of Obninsk.' },
    ]);
  });
});

describe('daily digests', () => {
  it('saves the choice, refuses an unknown one naming the field', async () => {
    expect((await kaluga.send('PUT', '/api/v1/me/notifications', { submissionEmails: 'daily' })).json()).toEqual({
      submissionEmails: 'daily',
    });
    expect((await kaluga.get('/api/v1/me/notifications')).json()).toEqual({ submissionEmails: 'daily' });
    const bad = await kaluga.send('PUT', '/api/v1/me/notifications', { submissionEmails: 'weekly' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.submissionEmails');
  });

  it('gathers two submissions into one e-mail a day later, sent once', async () => {
    const before = mailsTo(kaluga.email).length;
    const slugs: string[] = [];
    for (const name of ['Обнинские фильтры', 'Людиновский завод']) {
      const s = (await editor.send('POST', '/api/v1/organisations', profile({ name: { original: 'ru', ru: name } }))).json().slug;
      slugs.push(s);
      await submit(s);
    }
    // the demo coordinator hears of each at once; ours waits for the digest
    expect(mailsTo('coordinator.kaluga@demo.clusterbridge.test').filter((m) => m.subject.includes('Обнинские фильтры'))).toHaveLength(1);
    expect(mailsTo(kaluga.email)).toHaveLength(before);
    shift += 23 * HOUR;
    await t.services.notices.sendDue();
    expect(mailsTo(kaluga.email)).toHaveLength(before);
    shift += 1 * HOUR + 1000;
    await t.services.notices.sendDue();
    const digests = mailsTo(kaluga.email).slice(before);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.subject).toBe('Профили на проверку: 2');
    expect(digests[0]!.text).toContain(`Обнинские фильтры: http://localhost:3000/validation/${slugs[0]}`);
    expect(digests[0]!.text).toContain(`Людиновский завод: http://localhost:3000/validation/${slugs[1]}`);
    shift += 25 * HOUR;
    expect(await t.services.notices.sendDue()).toBe(0);
    expect(mailsTo(kaluga.email).slice(before)).toHaveLength(1);
  });

  it('is sent once by two senders at once', async () => {
    const before = mailsTo(kaluga.email).length;
    for (const name of ['Козельская керамика', 'Боровские фильтры']) {
      const s = (await editor.send('POST', '/api/v1/organisations', profile({ name: { original: 'ru', ru: name } }))).json().slug;
      await submit(s);
    }
    shift += 25 * HOUR;
    const sent = await Promise.all([t.services.notices.sendDue(), t.services.notices.sendDue(), t.services.notices.sendDue()]);
    expect(sent.reduce((a, b) => a + b, 0)).toBe(1);
    expect(
      mailsTo(kaluga.email)
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['Профили на проверку: 2']);
  });
});
