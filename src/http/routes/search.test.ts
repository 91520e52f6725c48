import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationList } from '../../shared/schemas/organisations.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { resolveText } from '../../shared/multilingual.js';
import { sortKey } from '../../shared/sort-key.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
});
afterAll(() => t.close());

const search = async (q: string, extra = '') => {
  const res = await t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}${extra}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OrganisationList;
};
const slugs = (list: OrganisationList) => list.items.map((o) => o.slug);

describe('cross-lingual search', () => {
  it('finds French and English filtration companies for a Russian query, and says why', async () => {
    const result = await search('фильтрующие материалы');
    expect(slugs(result).slice(0, 2).sort()).toEqual(['example-netkan', 'example-nontisse']);
    const french = result.items.find((o) => o.slug === 'example-nontisse')!;
    const reason = french.match!.reasons.find((r) => r.concept.code === 'filtering-materials')!;
    expect(reason.concept.label).toMatchObject({ ru: 'фильтрующие материалы', fr: 'matériaux filtrants', en: 'filtering materials' });
    expect(reason.found[0]).toEqual({ language: 'fr', term: 'médias filtrants' });
    // the French description, with the matched words marked
    const description = french.match!.highlights.find((h) => h.field === 'description')!;
    expect(description.language).toBe('fr');
    expect(description.segments.filter((s) => s.hit).map((s) => s.text)).toContain('Médias filtrants');
    expect(slugs(result)).toContain('example-hepa');
    // an agency whose area of cooperation is named so: found by its code, and it says so
    const agency = result.items.find((o) => o.slug === 'airko')!;
    expect(agency.match!.areas.map((a) => a.code)).toEqual(['filters-filtering-materials']);
    expect(slugs(result).indexOf('airko')).toBeGreaterThan(slugs(result).indexOf('example-nontisse'));
  });

  it('answers the same question the same way in the three languages', async () => {
    const top = async (q: string) =>
      slugs(await search(q))
        .slice(0, 3)
        .sort();
    const ru = await top('техническая керамика');
    expect(ru).toEqual(['example-advcer', 'example-ceratech', 'example-tehkeram']);
    expect(await top('céramique technique')).toEqual(ru);
    expect(await top('technical ceramics')).toEqual(ru);
  });

  it('keeps technical ceramics apart from tableware, and air filters apart from water filters', async () => {
    // technical porcelain is porcelain (its product codes say so), but tableware makers come first
    const tableware = slugs(await search('vaisselle en porcelaine'));
    expect(tableware.slice(0, 2).sort()).toEqual(['example-farfor', 'example-porcelaine']);
    const air = slugs(await search('air filters'));
    expect(air).toContain('example-ventfilter');
    expect(air).not.toContain('example-aquaklin');
  });

  it('finds names across scripts and spellings, and with a typo', async () => {
    for (const q of ['Ванденбрук', 'Vandenbroucke', 'Vandenbruke'])
      expect(slugs(await search(q)), q).toEqual(['limousin-regional-council']);
    for (const q of ['Обнинск', 'Obninsk']) expect(slugs(await search(q)), q).toContain('iate-mephi');
    expect(slugs(await search('Kalouga'))).toContain('airko');
  });

  it('says the total of a typo is an estimate when the names that sound close were read only in part', async () => {
    const { search: repository } = t.services.repos;
    const whole = repository.namesSoundingLike.bind(repository);
    const read = await search('Vandenbrike');
    expect(slugs(read)).toEqual(['limousin-regional-council']);
    expect(read.meta.totalEstimated).toBeUndefined();
    // as a sound that a great many names share would be: its first names only
    repository.namesSoundingLike = async (key, max) => ({ ...(await whole(key, max)), cut: true });
    try {
      t.services.directory.forgetKept();
      const cut = await search('Vandenbrike');
      expect(slugs(cut)).toEqual(['limousin-regional-council']);
      expect(cut.meta.totalEstimated).toBe(true);
    } finally {
      repository.namesSoundingLike = whole;
    }
  });

  it('sees every write at once, whoever made it: new words found, unpublished organisations gone', async () => {
    // written straight to the database, as another server process or a command would
    const { db } = t.database;
    expect((await search('zyxwvut')).meta.total).toBe(0);
    await db.execute(sql`update organisations set search_vector = search_vector || to_tsvector('simple', 'zyxwvut') where slug = 'airko'`);
    expect(slugs(await search('zyxwvut'))).toEqual(['airko']);
    await db.execute(sql`update organisations set published = false where slug = 'airko'`);
    expect((await search('zyxwvut')).meta.total).toBe(0);
    expect(slugs(await search('Kalouga'))).not.toContain('airko');
    await db.execute(sql`update organisations set published = true where slug = 'airko'`);
    expect(slugs(await search('Kalouga'))).toContain('airko');
  });

  it('lists without words in name order, seeing writes at once once the directory index is loaded', async () => {
    const list = async (extra = '') => {
      const res = await t.app.inject(`/api/v1/organisations?pageSize=100${extra}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as OrganisationList;
    };
    await search('Kaluga'); // loads the index, which then answers listings too
    const before = await list();
    // by the name an English reader sees (no lang, no Accept-Language: English)
    const keys = before.items.map((o) => sortKey(resolveText(o.name, 'en')!.text, 'en'));
    expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const { db } = t.database;
    await db.execute(sql`update organisations set sort_key_en = ${sortKey('aaa first', 'en')}, published = true where slug = 'iate-mephi'`);
    await db.execute(sql`update organisations set published = false where slug = 'airko'`);
    const after = await list();
    expect(after.items[0]!.slug).toBe('iate-mephi');
    expect(slugs(after)).not.toContain('airko');
    expect(after.meta.total).toBe(before.meta.total - 1);
    expect(slugs(await list('&region=RU-KLU'))).not.toContain('airko');
    await db.execute(sql`update organisations set published = true where slug = 'airko'`);
    expect((await list()).meta.total).toBe(before.meta.total);
  });

  it('takes in a document written by a transaction that was still open when it last looked', async () => {
    // a second connection is what makes this possible: the PostgreSQL server only
    if (t.engine !== 'postgres') return;
    const { db } = t.database;
    await db.transaction(async (tx) => {
      await tx.execute(
        sql`update organisations set search_vector = search_vector || to_tsvector('simple', 'qwertzuiop') where slug = 'iate-mephi'`,
      );
      // a later transaction commits first, and a search looks past it
      await db.execute(sql`update organisations set website = website where slug = 'airko'`);
      expect((await search('qwertzuiop')).meta.total).toBe(0);
    });
    expect(slugs(await search('qwertzuiop'))).toEqual(['iate-mephi']);
  });

  it('combines a cross-lingual query with filters', async () => {
    const result = await search('фильтры', '&region=FR-NAQ');
    expect(result.items.length).toBeGreaterThan(0);
    for (const o of result.items) expect(['FR-19', 'FR-23', 'FR-87', 'FR-NAQ']).toContain(o.regionCode);
  });
});

describe('search input that is not plain words', () => {
  it.each([
    `"céramique" 'technique'`,
    'ceramics & filters | !refractories',
    'a:* (b) <-> c',
    String.raw`back\slash \\ \'`,
    'керамика ceramics céramique',
    `'); drop table organisations; --`,
  ])('treats %s as words, never as query syntax', async (q) => {
    const res = await t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('still finds mixed-script queries', async () => {
    expect(slugs(await search('керамика ceramics')).length).toBeGreaterThan(0);
  });

  it.each([
    ['!!! ??? :*', 422, 'query_has_no_words'],
    ['   ', 422, 'query_empty'],
    ['x'.repeat(501), 400, 'validation_failed'],
  ])('refuses %j with %i %s', async (q, status, code) => {
    const res = await t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field: 'query.q' });
  });
});
