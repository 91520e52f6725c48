// Registry search benchmark (docs/benchmarks.md): the one search box across record types on PGlite, over
// the synthetic organisations and records (made once in `.bench/pglite-COUNT`), through the service as the
// route calls it; and the server's extra memory for the records index.
//   npm run bench:record-search [-- --count 100000 --agreements 50000 --initiatives 20000 --residencies 10000
//                                  --academic 0 --queries 300 --data-dir .bench/timeline-pglite-1]
// --data-dir reads another PGlite folder of the synthetic set (the timeline benchmark's holds the same records).
import { sql } from 'drizzle-orm';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/cli/progress.js';
import describedQueries from '../src/reference/evaluation/described/queries.json' with { type: 'json' };
import evaluationQueries from '../src/reference/evaluation/queries.json' with { type: 'json' };
import { queryWords } from '../src/repositories/search-query.js';
import { random } from '../src/services/synthetic-organisations.js';
import { insertSyntheticRecords } from '../src/services/synthetic-records.js';
import type { RecordSearchQuery } from '../src/shared/schemas/registry-search.js';
import { DEFAULT_POSTGRES_URL, openBenchPlatform } from './bench-setup.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    agreements: { type: 'string', default: '50000' },
    initiatives: { type: 'string', default: '20000' },
    residencies: { type: 'string', default: '10000' },
    academic: { type: 'string', default: '0' },
    queries: { type: 'string', default: '300' },
    'data-dir': { type: 'string' },
  },
});
const COUNT = Number(args.count);
const RECORDS = {
  agreements: Number(args.agreements),
  initiatives: Number(args.initiatives),
  academicPartnerships: Number(args.academic),
  residencies: Number(args.residencies),
};
const QUERIES = Number(args.queries);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
/** The heap and the typed arrays' buffers (the postings live in those, outside the heap). */
const heap = () => {
  globalThis.gc?.();
  const { heapUsed, arrayBuffers } = process.memoryUsage();
  return heapUsed + arrayBuffers;
};

/** Filters a user adds to words now and then: a kind, a stage, a region, a period. */
const FILTERS: Partial<RecordSearchQuery>[] = [
  {},
  {},
  { kind: ['agreement'] },
  { kind: ['initiative'], stage: ['active'] },
  { region: ['RU-KLU'] },
  { from: '2010', to: '2020' },
  { kind: ['residency'], from: '2020' },
];

/**
 * Queries of 1–6 words in ru, fr and en: words of the records' own titles and summaries (as read from the
 * database), and the evaluation queries (the named and the described ones) cut to a length.
 */
async function queries(platform: Awaited<ReturnType<typeof openBenchPlatform>>): Promise<RecordSearchQuery[]> {
  const rnd = random(7);
  const result = (await platform.database.db.execute(sql`
    select concat_ws(' ', title->>'ru', title->>'fr', title->>'en', summary->>'ru', summary->>'fr', summary->>'en') as text
      from cooperation_records where published order by id limit 400`)) as unknown as { rows: { text: string }[] };
  const own = result.rows.map((r) => r.text);
  const described = (describedQueries.queries as { ru: string; fr: string; en: string }[]).flatMap((q) => [q.ru, q.fr, q.en]);
  const named = (evaluationQueries.queries as Record<string, unknown>[]).flatMap((q) =>
    ['ru', 'fr', 'en', 'q', 'query'].flatMap((k) => (typeof q[k] === 'string' ? [q[k] as string] : [])),
  );
  const texts = [...own, ...described, ...named];
  return Array.from({ length: QUERIES }, (_, i) => {
    const words = queryWords(texts[Math.floor(rnd() * texts.length)]!);
    const length = 1 + Math.floor(rnd() * 6);
    const start = Math.floor(rnd() * Math.max(1, words.length - length));
    return { q: words.slice(start, start + length).join(' ') || 'filtres', page: 1, pageSize: 20, ...FILTERS[i % FILTERS.length] };
  });
}

