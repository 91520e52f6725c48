import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { savedSearches } from '../../../db/schema/index.js';
import { SAVED_SEARCHES_MAX } from '../../../shared/schemas/offer-alerts.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let member: TestUser;
let other: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  member = await signedInUser(t, 'saved.member@example.test', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
  other = await signedInUser(t, 'saved.other@example.test', [{ role: 'org_editor', organisationSlug: 'airko' }]);
});
afterAll(() => t.close());

const patch = (user: TestUser, id: string, body: unknown, ifMatch?: string) =>
  t.app.inject({
    method: 'PATCH',
    url: `/api/v1/my/saved-searches/${id}`,
    headers: {
      cookie: `cb_session=${user.cookie}`,
      'x-csrf-token': user.csrf,
      'content-type': 'application/json',
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    },
    payload: JSON.stringify(body),
  });

describe('saved searches', () => {
  it('saves a search of words and filters, or an area alone, and lists them', async () => {
    const words = await member.send('POST', '/api/v1/my/saved-searches', {
      name: 'Filtres céramiques',
      query: { q: 'filtres céramiques', kind: ['technology_request'] },
      frequency: 'daily',
    });
    expect(words.statusCode, words.body).toBe(201);
    expect(words.headers.etag).toBe('"1"');
    expect(words.json()).toMatchObject({ name: 'Filtres céramiques', frequency: 'daily', subscribed: true, version: 1 });
    const area = await member.send('POST', '/api/v1/my/saved-searches', {
      name: 'Ceramics',
      query: { area: ['non-metallic-materials-industrial-ceramics'] },
    });
    expect(area.statusCode, area.body).toBe(201);
    expect(area.json().frequency).toBe('weekly');
    const list = await member.get('/api/v1/my/saved-searches');
    expect(list.json().items.map((s: { name: string }) => s.name)).toEqual(['Filtres céramiques', 'Ceramics']);
    expect(list.json().max).toBe(SAVED_SEARCHES_MAX);
    // another member's are not theirs to see
    expect((await other.get('/api/v1/my/saved-searches')).json().items).toEqual([]);
  });

  it('refuses an empty query, unknown areas, regions and NACE codes naming the field, and a visitor', async () => {
    for (const [query, field] of [
      [{}, 'body.query'],
      [{ area: ['no-such-area'] }, 'body.query.area'],
      [{ region: ['XX-NOPE'] }, 'body.query.region'],
      [{ nace: ['99.99'] }, 'body.query.nace'],
    ] as const) {
      const answer = await member.send('POST', '/api/v1/my/saved-searches', { name: 'x', query });
      expect(answer.statusCode, JSON.stringify(query)).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode).toBeLessThan(500);
      expect(answer.json().error.field).toContain(field);
    }
    const visitor = await t.app.inject({ method: 'POST', url: '/api/v1/my/saved-searches', payload: { name: 'x', query: { q: 'x' } } });
    expect(visitor.statusCode).toBe(401);
  });

  it('changes a saved search with its version, and refuses a stale save with 409 version_conflict', async () => {
    const created = (await member.send('POST', '/api/v1/my/saved-searches', { name: 'Porcelaine', query: { q: 'porcelaine' } })).json();
    const renamed = await patch(member, created.id, { name: 'Porcelaine de Limoges', frequency: 'daily' }, '"1"');
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({ name: 'Porcelaine de Limoges', version: 2 });
    const stale = await patch(member, created.id, { name: 'Lost' }, '"1"');
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await patch(other, created.id, { name: 'Not mine' })).statusCode).toBe(404);
    const off = await patch(member, created.id, { subscribed: false });
    expect(off.json().subscribed).toBe(false);
    const on = await patch(member, created.id, { subscribed: true });
    expect(on.json()).toMatchObject({ subscribed: true, unsubscribedAt: null });
    expect((await other.send('DELETE', `/api/v1/my/saved-searches/${created.id}`)).statusCode).toBe(404);
    expect((await member.send('DELETE', `/api/v1/my/saved-searches/${created.id}`)).statusCode).toBe(204);
    expect(await t.database.db.select().from(savedSearches).where(eq(savedSearches.id, created.id))).toEqual([]);
  });

  it(`keeps at most ${SAVED_SEARCHES_MAX} a member, even saved at once`, async () => {
    const keeper = await signedInUser(t, 'saved.keeper@example.test', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
    const answers = await Promise.all(
      Array.from({ length: SAVED_SEARCHES_MAX + 5 }, (_, i) =>
        keeper.send('POST', '/api/v1/my/saved-searches', { name: `s${i}`, query: { q: `mot${i}` } }),
      ),
    );
    expect(answers.filter((a) => a.statusCode === 201)).toHaveLength(SAVED_SEARCHES_MAX);
    const full = answers.filter((a) => a.statusCode !== 201);
    expect(full.every((a) => a.statusCode === 409 && a.json().error.code === 'saved_searches_full')).toBe(true);
    expect(await t.database.db.select().from(savedSearches).where(eq(savedSearches.userId, keeper.id))).toHaveLength(SAVED_SEARCHES_MAX);
  });
});
