// Directory benchmark (docs/benchmarks.md): search and partner-match latency on the synthetic set, on
// PGlite and on PostgreSQL, the time to re-tag after a glossary change, and the start time and memory of
// `npm start` on an existing data folder.
//   npm run bench:directory [-- --count 100000 --queries 240 --postgres postgres://… --skip-postgres --skip-start --only-start
//                              --parts search,lengths,browse,match,reindex --facets --orders]
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Platform } from '../src/platform.js';
import { benchDataDir, DEFAULT_POSTGRES_URL, openBenchPlatform } from './bench-setup.js';
import { FILTERS, partnerUrls, searchUrls, timeRequests, WORDS, type Timing } from './bench-queries.js';
import type { Actor } from '../src/services/access.js';
import describedQueries from '../src/reference/evaluation/described/queries.json' with { type: 'json' };
import { queryWords } from '../src/repositories/search-query.js';

const { values: args } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '240' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    'skip-postgres': { type: 'boolean', default: false },
    'skip-start': { type: 'boolean', default: false },
    'only-start': { type: 'boolean', default: false },
    parts: { type: 'string', default: 'search,lengths,browse,match,reindex' },
    // listings ask for each filter choice's count too, as the web app's directory does
    facets: { type: 'boolean', default: false },
    // listings in each reader's order in turn (by name for ru, fr, en readers; newest first), not only English names
    orders: { type: 'boolean', default: false },
  },
});
const COUNT = Number(args.count);
const QUERIES = Number(args.queries);
const DATA_DIR = benchDataDir(COUNT);
const PARTS = new Set(args.parts.split(','));

const figures = (row: Timing) => `p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, max ${row.max.toFixed(1)} ms`;

async function measureSearch(label: string, platform: Platform) {
  const rows = await timeRequests(
    platform,
    label,
    searchUrls(QUERIES),
    (body) => body.meta.total,
    (row, mean) =>
      `${row.engine}: words + two filters over ${COUNT} organisations, ${row.queries} queries: ${figures(row)} (mean ${mean.toFixed(0)} matches)`,
  );
  console.log(`${label}: the first search (loads the directory index) took ${rows[0]!.first.toFixed(0)} ms`);
  return rows;
}

/**
 * Queries of 1 to 10 words, no filter, as users describe what they seek: the words of the described
 * evaluation queries in the three languages, cut to each length (two queries joined when one is short).
 */
async function measureLengths(label: string, platform: Platform) {
  await platform.services.directory.warmUp();
  const texts = (describedQueries.queries as { ru: string; fr: string; en: string }[]).flatMap((q) => [q.ru, q.fr, q.en]);
  const rows: Timing[] = [];
  for (let length = 1; length <= 10; length++) {
    const urls = Array.from({ length: Math.min(QUERIES, 60) }, (_, i) => {
      const words = [...queryWords(texts[i % texts.length]!), ...queryWords(texts[(i + 7) % texts.length]!)].slice(0, length);
      return `/api/v1/organisations?q=${encodeURIComponent(words.join(' '))}`;
    });
    const [, warm] = await timeRequests(
      platform,
      `${label} ${length} word${length > 1 ? 's' : ''}`,
      urls,
      (body) => body.meta.total,
      (row, mean) => `${row.engine}: ${row.queries} queries over ${COUNT} organisations: ${figures(row)} (mean ${mean.toFixed(0)} matches)`,
    );
    rows.push(warm!);
  }
  return rows;
}

/**
 * Listings without words (the directory's first page, and filters alone), once the directory index is
 * loaded, as a running server has it: no filter, one or two filters; the first pages and deeper ones.
 */
async function measureBrowse(label: string, platform: Platform) {
  await platform.services.directory.warmUp();
  const filters = ['', 'kind=university', 'region=FR-NAQ', 'area=filters-filtering-materials', 'sector=science', ...FILTERS];
  const pages = [1, 2, 5, 50];
  const orders = ['lang=ru', 'lang=fr', 'sort=newest', 'lang=en'];
  const urls = Array.from(
    { length: QUERIES },
    (_, i) =>
      `/api/v1/organisations?${filters[i % filters.length]}&page=${pages[Math.floor(i / filters.length) % pages.length]}${args.facets ? '&facets=true' : ''}${args.orders ? `&${orders[i % orders.length]}` : ''}`,
  );
  return timeRequests(
    platform,
    `${label} browse`,
    urls,
    (body) => body.meta.total,
    (row, mean) =>
      `${row.engine}: listings without words over ${COUNT} organisations, ${row.queries} queries: ${figures(row)} (mean ${mean.toFixed(0)} listed)`,
  );
}

/** Suggested partners (top 20) for organisations spread over the set. */
async function measureMatch(label: string, platform: Platform) {
  const rows = await timeRequests(
    platform,
    `${label} match`,
    await partnerUrls(platform, QUERIES),
    (body) => body.items.length,
    (row, mean) => `${row.engine}: top-20 partners for ${row.queries} organisations: ${figures(row)} (mean ${mean.toFixed(1)} suggested)`,
  );
  console.log(`${label} match: the first suggestion (loads the partner index) took ${rows[0]!.first.toFixed(0)} ms`);
  return rows;
}