async function main() {
  const platform = await openBenchPlatform('pglite', COUNT, DEFAULT_POSTGRES_URL, args['data-dir']);
  const { repos, registrySearch } = platform.services;
  const wanted = Object.values(RECORDS).reduce((a, b) => a + b, 0);
  const have = Number(
    (
      (await platform.database.db.execute(
        sql`select count(*)::int as n from cooperation_records where source = 'synthetic'`,
      )) as unknown as {
        rows: { n: number }[];
      }
    ).rows[0]!.n,
  );
  if (have < wanted) {
    console.log(`generating ${wanted} synthetic records (once per database)…`);
    const started = performance.now();
    await insertSyntheticRecords(repos, RECORDS, { onProgress: progressBar('records').update });
    console.log(`generated in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }

  // the planner's statistics of the records (PGlite runs no autovacuum): without them the look for records
  // written since the index's last refresh walked every record by id (300 ms) instead of the revision index
  await repos.recordBatches.analyse();
  const before = heap();
  const loadStarted = performance.now();
  await registrySearch.warmUp();
  const loadMs = performance.now() - loadStarted;
  const extra = heap() - before;
  console.log(
    `records index: ${registrySearch.indexed} published records loaded in ${(loadMs / 1000).toFixed(1)} s, ${(extra / 1048576).toFixed(0)} MB of heap and typed arrays`,
  );

  const asked = await queries(platform);
  // a round to warm the code up, then the measured one
  for (const query of asked.slice(0, 30)) await registrySearch.search(query);
  const times: number[] = [];
  const byLength = new Map<number, number[]>();
  let found = 0;
  let empty = 0;
  for (const query of asked) {
    const started = performance.now();
    const list = await registrySearch.search(query);
    const ms = performance.now() - started;
    times.push(ms);
    const length = queryWords(query.q!).length;
    byLength.set(length, [...(byLength.get(length) ?? []), ms]);
    found += list.total;
    if (list.total === 0) empty++;
  }
  const row = (label: string, list: number[]) => {
    const sorted = [...list].sort((a, b) => a - b);
    return `| ${label.padEnd(22)} | ${String(sorted.length).padStart(7)} | ${percentile(sorted, 50).toFixed(1).padStart(6)} | ${percentile(sorted, 95).toFixed(1).padStart(6)} | ${sorted.at(-1)!.toFixed(1).padStart(6)} |`;
  };
  console.log(
    `\nPGlite, ${COUNT} organisations, ${registrySearch.indexed} records; mean ${(found / times.length).toFixed(0)} matches, ${empty} queries without any`,
  );
  console.log('| queries                | queries |  p50 ms |  p95 ms |  max ms |');
  console.log('|------------------------|--------:|-------:|-------:|-------:|');
  console.log(row('all (1–6 words, ru/fr/en)', times));
  for (const [length, list] of [...byLength].sort(([a], [b]) => a - b)) console.log(row(`${length} word${length > 1 ? 's' : ''}`, list));
  // the same words in SQL, for the decision between a SQL path and the index (docs/decisions.md): the stored
  // documents' GIN index and ts_rank over what it finds, the words as typed only (no stems of other
  // languages, concepts or translations: less than the index does, so a lower bound of that path's cost)
  const sqlTimes: number[] = [];
  for (const query of asked.slice(0, 100)) {
    const words = queryWords(query.q!).map((w) => w.toLowerCase());
    const started = performance.now();
    await platform.database.db.execute(sql`
      select id from cooperation_records, to_tsquery('simple', ${words.map((w) => `${w.replace(/'/g, '')}:*`).join(' & ')}) q
       where published and search_vector @@ q order by ts_rank(search_vector, q) desc, id limit 20`);
    sqlTimes.push(performance.now() - started);
  }
  console.log(row('SQL, words as typed', sqlTimes));
  const p95 = percentile(
    [...times].sort((a, b) => a - b),
    95,
  );
  console.log(`\ntarget p95 ≤ 30 ms: ${p95 <= 30 ? 'met' : 'NOT met'} (${p95.toFixed(1)} ms)`);
  await platform.close();
}

await main();
