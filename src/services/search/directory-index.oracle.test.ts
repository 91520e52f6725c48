import { sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import evaluationQueries from '../../reference/evaluation/queries.json' with { type: 'json' };
import describedQueries from '../../reference/evaluation/described/queries.json' with { type: 'json' };
import { loadEvaluationProfiles } from '../../evaluation/search-evaluation.js';
import { requiredWords, type SearchWord } from '../../repositories/search-query.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { DirectoryIndex } from './directory-index.js';
import { readQuery } from './read-query.js';
import { rankItems } from './text-rank.js';
import { BRIDGE_PREFIX_MIN_LENGTH, bridgeStrength, ENOUGH_COVERAGE, minimumMatched, rarity } from './word-matches.js';
import type { ListOrder } from '../../shared/sort-key.js';

// The oracle: which words each published organisation matches, and how strongly, asked of PostgreSQL's
// full-text search over the stored search documents (@@, array overlaps, ts_rank); then the rule of
// word-matches.ts and directory-rank.ts applied to that. The index must find the same organisations and
// rank them alike.
const wordQuery = (word: string) =>
  sql`(to_tsquery('simple', unaccent(${word}::text) || ':*') || plainto_tsquery('russian', unaccent(${word}::text)) || plainto_tsquery('french', unaccent(${word}::text)))`;

interface OracleRow {
  id: string;
  /** Per required word: 1 matched as such, a bridge's share, or 0. */
  strength: number[];
  concepts: number[];
  named: number;
  text: number;
}

async function oracleRows(platform: TestPlatform, words: SearchWord[]): Promise<OracleRow[]> {
  const required = requiredWords(words);
  const strengths = required.map((w) => {
    // a word found only in the titles of the record's codes (weight D) counts 0.6
    const ways: SQL[] = [sql`ts_filter(search_vector, '{a,b,c}') @@ (select ${wordQuery(w.word)})`];
    const concepts = [...w.concepts, ...w.narrower];
    if (concepts.length > 0) ways.push(sql`concept_codes && ${sql.param(concepts)}::text[]`);
    if (w.nameKey) ways.push(sql`name_key_list && array[${w.nameKey}::text]`);
    const codeTitles = sql`case when search_vector @@ (select ${wordQuery(w.word)}) then 0.6 else 0 end`;
    const bridges = (w.bridges ?? []).map((b) => {
      const query = sql`to_tsquery('simple', quote_literal(${b.lexeme}::text) || ${b.lexeme.length >= BRIDGE_PREFIX_MIN_LENGTH ? ':*' : ''}::text)`;
      const strength = bridgeStrength(b.weight);
      return sql`case when ts_filter(search_vector, '{a,b,c}') @@ ${query} then ${strength}::float8
          when search_vector @@ ${query} then ${Math.min(strength, 0.6)}::float8 else 0 end`;
    });
    return sql`greatest(case when ${sql.join(ways, sql` or `)} then 1 else 0 end, ${sql.join([codeTitles, ...bridges], sql`, `)})::float8`;
  });
  const perWord = required.map((w) => {
    if (w.concepts.length === 0 && w.narrower.length === 0) return sql`0::float8`;
    return sql`(case when concept_codes && ${sql.param(w.concepts)}::text[] then 1 when concept_codes && ${sql.param(w.narrower)}::text[] then 0.5 else 0 end)::float8`;
  });
  const keys = required.flatMap((w) => (w.nameKey ? [sql`(name_key_list && array[${w.nameKey}::text])::int`] : []));
  const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
  const any = sql.join(
    items.map((i) => sql`to_tsquery('simple', ${i.lexeme}::text || ${i.prefix ? ':*' : ''}::text)`),
    sql` || `,
  );
  const result = await platform.database.db.execute(sql`select id::text,
      array[${sql.join(strengths, sql`, `)}]::float8[] as strength,
      array[${sql.join(perWord, sql`, `)}]::float8[] as concepts,
      ${keys.length > 0 ? sql.join(keys, sql` + `) : sql`0`} as named,
      ${items.length > 0 ? sql`ts_rank(search_vector, (select ${any}))` : sql`0`}::float8 as text
    from organisations where published`);
  return (result as unknown as { rows: OracleRow[] }).rows;
}

/** The organisations the oracle finds for the words, with their rank. */
function oracleRanks(rows: OracleRow[], words: SearchWord[]): Map<string, number> {
  const required = requiredWords(words);
  const rarities = required.map((_, i) => rarity(rows.filter((r) => r.strength[i]! > 0).length, rows.length));
  const total = rarities.reduce((a, b) => a + b, 0);
  const scored = rows.map((r) => {
    const matched = r.strength.filter((x) => x > 0).length;
    const coverage = Math.fround(r.strength.reduce((sum, x, i) => Math.fround(sum + Math.fround(rarities[i]! * x)), 0) / total);
    return { r, matched, coverage };
  });
  const minimum = minimumMatched(required.length);
  let found = scored.filter((s) => s.matched >= minimum || (required.length >= 3 && s.coverage > ENOUGH_COVERAGE));
  if (found.length === 0) found = scored.filter((s) => s.matched > 0);
  const keyed = required.filter((w) => w.nameKey).length;
  return new Map(
    found.map(({ r, coverage }) => {
      const name = r.named === 0 ? 0 : r.named === keyed ? 1 : (0.3 * r.named) / keyed;
      const concepts = r.concepts.reduce((a, b) => a + b, 0);
      return [r.id, coverage + (0.2 * concepts) / required.length + 0.5 * r.text + name];
    }),
  );
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
    // the described queries are long: they try the minimum share of words, the rarity rule and partial answers
    const texts = ([...evaluationQueries.queries, ...describedQueries.queries] as { ru: string; fr: string; en: string }[]).flatMap((q) => [
      q.ru,
      q.fr,
      q.en,
    ]);
    let compared = 0;
    for (const text of [...texts, 'Obni', 'Ванденбрук', 'the filters of Kaluga', 'для']) {
      const read = (await readQuery(repos, text, 'q'))!;
      const found = index.search(read.words, filter, { offset: 0, limit: 10_000 });
      const expected = oracleRanks(await oracleRows(platform, read.words), read.words);
      expect(found.total, text).toBe(expected.size);
      const rankOf = new Map(found.hits.map((h) => [h.id, h.rank]));
      for (const [id, rank] of expected) expect(rankOf.get(id), `${text}: ${id}`).toBeCloseTo(rank, 5);
      compared += expected.size;
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
