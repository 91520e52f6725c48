import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

  it('shows both sides with their regions, institutions and counts', async () => {
    const res = await t.app.inject('/api/v1/partnerships/kaluga-limousin');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p.areas).toHaveLength(4);
    const [kaluga, limousin] = p.sides;
    expect(kaluga.regions.map((r: { code: string }) => r.code)).toEqual(['RU-KLU']);
    expect(limousin.regions.map((r: { code: string }) => r.code).sort()).toEqual(['FR-19', 'FR-23', 'FR-87']);
    // institutions: public bodies first, then agencies, universities, venues
    expect(kaluga.institutions.map((o: { slug: string }) => o.slug)).toEqual(['airko', 'iate-mephi', 'obninsk-house-of-scientists']);
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
      { value: 'government', count: 1 },
    ]);
  });

  it('answers 404 for an unknown partnership', async () => {
    const res = await t.app.inject('/api/v1/partnerships/atlantis-mars');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('not_found');
  });

  it('counts organisations of some regions, and refuses an unknown one', async () => {
    expect((await t.app.inject('/api/v1/stats/organisations')).json().total).toBe(6);
    expect((await t.app.inject('/api/v1/stats/organisations?region=FR-NAQ')).json().total).toBe(3);
    const bad = await t.app.inject('/api/v1/stats/organisations?region=FR-ZZZ');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'unknown_value', field: 'query.region' });
  });
});
