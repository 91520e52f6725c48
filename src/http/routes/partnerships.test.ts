import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoQueryTaken } from '../../test/query.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('partnerships', () => {
  it('lists the founding partnership', async () => {
    const { items } = (await t.app.inject('/api/v1/partnerships')).json();
    expect(items).toEqual([{ slug: 'kaluga-limousin', name: expect.objectContaining({ fr: 'Région de Kalouga — Limousin' }) }]);
  });

  it('refuses a parameter the list does not take', () => expectNoQueryTaken((url) => t.app.inject(url), '/api/v1/partnerships'));

  it('shows both sides with their regions, institutions and counts', async () => {
    const res = await t.app.inject('/api/v1/partnerships/kaluga-limousin');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.areas).toHaveLength(4);
    const [kaluga, limousin] = p.sides;
    expect(kaluga.regions.map((r: { code: string }) => r.code)).toEqual(['RU-KLU']);
    expect(limousin.regions.map((r: { code: string }) => r.code).sort()).toEqual(['FR-19', 'FR-23', 'FR-87']);
    // institutions: public bodies first, then agencies, universities, venues
    expect(kaluga.institutions.map((o: { slug: string }) => o.slug)).toEqual(['airko', 'iate-mephi', 'obninsk-administration', 'obninsk-house-of-scientists']);
    expect(limousin.institutions.map((o: { slug: string }) => o.slug)).toEqual([
      'limousin-regional-council',
      'ardl',
      'limousin-technical-university',
    ]);
    expect(limousin.stats.total).toBe(3);
    expect(limousin.stats.byKind.find((k: { value: string }) => k.value === 'university').count).toBe(1);
    expect(kaluga.stats.bySector).toEqual([
      { value: 'business', count: 0 },
      { value: 'science', count: 2 },
      { value: 'government', count: 2 },
    ]);
  });

  it('answers 404 for an unknown partnership', async () => {
    const res = await t.app.inject('/api/v1/partnerships/atlantis-mars');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('counts organisations of some regions, and refuses an unknown one', async () => {
    expect((await t.app.inject('/api/v1/stats/organisations')).json().total).toBe(7);
    expect((await t.app.inject('/api/v1/stats/organisations?region=FR-NAQ')).json().total).toBe(3);
    const bad = await t.app.inject('/api/v1/stats/organisations?region=FR-ZZZ');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'unknown_value', field: 'query.region' });
  });
});

describe('editing a partnership', () => {
  const changes = {
    name: { original: 'ru', ru: 'Калужская область — Лимузен', fr: 'Région de Kalouga — Limousin', en: 'Kaluga Region and Limousin' },
    description: null,
    areas: ['filters-filtering-materials', 'innovative-technology-transfer'],
  };

  it('is for the coordinators of its regions, audited, and refused to others without a change', async () => {
    const { signedInUser } = await import('../../test/users.js');
    const kaluga = await signedInUser(t, 'p-coord-klu@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
    const moscow = await signedInUser(t, 'p-coord-mow@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-MOW' }]);
    const member = await signedInUser(t, 'p-member@example.org', [{ role: 'member', organisationSlug: 'airko' }]);

    const visitor = await t.app.inject({ method: 'PUT', url: '/api/v1/partnerships/kaluga-limousin', payload: changes });
    expect(visitor.json().error.code).toBe('not_signed_in');
    expect((await moscow.send('PUT', '/api/v1/partnerships/kaluga-limousin', changes)).json().error.code).toBe('outside_region');
    expect((await member.send('PUT', '/api/v1/partnerships/kaluga-limousin', changes)).json().error.code).toBe('forbidden');
    expect((await t.app.inject('/api/v1/partnerships/kaluga-limousin')).json().areas).toHaveLength(4);

    const unknown = await kaluga.send('PUT', '/api/v1/partnerships/kaluga-limousin', { ...changes, areas: ['basket-weaving'] });
    expect(unknown.json().error).toMatchObject({ code: 'unknown_value', field: 'body.areas' });

    expect((await kaluga.send('PUT', '/api/v1/partnerships/kaluga-limousin', changes)).statusCode).toBe(200);
    const after = (await t.app.inject('/api/v1/partnerships/kaluga-limousin')).json();
    expect(after.name.en).toBe('Kaluga Region and Limousin');
    expect(after.areas.map((a: { code: string }) => a.code)).toEqual(changes.areas);
    const events = (await kaluga.get('/api/v1/audit-events?action=partnership.updated')).json().items;
    expect(events).toEqual([expect.objectContaining({ regionCode: 'RU-KLU', after: expect.objectContaining({ areas: changes.areas }) })]);
  });
});
