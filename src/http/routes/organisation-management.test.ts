import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { lastToken, profile, signedInUser, signIn, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let founder: TestUser;
let coordinatorKaluga: TestUser;
let coordinatorLimousin: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  founder = await signedInUser(t, 'founder@example.org');
  coordinatorKaluga = await signedInUser(t, 'coord-klu@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
  coordinatorLimousin = await signedInUser(t, 'coord-naq@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
});
afterAll(() => t.close());

const publicGet = (url: string) => t.app.inject(url);

describe('an organisation from draft to public', () => {
  it('is created as a hidden draft, submitted, returned with a reason, then validated and public', async () => {
    const created = await founder.send('POST', '/api/v1/organisations', profile());
    expect(created.statusCode).toBe(201);
    const { slug } = created.json();
    expect(slug).toBe('kaluzhskaia-keramika');

    // a draft is not public, but its own people see it
    expect((await publicGet(`/api/v1/organisations/${slug}`)).statusCode).toBe(404);
    const listed = (await publicGet('/api/v1/organisations?q=Kaluga%20Ceramics')).json().items.map((o: { slug: string }) => o.slug);
    expect(listed).not.toContain(slug);
    expect((await founder.get(`/api/v1/organisations/${slug}`)).statusCode).toBe(200);
    expect((await founder.get('/api/v1/me/organisations')).json().items).toEqual([
      expect.objectContaining({ slug, status: 'draft', published: false, myRole: 'org_admin' }),
    ]);

    expect((await founder.send('POST', `/api/v1/organisations/${slug}/submit`)).statusCode).toBe(200);
    expect((await founder.send('POST', `/api/v1/organisations/${slug}/submit`)).json().error.code).toBe('invalid_transition');

    const queue = (await coordinatorKaluga.get('/api/v1/validation-queue')).json().items;
    expect(queue.map((o: { slug: string }) => o.slug)).toEqual([slug]);
    expect((await coordinatorLimousin.get('/api/v1/validation-queue')).json().items).toEqual([]);

    // a coordinator of another region does not even see the draft; on a public profile, the answer is outside_region
    expect((await coordinatorLimousin.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' })).statusCode).toBe(
      404,
    );
    const outside = await coordinatorLimousin.send('POST', '/api/v1/organisations/iate-mephi/decision', { decision: 'validated' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('outside_region');

    const noReason = await coordinatorKaluga.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'returned' });
    expect(noReason.json().error).toMatchObject({ code: 'validation_failed', field: 'body.reason' });
    expect(
      (
        await coordinatorKaluga.send('POST', `/api/v1/organisations/${slug}/decision`, {
          decision: 'returned',
          reason: 'Add the French name, please.',
        })
      ).statusCode,
    ).toBe(200);
    const mail = (await t.services.repos.audit.emails(5))[0]!;
    expect(mail).toMatchObject({ to: 'founder@example.org', subject: 'Kaluga Ceramics: profile returned' });
    expect(mail.text).toContain('Add the French name, please.');

    const fixed = profile({ name: { original: 'ru', ru: 'Калужская керамика', en: 'Kaluga Ceramics', fr: 'Céramiques de Kalouga' } });
    expect((await founder.send('PUT', `/api/v1/organisations/${slug}/profile`, fixed)).statusCode).toBe(200);
    expect((await founder.send('POST', `/api/v1/organisations/${slug}/submit`)).statusCode).toBe(200);
    expect((await coordinatorKaluga.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' })).statusCode).toBe(
      200,
    );

    const page = await publicGet(`/api/v1/organisations/${slug}`);
    expect(page.statusCode).toBe(200);
    expect(page.json().name.fr).toBe('Céramiques de Kalouga');
    // first: the validated profile itself (agencies of Kaluga with a ceramics area follow)
    expect((await publicGet('/api/v1/organisations?q=C%C3%A9ramiques%20Kalouga')).json().items[0].slug).toBe(slug);

    const editable = (await founder.get(`/api/v1/organisations/${slug}/profile`)).json();
    expect(editable.status).toBe('validated');
    expect(editable.decisions.map((d: { decision: string }) => d.decision)).toEqual(['submitted', 'returned', 'submitted', 'validated']);
  });

  it('keeps the validated profile public while changes wait for validation', async () => {
    const { slug } = (
      await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Obninsk Filters' } }))
    ).json();
    await founder.send('POST', `/api/v1/organisations/${slug}/submit`);
    await coordinatorKaluga.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' });
    await founder.send(
      'PUT',
      `/api/v1/organisations/${slug}/profile`,
      profile({ name: { original: 'en', en: 'Obninsk Filters Renamed' } }),
    );
    expect((await publicGet(`/api/v1/organisations/${slug}`)).json().name.en).toBe('Obninsk Filters');
    expect((await founder.get(`/api/v1/organisations/${slug}/profile`)).json().profile.name.en).toBe('Obninsk Filters Renamed');
  });

  it('refuses unknown values in a profile with their field, and writes nothing', async () => {
    const bad = await founder.send('POST', '/api/v1/organisations', profile({ region: 'RU-ZZZ' }));
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'unknown_value', field: 'body.region' });
    const code = await founder.send('POST', '/api/v1/organisations', profile({ nace: ['23.44', '99.99.9'] }));
    expect(code.json().error).toMatchObject({ code: 'unknown_code', field: 'body.nace[1]' });
    const shape = await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'de', de: 'X' } }));
    expect(shape.statusCode).toBe(400);
    expect((await founder.get('/api/v1/me/organisations')).json().items).toHaveLength(2);
  });
});

