import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { mailSettled, profile, signedInUser, type TestUser } from '../../test/users.js';

/** A profile submitted with another region is decided by that region's coordinators; the old region's are told. */
let t: TestPlatform;
let editor: TestUser;
let kaluga: TestUser;
let limousin: TestUser;
let limousinDepartment: TestUser;
let slug: string;
beforeAll(async () => {
  t = await createTestPlatform();
  editor = await signedInUser(t, 'editor@example.org');
  kaluga = await signedInUser(t, 'coord-klu@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
  await t.services.repos.accounts.updateUser(kaluga.id, { language: 'ru' });
  limousin = await signedInUser(t, 'coord-naq@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
  limousinDepartment = await signedInUser(t, 'coord-87@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-87' }]);
  slug = (await editor.send('POST', '/api/v1/organisations', profile())).json().slug;
  await editor.send('POST', `/api/v1/organisations/${slug}/submit`);
  expect((await kaluga.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' })).statusCode).toBe(200);
});
afterAll(() => t.close());

const queue = async (user: TestUser) => (await user.get('/api/v1/validation-queue')).json().items.map((o: { slug: string }) => o.slug);

describe('a profile moved to another region', () => {
  it('goes to the destination region’s queue, and the old region’s coordinators are told in their language', async () => {
    await editor.send('PUT', `/api/v1/organisations/${slug}/profile`, profile({ region: 'FR-87' }));
    expect((await editor.send('POST', `/api/v1/organisations/${slug}/submit`)).statusCode).toBe(200);
    expect(await queue(kaluga)).toEqual([]);
    expect(await queue(limousinDepartment)).toEqual([slug]);
    expect(await queue(limousin)).toEqual([slug]);
    await mailSettled(t);
    const mails = (await t.services.repos.audit.emails(20)).filter((m) => m.to === kaluga.email && !m.subject.includes('на проверку'));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.language).toBe('ru');
    expect(mails[0]!.subject).toContain('переходит в регион');
    expect(mails[0]!.text).toContain(`/organisations/${slug}`);
    // the destination's coordinators are told of a submission to decide on, not of a move
    const destination = (await t.services.repos.audit.emails(20)).filter(
      (m) => m.to === limousin.email || m.to === limousinDepartment.email,
    );
    expect(destination.map((m) => m.subject)).toEqual(Array(2).fill('Kaluga Ceramics: profile submitted for validation'));
  });

  it('is no longer decided by the old region’s coordinators, who still see it read-only', async () => {
    const refused = await kaluga.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('outside_region');
    expect((await kaluga.get(`/api/v1/organisations/${slug}`)).statusCode).toBe(200);
    const profilePage = await kaluga.get(`/api/v1/organisations/${slug}/profile`);
    expect(profilePage.statusCode).toBe(403);
  });

  it('is validated by the destination region’s coordinator and moves there', async () => {
    expect((await limousinDepartment.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' })).statusCode).toBe(
      200,
    );
    const org = (await t.services.repos.organisations.getBySlug(slug))!;
    expect(org.regionCode).toBe('FR-87');
    expect(org.status).toBe('validated');
    // from now on it is the new region's: its coordinators decide, the old region's do not
    await editor.send('PUT', `/api/v1/organisations/${slug}/profile`, profile({ region: 'FR-87', city: null }));
    await editor.send('POST', `/api/v1/organisations/${slug}/submit`);
    expect(await queue(kaluga)).toEqual([]);
    expect(await queue(limousinDepartment)).toEqual([slug]);
  });

  it('lets the destination return it, and keeps an unpublished move visible to both regions', async () => {
    const draft = (await editor.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Moving Draft' } }))).json()
      .slug;
    await editor.send(
      'PUT',
      `/api/v1/organisations/${draft}/profile`,
      profile({ name: { original: 'en', en: 'Moving Draft' }, region: 'FR-87' }),
    );
    await editor.send('POST', `/api/v1/organisations/${draft}/submit`);
    // not published yet: the old region's coordinator still sees it, the destination's sees it to decide
    expect((await kaluga.get(`/api/v1/organisations/${draft}`)).statusCode).toBe(200);
    expect((await limousinDepartment.get(`/api/v1/organisations/${draft}`)).statusCode).toBe(200);
    expect((await kaluga.send('POST', `/api/v1/organisations/${draft}/decision`, { decision: 'validated' })).json().error.code).toBe(
      'outside_region',
    );
    const returned = await limousinDepartment.send('POST', `/api/v1/organisations/${draft}/decision`, {
      decision: 'returned',
      reason: 'Say which site is in Limoges.',
    });
    expect(returned.statusCode).toBe(200);
    expect((await t.services.repos.organisations.getBySlug(draft))!.regionCode).toBe('RU-KLU');
  });
});
