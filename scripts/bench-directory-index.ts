// The directory index alone, in memory (docs/scaling.md): search, listing and facet latency over a synthetic
// set, without HTTP or the database, so that what a query costs the index is measured apart from the rest.
//   npm run bench:directory-index [-- --count 100000,1000000 --queries 240]
// Documents are built as the database writes them, from each word's lexemes in the 'simple' and the
// text's own language configuration (asked of an in-memory PGlite once per distinct word): names at weight
// A, the city at B, the description at C (the titles of the codes, weight D, are left out). Query words
// are read through the shipped glossary and vocabulary bridges, as a search reads them.
import { parseArgs } from 'node:util';
import { recordFields } from './synthetic-profile.js';
import { sql } from 'drizzle-orm';
import { openPlatform } from '../src/platform.js';
import type { Database } from '../src/db/client.js';
import type { Repositories } from '../src/repositories/index.js';
import type { OrganisationFilter } from '../src/repositories/organisation.repository.js';
import type { IndexedOrganisation } from '../src/repositories/search.repository.js';
import { TEXT_SEARCH_CONFIG } from '../src/repositories/search-query.js';
import { DirectoryIndex, type IndexWord } from '../src/services/search/directory-index.js';
import { readQuery } from '../src/services/search/read-query.js';
import { expandRegions } from '../src/services/regions.js';
import { syntheticOrganisations } from '../src/services/synthetic-organisations.js';
import { LANGUAGES, type Language } from '../src/shared/languages.js';
import type { OrganisationRecord } from '../src/shared/schemas/organisation-record.js';
import { sortKey } from '../src/shared/sort-key.js';
import { FILTERS, WORDS } from './directory-queries.js';
import { soundKeys } from '../src/shared/transliterate.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000,1000000' },
    queries: { type: 'string', default: '240' },
  },
});
const COUNTS = args.count.split(',').map(Number);
const QUERIES = Number(args.queries);

type Text = Partial<Record<Language, string>> & { original: Language };
const tokens = (text: string) =>
  (text
    .normalize('NFC')
    .toLowerCase()
    .match(/[\p{L}\p{N}]+/gu) ?? []) as string[];
const textsOf = (t: Text) => LANGUAGES.flatMap((lang) => (t[lang] ? [{ lang, text: t[lang] }] : []));

/** Each distinct word's lexemes per configuration ('simple', russian, french, english), asked of PGlite in batches. */
class Lexemes {
  private readonly known = new Map<string, string[]>();
  private readonly wanted = new Set<string>();
  constructor(private readonly db: Database) {}

  want(config: string, word: string): void {
    const key = `${config}\u0000${word}`;
    if (!this.known.has(key)) this.wanted.add(key);
  }

  async fetch(): Promise<void> {
    const keys = [...this.wanted];
    this.wanted.clear();
    for (let at = 0; at < keys.length; at += 2000) {
      const batch = keys.slice(at, at + 2000).map((k) => k.split('\u0000') as [string, string]);
      const result = (await this.db.execute(sql`
        select x.i, tsvector_to_array(to_tsvector(x.config::regconfig, unaccent(x.word))) as lexemes
        from unnest(${sql.param(batch.map((b) => b[0]))}::text[], ${sql.param(batch.map((b) => b[1]))}::text[])
             with ordinality as x(config, word, i)`)) as unknown as { rows: { i: number; lexemes: string[] }[] };
      for (const row of result.rows) this.known.set(keys[at + Number(row.i) - 1]!, row.lexemes);
    }
  }

  of(config: string, word: string): string[] {
    return this.known.get(`${config}\u0000${word}`) ?? [];
  }
}

/** The words of each weighted part of an organisation's document, each with the configurations it is read in. */
function parts(o: OrganisationRecord): { weight: string; words: { word: string; configs: string[] }[] }[] {
  const weighted = (weight: string, text: Text | undefined) => ({
    weight,
    words: textsOf(text ?? { original: 'en' }).flatMap(({ lang, text: t }) =>
      tokens(t).map((word) => ({ word, configs: ['simple', TEXT_SEARCH_CONFIG[lang]] })),
    ),
  });
  return [weighted('A', o.name as Text), weighted('B', o.city as Text), weighted('C', o.description as Text)];
}

/** The organisation as the directory index reads it, its search document written as PostgreSQL writes a tsvector. */
function indexed(o: OrganisationRecord, i: number, lexemes: Lexemes): IndexedOrganisation {
  const positions = new Map<string, string[]>();
  let position = 0;
  for (const { weight, words } of parts(o)) {
    for (const { word, configs } of words) {
      position++;
      for (const config of configs)
        for (const lexeme of lexemes.of(config, word)) {
          const list = positions.get(lexeme) ?? [];
          if (list.length < 8) list.push(`${position}${weight}`);
          positions.set(lexeme, list);
        }
    }
  }
  const vector = [...positions].map(([lexeme, at]) => `'${lexeme.replaceAll("'", "''")}':${[...new Set(at)].join(',')}`).join(' ');
  const name = o.name as Text;
  const shown = (lang: Language) => name[lang] ?? name[name.original]!;
  return {
    ...recordFields(o, `org-${String(i).padStart(8, '0')}`),
    conceptCodes: [],
    sortName: shown('en'),
    nameKeys: soundKeys(textsOf(name).map((t) => t.text)),
    searchVector: vector,
    sortKeys: { ru: sortKey(shown('ru'), 'ru'), fr: sortKey(shown('fr'), 'fr'), en: sortKey(shown('en'), 'en') },
    createdAt: i,
  };
}

