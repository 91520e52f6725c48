import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url });
const slugs = (body: { items: { slug: string }[] }) => body.items.map((i) => i.slug).sort();

describe('GET /api/v1/organisations', () => {
  it('lists the demo organisations by name with paging figures', async () => {
    const res = await get('/api/v1/organisations?pageSize=4');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.meta).toEqual({ page: 1, pageSize: 4, total: 7, pageCount: 2 });
    expect(body.items).toHaveLength(4);
    const page2 = (await get('/api/v1/organisations?pageSize=4&page=2')).json();
    expect(page2.items).toHaveLength(3);
    const all = [...body.items, ...page2.items].map((i: { slug: string }) => i.slug);
    expect(new Set(all).size).toBe(7);
  });

  it('finds a city whatever the script and case: Обнинск, obninsk, a prefix', async () => {
    const expected = ['iate-mephi', 'obninsk-administration', 'obninsk-house-of-scientists'];
    expect(slugs((await get(`/api/v1/organisations?q=${encodeURIComponent('Обнинск')}`)).json())).toEqual(expected);
    expect(slugs((await get('/api/v1/organisations?q=OBNINSK')).json())).toEqual(expected);
    expect(slugs((await get('/api/v1/organisations?q=obni')).json())).toEqual(expected);
  });

  it('matches inflected Russian and accent-free French words', async () => {
    // "агентства" is another case of "агентство" in the AIRKO name
    // ARDL comes second: its Russian name has "агентство", and "innovation" is one of its concepts
    expect(slugs((await get(`/api/v1/organisations?q=${encodeURIComponent('агентства инновационного')}`)).json())).toEqual([
      'airko',
      'ardl',
    ]);
    // ARDL holds all three words; AIRKO, an agency for development too, two of them: after it
    const regional = (await get('/api/v1/organisations?q=agence%20regionale%20developpement')).json();
    // the Obninsk administration names the agency in its description: after both
    expect(regional.items.map((i: { slug: string }) => i.slug)).toEqual(['ardl', 'airko', 'obninsk-administration']);
    expect(slugs((await get('/api/v1/organisations?q=AIRKO')).json())).toEqual(['airko']);
  });

  it('filters by region, a region covering its departments, kind, sector, area and NACE class', async () => {
    expect(slugs((await get('/api/v1/organisations?region=FR-NAQ')).json())).toEqual([
      'ardl',
      'limousin-regional-council',
      'limousin-technical-university',
    ]);
    expect(slugs((await get('/api/v1/organisations?region=RU-KLU&kind=university')).json())).toEqual(['iate-mephi']);
    expect(slugs((await get('/api/v1/organisations?kind=university&kind=venue')).json())).toEqual([
      'iate-mephi',
      'limousin-technical-university',
      'obninsk-house-of-scientists',
    ]);
    expect(slugs((await get('/api/v1/organisations?sector=government')).json())).toEqual(['airko', 'ardl', 'limousin-regional-council', 'obninsk-administration']);
    expect(slugs((await get('/api/v1/organisations?area=industrial-control-software')).json())).toEqual(['airko', 'ardl']);
    expect(slugs((await get('/api/v1/organisations?nace=85.42&region=FR-87')).json())).toEqual(['limousin-technical-university']);
    // the Russian code of higher education (ОКВЭД 2 85.22) finds the universities classed NACE 85.42
    expect(slugs((await get('/api/v1/organisations?nace=85.22')).json())).toEqual(['iate-mephi', 'limousin-technical-university']);
    expect(slugs((await get('/api/v1/organisations?nace=8542Z')).json())).toEqual(['iate-mephi', 'limousin-technical-university']);
  });

  it('combines words and filters', async () => {
    const body = (await get('/api/v1/organisations?q=university&region=RU-KLU')).json();
    expect(slugs(body)).toEqual(['iate-mephi']);
    expect(body.meta.total).toBe(1);
  });

  it('ranks a match in the name above a match in the description only', async () => {
    const body = (await get('/api/v1/organisations?q=limousin')).json();
    const found = body.items.map((i: { slug: string }) => i.slug);
    expect(found.slice(0, 3).sort()).toEqual(['ardl', 'limousin-regional-council', 'limousin-technical-university']);
    expect(found.slice(3)).toContain('airko');
    const page2 = (await get('/api/v1/organisations?q=limousin&pageSize=2&page=2')).json();
    expect(page2.meta).toMatchObject({ total: body.meta.total, page: 2, pageCount: Math.ceil(body.meta.total / 2) });
    expect(page2.items.map((i: { slug: string }) => i.slug)).toEqual(found.slice(2, 4));
    const beyond = (await get('/api/v1/organisations?q=limousin&page=9')).json();
    expect(beyond).toMatchObject({ items: [], meta: { total: body.meta.total } });
  });

  it('answers an empty page past the end with the right total', async () => {
    const body = (await get('/api/v1/organisations?page=50')).json();
    expect(body.items).toEqual([]);
    expect(body.meta.total).toBe(7);
  });

  it.each([
    ['kind=foo', 400, 'validation_failed', 'query.kind[0]'],
    ['sector=industry', 400, 'validation_failed', 'query.sector[0]'],
    ['page=0', 400, 'validation_failed', 'query.page'],
    ['page=abc', 400, 'validation_failed', 'query.page'],
    ['pageSize=1000', 400, 'validation_failed', 'query.pageSize'],
    ['colour=red', 400, 'validation_failed', 'query.colour'],
    ['region=Kaluga', 400, 'validation_failed', 'query.region[0]'],
    ['nace=23-43', 400, 'validation_failed', 'query.nace[0]'],
    [`q=${'a'.repeat(501)}`, 400, 'validation_failed', 'query.q'],
    ['q=%20%20', 422, 'query_empty', 'query.q'],
    ['q=', 422, 'query_empty', 'query.q'],
    ['q=%21%21%20%3F%3F', 422, 'query_has_no_words', 'query.q'],
    ['region=RU-XXX', 422, 'unknown_value', 'query.region'],
    ['area=underwater-basket-weaving', 422, 'unknown_value', 'query.area'],
    ['nace=23.43&nace=99.99', 422, 'unknown_code', 'query.nace[1]'],
  ])('refuses %s with %i %s naming %s', async (query, status, code, field) => {
    const res = await get(`/api/v1/organisations?${query}`);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
    expect(res.json().error.message).toEqual(expect.any(String));
  });

  it('takes search syntax characters as plain text', async () => {
    for (const q of [`'; DROP TABLE organisations; --`, 'a & b | !c', 'x:* (y)', 'back\\slash', 'Обнинск & obninsk']) {
      const res = await get(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
    }
    expect((await get('/api/v1/organisations')).json().meta.total).toBe(7);
  });
});