/** A coordinator adds a term, then removes it; then the whole set is re-tagged (as after a new shipped glossary). */
async function measureReindex(label: string, platform: Platform) {
  const { repos, glossary } = platform.services;
  const email = 'bench-admin@clusterbridge.test';
  const user =
    (await repos.accounts.userByEmail(email)) ??
    (await repos.accounts.createUser({ email, displayName: 'bench', language: 'en', passwordHash: 'x', emailConfirmedAt: new Date() }));
  const actor = { user, sessionId: 'bench', grants: [{ role: 'platform_admin' }] } as unknown as Actor;
  const lines: string[] = [];
  let started = performance.now();
  const added = await glossary.addTerm(actor, 'water-treatment', { language: 'fr', term: 'filtres à eau' });
  lines.push(`add a term: ${(performance.now() - started).toFixed(0)} ms, ${added.retagged} organisations re-tagged`);
  const id = added.concept.terms.find((t) => t.term === 'filtres à eau')!.id;
  started = performance.now();
  const removed = await glossary.removeTerm(actor, id);
  lines.push(`remove it: ${(performance.now() - started).toFixed(0)} ms, ${removed.retagged} re-tagged`);
  started = performance.now();
  const all = await repos.glossary.retagAll();
  lines.push(`re-tag all ${COUNT}: ${((performance.now() - started) / 1000).toFixed(1)} s (${all} changed)`);
  for (const line of lines) console.log(`${label} glossary change — ${line}`);
  return lines.map((line) => `${label}: ${line}`);
}

/** Starts `npm start` on the data folder and times it to the first page; returns the server's peak memory. */
async function measureStart(): Promise<{ ms: number; peakMb: number }> {
  const started = performance.now();
  const child = spawn('npm', ['start', '--silent'], {
    env: { ...process.env, DATA_DIR, PORT: '3977', LOG_LEVEL: 'warn', DATABASE_URL: '' },
    stdio: 'ignore',
    detached: true,
  });
  let ms = 0;
  for (;;) {
    try {
      const res = await fetch('http://127.0.0.1:3977/');
      const api = await fetch('http://127.0.0.1:3977/api/v1/organisations?pageSize=20');
      if (res.ok && api.ok) {
        ms = performance.now() - started;
        break;
      }
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > 60_000) throw new Error('no page within 60 s');
    await new Promise((r) => setTimeout(r, 25));
  }
  // a few searches so that the peak includes serving, then read the server's high-water mark
  for (const w of WORDS) await fetch(`http://127.0.0.1:3977/api/v1/organisations?q=${encodeURIComponent(w)}&region=RU-KLU&kind=enterprise`);
  const pid = JSON.parse(readFileSync(`${DATA_DIR}/clusterbridge.lock`, 'utf8')).pid as number;
  const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
  process.kill(-child.pid!, 'SIGTERM');
  while (existsSync(`${DATA_DIR}/clusterbridge.lock`)) await new Promise((r) => setTimeout(r, 50));
  return { ms, peakMb: Number(hwm) / 1024 };
}

const results = [];
const reindex: string[] = [];
if (!args['only-start']) {
  const platform = await openBenchPlatform('pglite', COUNT, args.postgres);
  if (PARTS.has('search')) results.push(...(await measureSearch('PGlite', platform)));
  if (PARTS.has('lengths')) results.push(...(await measureLengths('PGlite', platform)));
  if (PARTS.has('browse')) results.push(...(await measureBrowse('PGlite', platform)));
  if (PARTS.has('match')) results.push(...(await measureMatch('PGlite', platform)));
  if (PARTS.has('reindex')) reindex.push(...(await measureReindex('PGlite', platform)));
  await platform.close();
}
if (!args['skip-postgres'] && !args['only-start']) {
  const platform = await openBenchPlatform('postgres', COUNT, args.postgres);
  if (PARTS.has('search')) results.push(...(await measureSearch('PostgreSQL', platform)));
  if (PARTS.has('lengths')) results.push(...(await measureLengths('PostgreSQL', platform)));
  if (PARTS.has('browse')) results.push(...(await measureBrowse('PostgreSQL', platform)));
  if (PARTS.has('match')) results.push(...(await measureMatch('PostgreSQL', platform)));
  if (PARTS.has('reindex')) reindex.push(...(await measureReindex('PostgreSQL', platform)));
  await platform.close();
}
if (!args['skip-start']) {
  // build once first, so that the first start measured is a start, not a build
  spawnSync('node', ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
  const starts = [];
  for (let i = 0; i < 4; i++) starts.push(await measureStart());
  const [first, ...restarts] = starts;
  const restartMs = restarts.map((s) => s.ms).sort((a, b) => a - b);
  console.log(`npm start on an existing data folder (${COUNT} organisations) to the first page and first directory page:`);
  console.log(
    `  first start ${first!.ms.toFixed(0)} ms; restarts ${restartMs.map((m) => m.toFixed(0)).join(', ')} ms (median ${restartMs[1]!.toFixed(0)} ms)`,
  );
  console.log(`  server peak memory (VmHWM) ${Math.max(...starts.map((s) => s.peakMb)).toFixed(0)} MB`);
}
console.log(
  `benchmark process peak RSS ${(Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1]) / 1024).toFixed(0)} MB`,
);
for (const line of reindex) console.log(line);
console.table(
  results.map((r) => ({
    engine: r.engine,
    queries: r.queries,
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'max ms': r.max.toFixed(1),
  })),
);
