import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  await t.services.directory.warmUp();
});
afterAll(() => t.close());

const get = async (url: string) => {
  const res = await t.app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const total = async (query: string) => (await get(`/api/v1/organisations?${query}`)).meta.total as number;

const PARAM = { region: 'region', kind: 'kind', sector: 'sector', area: 'area' } as const;

describe('GET /api/v1/organisations?facets=true', () => {
  it('leaves facets out unless asked', async () => {
    expect((await get('/api/v1/organisations')).facets).toBeUndefined();
  });

  it('counts each choice as the listing with that choice and the other filters would', async () => {
    for (const others of ['', 'kind=university', 'sector=science&q=university', 'area=filters-filtering-materials']) {
      const body = await get(`/api/v1/organisations?facets=true&${others}`);
      expect(Object.keys(body.facets).sort()).toEqual(['area', 'kind', 'region', 'sector']);
      for (const facet of Object.keys(PARAM) as (keyof typeof PARAM)[]) {
        const counts = body.facets[facet] as Record<string, number>;
        // the facet's own filter gives way to the choice; the other filters stay
        const rest = others
          .split('&')
          .filter((p) => p && !p.startsWith(`${PARAM[facet]}=`))
          .join('&');
        const sum = Object.values(counts).reduce((a, b) => a + b, 0);
        if (facet !== 'area') expect(sum, `${facet} with ${others}`).toBe(await total(rest));
        for (const [value, count] of Object.entries(counts)) {
          const listed = await total(`${rest}&${PARAM[facet]}=${encodeURIComponent(value)}`);
          // a region's listing also covers its subdivisions, which have counts of their own
          if (facet === 'region') expect(listed).toBeGreaterThanOrEqual(count);
          else expect(listed, `${facet}=${value} with ${others}`).toBe(count);
        }
      }
    }
  });

  it('counts the Limousin departments apart, adding up to Nouvelle-Aquitaine', async () => {
    const { facets } = await get('/api/v1/organisations?facets=true');
    const limousin = ['FR-19', 'FR-23', 'FR-87', 'FR-NAQ'].reduce((sum, code) => sum + (facets.region[code] ?? 0), 0);
    expect(limousin).toBeGreaterThan(0);
    expect(limousin).toBe(await total('region=FR-NAQ'));
  });

  it('answers a page past the end with no items and the true total, facets included', async () => {
    const body = await get('/api/v1/organisations?facets=true&page=99');
    expect(body.items).toEqual([]);
    expect(body.meta.total).toBe(await total(''));
    expect(body.meta.page).toBe(99);
    expect(body.facets.kind).not.toEqual({});
  });

  it('refuses a facets value that is not true or false, naming the field', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/organisations?facets=maybe' });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('facets');
  });
});