describe('GET /api/v1/organisations/:slug', () => {
  it('gives the profile with region, areas, NACE titles in three languages and people', async () => {
    const res = await get('/api/v1/organisations/airko');
    expect(res.statusCode).toBe(200);
    const org = res.json();
    expect(org.name.ru).toBe('Агентство инновационного развития Калужской области');
    expect(org.shortName.en).toBe('AIRKO');
    expect(org.region).toMatchObject({ code: 'RU-KLU', countryCode: 'RU', name: { ru: 'Калужская область' } });
    expect(org.areas.map((a: { code: string }) => a.code)).toHaveLength(4);
    expect(org.people).toEqual([
      expect.objectContaining({
        name: 'Анатолий Сотников',
        nameLatin: 'Anatoly Sotnikov',
        role: expect.objectContaining({ en: 'Director general' }),
      }),
    ]);
    expect(new Date(org.updatedAt).toISOString()).toBe(org.updatedAt);

    const iate = (await get('/api/v1/organisations/iate-mephi')).json();
    expect(iate.nace).toEqual([
      {
        code: '85.42',
        title: { en: 'Tertiary education', fr: 'Enseignement supérieur', ru: 'Образование высшее и подготовка кадров высшей квалификации' },
      },
    ]);

    const council = (await get('/api/v1/organisations/limousin-regional-council')).json();
    expect(council.people[0]).toMatchObject({ name: 'Gérard Vandenbroucke', nameCyrillic: 'Жерар Ванденбрук', nameLatin: null });
  });

  it('answers 404 not_found for an unknown organisation and 400 for a malformed slug', async () => {
    const missing = await get('/api/v1/organisations/no-such-organisation');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toMatchObject({ code: 'not_found', field: 'params.slug' });
    const bad = await get('/api/v1/organisations/Not%20A%20Slug');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'params.slug' });
  });
});