describe('members', () => {
  it('invites a colleague who signs up with the invitation, edits, and can be removed but not the last administrator', async () => {
    const { slug } = (await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Team Org' } }))).json();
    expect(
      (await founder.send('POST', `/api/v1/organisations/${slug}/invitations`, { email: 'Colleague@example.org', role: 'org_editor' }))
        .statusCode,
    ).toBe(202);
    const token = await lastToken(t, 'colleague@example.org');

    const joined = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: {
        email: 'colleague@example.org',
        password: 'Ceramics-and-filters-42',
        displayName: 'Colleague',
        language: 'fr',
        invitation: token,
      },
    });
    expect(joined.statusCode).toBe(202);
    const colleague = await signIn(t, 'colleague@example.org', 'Ceramics-and-filters-42');
    expect(
      (await colleague.send('PUT', `/api/v1/organisations/${slug}/profile`, profile({ name: { original: 'en', en: 'Team Org 2' } })))
        .statusCode,
    ).toBe(200);

    const again = await founder.send('POST', `/api/v1/organisations/${slug}/invitations`, {
      email: 'colleague@example.org',
      role: 'member',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_member');

    const { members } = (await founder.get(`/api/v1/organisations/${slug}/members`)).json();
    expect(members.map((m: { email: string; role: string }) => [m.email, m.role]).sort()).toEqual([
      ['colleague@example.org', 'org_editor'],
      ['founder@example.org', 'org_admin'],
    ]);
    const founderId = members.find((m: { email: string }) => m.email === 'founder@example.org').userId;
    const colleagueId = members.find((m: { email: string }) => m.email === 'colleague@example.org').userId;
    expect((await founder.send('DELETE', `/api/v1/organisations/${slug}/members/${founderId}`)).json().error.code).toBe('last_admin');

    expect((await founder.send('POST', `/api/v1/organisations/${slug}/transfer-administration`, { userId: colleagueId })).statusCode).toBe(
      200,
    );
    expect((await colleague.send('DELETE', `/api/v1/organisations/${slug}/members/${founderId}`)).statusCode).toBe(200);
    expect((await founder.get(`/api/v1/organisations/${slug}/members`)).statusCode).toBe(404);
  });

  it('accepts an invitation for a signed-in user once, and refuses it for another address', async () => {
    const { slug } = (await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Invite Org' } }))).json();
    await founder.send('POST', `/api/v1/organisations/${slug}/invitations`, { email: 'existing@example.org', role: 'member' });
    const token = await lastToken(t, 'existing@example.org');
    const stranger = await signedInUser(t, 'stranger@example.org');
    expect((await stranger.send('POST', '/api/v1/invitations/accept', { token })).json().error.code).toBe('token_invalid');
    const existing = await signedInUser(t, 'existing@example.org');
    // the stranger's attempt spent nothing: the transaction was rolled back
    expect((await existing.send('POST', '/api/v1/invitations/accept', { token })).json()).toEqual({ slug, role: 'member' });
    expect((await existing.send('POST', '/api/v1/invitations/accept', { token })).json().error.code).toBe('token_used');
  });
});

describe('contact details', () => {
  it('are shown to signed-in people of validated organisations only', async () => {
    await t.services.repos.transaction(async (tx) => {
      const org = (await tx.organisations.getBySlug('airko'))!;
      await tx.organisations.insertMany([]);
      const { people, organisationPeople } = await import('../../db/schema/index.js');
      const db = (tx.organisations as unknown as { db: { insert: Function } }).db;
      const [p] = await db
        .insert(people)
        .values({ name: 'Contact Person', email: 'contact@airko.example', phone: '+7 484 000 00 00' })
        .returning();
      await db.insert(organisationPeople).values({ organisationId: org.id, personId: p.id, position: 9 });
    });
    const contact = (body: { people: { name: string; email?: string }[] }) => body.people.find((p) => p.name === 'Contact Person');
    expect(contact((await publicGet('/api/v1/organisations/airko')).json())).not.toHaveProperty('email');
    const outsider = await signedInUser(t, 'nobody-special@example.org');
    expect(contact((await outsider.get('/api/v1/organisations/airko')).json())).not.toHaveProperty('email');
    const insider = await signedInUser(t, 'insider@example.org', [{ role: 'member', organisationSlug: 'iate-mephi' }]);
    expect(contact((await insider.get('/api/v1/organisations/airko')).json())).toMatchObject({
      email: 'contact@airko.example',
      phone: '+7 484 000 00 00',
    });
  });
});
