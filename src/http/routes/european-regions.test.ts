import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';

/** An organisation anywhere in Europe: a Bavarian ceramics maker has a profile, a coordinator, a place in the directory. */
let t: TestPlatform;
let editor: TestUser;
let bavaria: TestUser;
let kaluga: TestUser;
let slug: string;
beforeAll(async () => {
  t = await createTestPlatform();
  editor = await signedInUser(t, 'editor-by@example.org');
  bavaria = await signedInUser(t, 'coord-by@example.org', [{ role: 'regional_coordinator', regionCode: 'DE-BY' }]);
  kaluga = await signedInUser(t, 'coord-klu-by@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
});
afterAll(() => t.close());

const bavarian = profile({
  region: 'DE-BY',
  city: { original: 'en', en: 'Selb' },
  name: { original: 'en', en: 'Selb Technical Ceramics' },
  description: { original: 'en', en: 'Alumina and zirconia parts for filters and insulators.' },
});
const slugs = (body: { items: { slug: string }[] }) => body.items.map((o) => o.slug);

describe('a profile in Bavaria', () => {
  it('is created, submitted, and validated by the coordinator of Bavaria, not by another region’s', async () => {
    const created = await editor.send('POST', '/api/v1/organisations', bavarian);
    expect(created.statusCode).toBe(201);
    slug = created.json().slug;
    expect((await editor.send('POST', `/api/v1/organisations/${slug}/submit`)).statusCode).toBe(200);
    const queue = async (user: TestUser) => slugs((await user.get('/api/v1/validation-queue')).json());
    expect(await queue(bavaria)).toEqual([slug]);
    expect(await queue(kaluga)).toEqual([]);
    // another region's coordinator does not even see the unpublished profile
    const refused = await kaluga.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' });
    expect(refused.statusCode).toBe(404);
    expect((await bavaria.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' })).statusCode).toBe(200);
  });

  it('is found in the directory filtered by Bavaria and by Germany, not by France', async () => {
    const list = async (query: string) => (await t.app.inject(`/api/v1/organisations?${query}`)).json();
    expect(slugs(await list('region=DE-BY'))).toEqual([slug]);
    expect(slugs(await list('country=DE'))).toEqual([slug]);
    expect(slugs(await list('country=FR'))).not.toContain(slug);
    // a country or region and the other: either matches
    expect(slugs(await list('country=DE&region=RU-KLU&pageSize=100'))).toContain(slug);
    const unknown = await t.app.inject('/api/v1/organisations?country=VA');
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().error.field).toBe('query.country');
    expect((await t.app.inject('/api/v1/organisations?country=deu')).statusCode).toBe(400);
  });

  it('refuses a code that is no region, naming the field', async () => {
    const bad = await editor.send('POST', '/api/v1/organisations', profile({ region: 'DE-XX' }));
    expect(bad.statusCode).toBe(422);
    expect(JSON.stringify(bad.json().error)).toContain('region');
  });
});

describe('GET /api/v1/regions', () => {
  it('lists every region, or a country’s, or those a name in any language or a code matches', async () => {
    const all = (await t.app.inject('/api/v1/regions')).json().items;
    expect(all.length).toBeGreaterThan(2000);
    const german = (await t.app.inject('/api/v1/regions?country=DE')).json().items;
    expect(german).toHaveLength(16);
    expect(german.find((r: { code: string }) => r.code === 'DE-BY')).toMatchObject({ nuts: 'DE2', name: { en: 'Bavaria', fr: 'Bavière' } });
    for (const q of ['Бавария', 'baviere', 'DE-BY']) {
      const found = (await t.app.inject(`/api/v1/regions?q=${encodeURIComponent(q)}`)).json().items.map((r: { code: string }) => r.code);
      expect(found).toContain('DE-BY');
    }
    const two = (await t.app.inject('/api/v1/regions?country=SE&country=IE')).json().items;
    expect(new Set(two.map((r: { countryCode: string }) => r.countryCode))).toEqual(new Set(['SE', 'IE']));
    expect((await t.app.inject('/api/v1/regions?country=Germany')).statusCode).toBe(400);
  });
});

describe('a partnership between any two regions', () => {
  it('shows a Bavaria–Västra Götaland partnership with its regions and the organisations of each side', async () => {
    await t.services.repos.partnerships.insert({
      slug: 'bavaria-vastra-gotaland',
      name: { original: 'en', en: 'Bavaria — Västra Götaland' },
      description: null,
      areaCodes: ['non-metallic-materials-industrial-ceramics'],
      sides: [
        { name: { original: 'en', en: 'Bavaria' }, regionCodes: ['DE-BY'] },
        { name: { original: 'en', en: 'West Sweden' }, regionCodes: ['SE-O', 'SE-N'] },
      ],
    });
    const page = (await t.app.inject('/api/v1/partnerships/bavaria-vastra-gotaland')).json();
    expect(page.sides.map((s: { regions: { code: string }[] }) => s.regions.map((r) => r.code))).toEqual([['DE-BY'], ['SE-N', 'SE-O']]);
    expect(page.sides[0].stats.total).toBe(1);
  });
});