/** A directory index over `count` synthetic organisations, read a page at a time as from the database. */
async function buildIndex(count: number, db: Database): Promise<DirectoryIndex> {
  const lexemes = new Lexemes(db);
  const organisations = syntheticOrganisations(count);
  let next = 1;
  const index = new DirectoryIndex(
    {
      organisationsSince: async (since, page) => {
        // the whole set is one load; a refresh after it finds nothing written
        if (since !== null) return { items: [], gone: [], position: since, more: false };
        const records: OrganisationRecord[] = [];
        for (let r = organisations.next(); records.length < page.limit;) {
          if (r.done) break;
          records.push(r.value);
          if (records.length < page.limit) r = organisations.next();
        }
        for (const o of records)
          for (const part of parts(o)) for (const w of part.words) for (const c of w.configs) lexemes.want(c, w.word);
        await lexemes.fetch();
        const items = records.map((o) => indexed(o, next++, lexemes));
        return { items, gone: [], position: { seq: 0, holes: [] }, more: items.length === page.limit };
      },
    },
    10_000,
  );
  await index.refresh();
  return index;
}

/** The filter of a query string, as the directory service reads it (a region is all its subdivisions). */
async function filterOf(repos: Repositories, query: string): Promise<OrganisationFilter> {
  const params = new URLSearchParams(query);
  return {
    regionCodes: await expandRegions(repos, params.getAll('region'), 'region'),
    kinds: params.getAll('kind') as OrganisationFilter['kinds'],
    sectors: params.getAll('sector') as OrganisationFilter['sectors'],
    areaCodes: params.getAll('area'),
    naceClasses: params.getAll('nace'),
  };
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function time(label: string, runs: number, run: (i: number) => number): void {
  for (let i = 0; i < Math.min(runs, 20); i++) run(i); // warm the JIT
  const times: number[] = [];
  let found = 0;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    found += run(i);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  console.log(
    `  ${label.padEnd(34)} p50 ${percentile(times, 50).toFixed(2).padStart(6)} ms  p95 ${percentile(times, 95).toFixed(2).padStart(6)} ms  ` +
      `max ${times.at(-1)!.toFixed(2).padStart(6)} ms  (mean total ${(found / runs).toFixed(0)})`,
  );
}

const platform = await openPlatform({ databaseUrl: null, dataDir: '' }, { seedDemoIfEmpty: false });
try {
  const { repos } = platform.services;
  const words: IndexWord[][] = [];
  for (const q of WORDS) words.push((await readQuery(repos, q, 'q'))!.words);
  const filters = await Promise.all(FILTERS.map((f) => filterOf(repos, f)));
  const none: OrganisationFilter = { regionCodes: [], kinds: [], sectors: [], areaCodes: [], naceClasses: [] };
  const page = { offset: 0, limit: 20 };
  for (const count of COUNTS) {
    const started = performance.now();
    const index = await buildIndex(count, platform.database.db);
    // after a full collection when run with --expose-gc (tsx --expose-gc scripts/bench-directory-index.ts)
    (globalThis as { gc?: () => void }).gc?.();
    const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
    const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
    console.log(
      `\n${count} organisations: index built in ${((performance.now() - started) / 1000).toFixed(1)} s, ` +
        `heap ${mb(heapUsed)} MB, array buffers ${mb(arrayBuffers)} MB, rss ${mb(rss)} MB`,
    );
    // a fresh array of words per query, so that no search reuses the previous one's matches
    const wordsAt = (i: number) => [...words[i % WORDS.length]!];
    const filterAt = (i: number) => filters[i % FILTERS.length]!;
    if (process.env.PER_WORD)
      for (const [w, q] of WORDS.entries()) time(q, 40, () => index.search([...words[w]!], filterAt(w), page).total);
    time('search: words + two filters', QUERIES, (i) => index.search(wordsAt(i), filterAt(i), page).total);
    time('search: words, no filter', QUERIES, (i) => index.search(wordsAt(i), none, page).total);
    time(
      'search: words + filters, by name',
      QUERIES,
      (i) => index.search(wordsAt(i), filterAt(i), page, { sort: 'name', lang: 'fr' }).total,
    );
    time('browse: two filters, by name', QUERIES, (i) => index.browse(filterAt(i), page, { sort: 'name', lang: 'en' }).total);
    time('browse: two filters, page 50', QUERIES, (i) => index.browse(filterAt(i), { offset: 980, limit: 20 }).total);
    time('browse: no filter', QUERIES, () => index.browse(none, page).total);
    time('facets: words + two filters', QUERIES, (i) => {
      const w = wordsAt(i);
      index.search(w, filterAt(i), page);
      return Object.values(index.facets(w, filterAt(i)).kind).reduce((a, b) => a + b, 0);
    });
    time('facets: two filters, no words', QUERIES, (i) => Object.values(index.facets([], filterAt(i)).kind).reduce((a, b) => a + b, 0));
  }
} finally {
  await platform.close();
}
