import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import evaluationQueries from '../../reference/evaluation/queries.json' with { type: 'json' };
import { loadEvaluationProfiles } from '../../evaluation/search-evaluation.js';
import { requiredWords, type SearchWord } from '../../repositories/search-query.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { DirectoryIndex } from './directory-index.js';
import { readQuery } from './read-query.js';
import { rankItems } from './text-rank.js';
import type { ListOrder } from '../../shared/sort-key.js';

// The oracle: the same matching and rank written as PostgreSQL full-text search over the stored search
// documents (ts_rank, @@, array overlaps). The index must find the same organisations and rank them alike.
const wordQuery = (word: string) =>
  sql`(to_tsquery('simple', unaccent(${word}::text) || ':*') || plainto_tsquery('russian', unaccent(${word}::text)) || plainto_tsquery('french', unaccent(${word}::text)))`;

function oracle(words: SearchWord[]): SQL {
  const required = requiredWords(words);
  const conditions = required.map((w) => {
    const ways: SQL[] = [sql`search_vector @@ (select ${wordQuery(w.word)})`];
    const concepts = [...w.concepts, ...w.narrower];
    if (concepts.length > 0) ways.push(sql`concept_codes && ${sql.param(concepts)}::text[]`);
    if (w.nameKey) ways.push(sql`name_key_list && array[${w.nameKey}::text]`);
    return sql`(${sql.join(ways, sql` or `)})`;
  });
  const perWord = required.map((w) => {
    if (w.concepts.length === 0 && w.narrower.length === 0) return sql`0`;
    return sql`(case when concept_codes && ${sql.param(w.concepts)}::text[] then 1 when concept_codes && ${sql.param(w.narrower)}::text[] then 0.5 else 0 end)`;
  });
  const keys = words.flatMap((w) => (w.nameKey ? [w.nameKey] : []));
  const name = keys.length === 0 ? sql`0` : sql`(case when name_key_list && ${sql.param(keys)}::text[] then 1 else 0 end)`;
  // ranked by the lexemes the index ranks by (rankItems): a query with one lexeme both as a prefix and
  // exactly leaves PostgreSQL's choice between them to its sort
  const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
  const any = sql.join(
    items.map((i) => sql`to_tsquery('simple', ${i.lexeme}::text || ${i.prefix ? ':*' : ''}::text)`),
    sql` || `,
  );
  return sql`select id::text, ((${sql.join(perWord, sql` + `)}) / ${required.length}::float8
      + ts_rank(search_vector, (select ${any})) + 0.3 * ${name})::float8 as rank
    from organisations where published and ${sql.join(conditions, sql` and `)}`;
}

describe('directory index against PostgreSQL full-text search', () => {
  let platform: TestPlatform;
  beforeAll(async () => {
    platform = await createTestPlatform({ seedDemo: true, seedExamples: true });
    await loadEvaluationProfiles(platform);
  });
  afterAll(() => platform?.close());

  it('finds the same organisations with the same rank for every evaluation query', async () => {
    const { repos } = platform.services;
    const index = new DirectoryIndex(repos.search);
    await index.refresh();
    const filter = { regionCodes: [], kinds: [], sectors: [], areaCodes: [], naceClasses: [] };
    const texts = (evaluationQueries.queries as { ru: string; fr: string; en: string }[]).flatMap((q) => [q.ru, q.fr, q.en]);
    let compared = 0;
    for (const text of [...texts, 'Obni', 'Ванденбрук', 'the filters of Kaluga', 'для']) {
      const read = (await readQuery(repos, text, 'q'))!;
      const found = index.search(read.words, filter, { offset: 0, limit: 10_000 });
      const expected = ((await platform.database.db.execute(oracle(read.words))) as unknown as { rows: { id: string; rank: number }[] })
        .rows;
      expect(found.total, text).toBe(expected.length);
      const rankOf = new Map(found.hits.map((h) => [h.id, h.rank]));
      for (const row of expected) expect(rankOf.get(row.id), `${text}: ${row.id}`).toBe(row.rank);
      compared += expected.length;
    }
    expect(compared).toBeGreaterThan(400);
  });

  it('lists without words the organisations the database lists, in its order, with its count, in every order', async () => {
    const { repos } = platform.services;
    const index = new DirectoryIndex(repos.search);
    await index.refresh();
    const none = { regionCodes: [], kinds: [], sectors: [], areaCodes: [], naceClasses: [] };
    const filters = [
      none,
      { ...none, regionCodes: ['FR-87', 'FR-19', 'FR-23', 'FR-NAQ'] },
      { ...none, kinds: ['university' as const, 'research_institute' as const] },
      { ...none, areaCodes: ['filters-filtering-materials'], sectors: ['business' as const] },
      { ...none, naceClasses: ['23.44'] },
    ];
    const orders: ListOrder[] = [
      { sort: 'name', lang: 'ru' },
      { sort: 'name', lang: 'fr' },
      { sort: 'name', lang: 'en' },
      { sort: 'newest' },
    ];
    let listed = 0;
    const firstPages = new Set<string>();
    for (const order of orders) {
      for (const filter of filters) {
        for (const range of [
          { offset: 0, limit: 20 },
          { offset: 20, limit: 20 },
          { offset: 0, limit: 1000 },
        ]) {
          const expected = await repos.organisations.browse(filter, range, order);
          const found = index.browse(filter, range, order);
          const label = JSON.stringify({ order, filter, range });
          expect(found.total, label).toBe(expected.total);
          expect(found.ids, label).toEqual(expected.rows.map((r) => r.id));
          listed += found.ids.length;
          if (filter === none && range.offset === 0 && range.limit === 20) firstPages.add(found.ids.join());
        }
      }
    }
    expect(listed).toBeGreaterThan(400);
    // the orders do differ: each language's readers see other names first
    expect(firstPages.size).toBe(orders.length);
  });
});
