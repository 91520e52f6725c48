import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Language } from '../../shared/languages.js';
import { resolveText } from '../../shared/multilingual.js';
import type { OrganisationList } from '../../shared/schemas/organisations.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { rebuildStaleDocuments } from '../../services/search/rebuild-documents.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: true, seedExamples: true });
});
afterAll(() => t.close());

const get = async (query: string, headers: Record<string, string> = {}) => {
  const res = await t.app.inject({ method: 'GET', url: `/api/v1/organisations?pageSize=100&${query}`, headers });
  expect(res.statusCode, res.body).toBe(200);
  return { list: res.json() as OrganisationList, vary: res.headers.vary };
};
const slugs = async (query: string, headers?: Record<string, string>) => (await get(query, headers)).list.items.map((o) => o.slug);
const ORDERS = ['lang=ru', 'lang=fr', 'lang=en', 'sort=newest', 'sort=name&lang=ru&kind=university', 'sort=newest&region=RU-KLU'];

describe('GET /api/v1/organisations: the order of the listing', () => {
  it('lists alike from the database before the directory index has loaded and from the index after', async () => {
    const before = new Map<string, string[]>();
    // the first listings after a start come from the database (OrganisationRepository.browse)
    for (const query of ORDERS) before.set(query, await slugs(query));
    await t.services.directory.warmUp();
    for (const query of ORDERS) expect(await slugs(query), query).toEqual(before.get(query));
    expect(before.get('lang=ru')).not.toEqual(before.get('lang=fr'));
  });

  it("orders by the name the reader sees, by their language's collation", async () => {
    for (const lang of ['ru', 'fr', 'en'] as Language[]) {
      const names = (await get(`lang=${lang}`)).list.items.map((o) => resolveText(o.name, lang)!.text);
      const collator = new Intl.Collator(lang);
      for (let i = 1; i < names.length; i++)
        expect(collator.compare(names[i - 1]!, names[i]!), `${lang}: ${names[i - 1]} / ${names[i]}`).toBeLessThanOrEqual(0);
    }
    // a Russian reader sees the names in Cyrillic first, Russian originals and translations interleaved
    const russian = (await get('lang=ru')).list.items;
    const cyrillic = russian.map((o) => /\p{Script=Cyrillic}/u.test(resolveText(o.name, 'ru')!.text));
    expect(cyrillic.slice(0, cyrillic.indexOf(false)).length).toBeGreaterThan(5);
    expect(cyrillic.slice(cyrillic.indexOf(false))).not.toContain(true);
    const translated = russian.filter((o, i) => cyrillic[i] && o.name.original !== 'ru');
    expect(translated.length).toBeGreaterThan(0);
  });

  it("takes the reader's language from Accept-Language without lang, and says the answer varies by it", async () => {
    const { list, vary } = await get('', { 'accept-language': 'ru-RU,ru;q=0.9,en;q=0.5' });
    expect(vary).toContain('Accept-Language');
    expect(list.items.map((o) => o.slug)).toEqual(await slugs('lang=ru'));
    expect((await get('lang=ru', { 'accept-language': 'fr' })).vary).toBeUndefined();
    expect(await slugs('', { 'accept-language': 'de' })).toEqual(await slugs('lang=en'));
  });

  it('lists newest first, ties by id, and relevance without words by name', async () => {
    await t.database.db.execute(sql`update organisations set created_at = now() + interval '1 day' where slug = 'airko'`);
    expect((await slugs('sort=newest'))[0]).toBe('airko');
    expect(await slugs('sort=relevance&lang=fr')).toEqual(await slugs('lang=fr'));
    expect(await slugs('sort=name&lang=fr')).toEqual(await slugs('lang=fr'));
  });

  it('searches by relevance by default, or by name or newest when asked', async () => {
    const q = `q=${encodeURIComponent('фильтрующие материалы')}`;
    const relevance = await slugs(q);
    expect(await slugs(`${q}&sort=relevance`)).toEqual(relevance);
    const byName = await get(`${q}&sort=name&lang=fr`);
    expect(byName.list.items.map((o) => o.slug).sort()).toEqual([...relevance].sort());
    const names = byName.list.items.map((o) => resolveText(o.name, 'fr')!.text);
    expect(names).toEqual([...names].sort(new Intl.Collator('fr').compare));
    expect((await slugs(`${q}&sort=newest`))[0]).toBe('airko');
  });

  it('refuses an unknown order or language, naming the field', async () => {
    for (const [query, field] of [
      ['sort=oldest', 'query.sort'],
      ['lang=de', 'query.lang'],
    ]) {
      const res = await t.app.inject(`/api/v1/organisations?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.details?.[0]?.field ?? res.body, query).toContain(field);
    }
  });

  it('keys, at start, the organisations written before the sort keys existed', async () => {
    const { db } = t.database;
    const keyOf = async () =>
      ((await db.execute(sql`select sort_key_ru as key from organisations where slug = 'airko'`)) as unknown as { rows: { key: string }[] })
        .rows[0]!.key;
    const key = await keyOf();
    await db.execute(sql`update organisations set sort_key_ru = '', sort_key_fr = '', sort_key_en = '' where slug = 'airko'`);
    expect(await t.services.repos.organisations.hasStaleDocuments()).toBe(true);
    expect(await rebuildStaleDocuments(t.services.repos)).toBeGreaterThan(0);
    expect(await keyOf()).toBe(key);
    expect(await t.services.repos.organisations.hasStaleDocuments()).toBe(false);
  });
});
