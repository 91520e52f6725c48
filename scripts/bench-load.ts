// Load benchmark (docs/benchmarks.md, "Load"): throughput and latency of the directory under many
// concurrent clients, beside the health route (no work) in the same run, on PGlite and on PostgreSQL.
//   npm run bench:load [-- --engine pglite|postgres|both --count 100000 --connections 64 --seconds 10
//                         --postgres postgres://… --from-source --cpu-prof DIR]
// The server runs in a process of its own (the built platform, `serve`), so that autocannon's work is not
// counted against it; its search rate limit is switched off (SEARCH_RATE_LIMIT=0), or every client of the
// benchmark, all on one address, would be answered 429 within a second.
import autocannon from 'autocannon';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { QUERY_MAX_LENGTH } from '../src/shared/domain.js';
import { benchDataDir, DEFAULT_POSTGRES_URL, openBenchPlatform } from './bench-setup.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    count: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '64' },
    seconds: { type: 'string', default: '10' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    port: { type: 'string', default: '3978' },
    'from-source': { type: 'boolean', default: false },
    'cpu-prof': { type: 'string' },
    routes: { type: 'string', default: 'health,organisation,listing,search,search-unkept,mixed' },
  },
});
const COUNT = Number(args.count);
const CONNECTIONS = Number(args.connections);
const SECONDS = Number(args.seconds);
const BASE = `http://127.0.0.1:${args.port}`;
const ENGINES = (args.engine === 'both' ? ['pglite', 'postgres'] : [args.engine]) as ('pglite' | 'postgres')[];

/** One-word searches in the three languages, rotated. */
const SEARCH_WORDS = [
  'фильтры',
  'керамика',
  'логистика',
  'Калуга',
  'céramique',
  'filtres',
  'logiciels',
  'Limoges',
  'software',
  'ceramics',
  'filtering',
  'furniture',
  'consulting',
  'électronique',
  'туризм',
  'Brive',
];
/** Listings without words: the first pages, and a filter. */
const LISTINGS = [
  '',
  'page=2',
  'page=3',
  'kind=university',
  'region=FR-NAQ',
  'sector=science',
  'area=filters-filtering-materials',
  'kind=enterprise&page=2',
];

/** Targets on PostgreSQL (ratio to the health route's throughput, p99); PGlite's ratios are half. */
const TARGETS: Record<string, { ratio: number; p99: number }> = {
  organisation: { ratio: 0.35, p99: 100 },
  listing: { ratio: 0.25, p99: 100 },
  search: { ratio: 0.1, p99: 100 },
};

/** Heavy but valid queries: the schema's longest (500 characters), many words, repeats, short prefixes. */
function heavyQueries(): string[] {
  const fill = (words: string[]) => {
    let q = '';
    for (let i = 0; q.length + words[i % words.length]!.length + 1 <= QUERY_MAX_LENGTH; i++) q += (q ? ' ' : '') + words[i % words.length];
    return q;
  };
  return [
    fill(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'p', 'r', 's', 't']),
    fill(['п', 'к', 'с', 'м', 'о', 'т', 'р', 'в', 'д', 'л', 'н', 'а']),
    fill(['filtering', 'materials', 'ceramics', 'software', 'logistics', 'furniture', 'consulting', 'electronics']),
    fill(['фильтрующие', 'материалы', 'керамика', 'программное', 'обеспечение', 'логистика', 'туризм', 'мебель']),
    fill(['recherche', 'scientifique', 'céramique', 'logiciels', 'électronique', 'matériaux', 'filtres', 'de', 'la']),
    fill(['ab', 'co', 'de', 'ma', 'pr', 'st', 'ке', 'фи', 'ло', 'про']),
    fill(['the', 'and', 'of', 'de', 'la', 'et', 'и', 'в', 'для']),
    fill(['Vandenbroucke', 'Obninsk', 'Kaluga', 'Limoges', 'Brive', 'Калуга', 'Обнинск']),
    'x'.repeat(QUERY_MAX_LENGTH),
    fill(['1', '2', '3', '4', '5', '6', '7', '8', '9', '0']),
  ];
}

async function waitFor(url: string, ms: number) {
  const started = performance.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not listening yet */
    }
    if (performance.now() - started > ms) throw new Error(`${url}: no answer within ${ms / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Starts the platform in its own process on the benchmark data, the search rate limit off. */
function startServer(engine: 'pglite' | 'postgres'): ChildProcess {
  const node = [...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : [])];
  const entry = args['from-source'] ? ['--import', 'tsx', 'src/cli/index.ts'] : ['bin/clusterbridge.js'];
  return spawn('node', [...node, ...entry, 'serve'], {
    env: {
      ...process.env,
      PORT: args.port,
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
      SEARCH_RATE_LIMIT: '0',
      DATA_DIR: benchDataDir(COUNT),
      DATABASE_URL: engine === 'postgres' ? args.postgres : '',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
}

interface Row {
  engine: string;
  route: string;
  rps: number;
  p50: number;
  p975: number;
  p99: number;
  non2xx: number;
  errors: number;
}

/** Autocannon at CONNECTIONS connections for SECONDS, each request's path from `next`. */
async function load(engine: string, route: string, next: () => string, seconds = SECONDS): Promise<Row> {
  const result = await autocannon({
    url: BASE,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: next() }) }],
  });
  return {
    engine,
    route,
    rps: result.requests.average,
    p50: result.latency.p50,
    p975: result.latency.p97_5,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

const rotate = (paths: string[]) => {
  let i = 0;
  return () => paths[i++ % paths.length]!;
};

async function measure(engine: 'pglite' | 'postgres'): Promise<Row[]> {
  // the data (made once), and organisations to visit: published ones spread over the whole set
  const platform = await openBenchPlatform(engine, COUNT, args.postgres);
  const sample = await platform.services.repos.organisations.batchAfter(null, COUNT);
  await platform.close();
  const slugs = sample.filter((o, i) => o.published && i % 50 === 0).map((o) => o.slug);
  const label = engine === 'pglite' ? 'PGlite' : 'PostgreSQL';

  const server = startServer(engine);
  try {
    await waitFor(`${BASE}/api/v1/health`, 60_000);
    // the first search loads the directory index; then a short load warms up the code and the caches
    let started = performance.now();
    await waitFor(`${BASE}/api/v1/organisations?q=filtres`, 120_000);
    // and the partner index, which `serve` loads after it: its load must not fall into a measurement
    await waitFor(`${BASE}/api/v1/organisations/${slugs[0]}/partners`, 120_000);
    console.log(`${label}: server up, directory and partner indexes loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const paths = {
      health: rotate(['/api/v1/health']),
      organisation: rotate(slugs.map((s) => `/api/v1/organisations/${s}`)),
      listing: rotate(LISTINGS.map((l) => `/api/v1/organisations?${l}`)),
      search: rotate(SEARCH_WORDS.map((w) => `/api/v1/organisations?q=${encodeURIComponent(w)}`)),
      // each request a first page not kept: 16 words × 40 page sizes, more than the 500 result pages kept
      'search-unkept': rotate(
        Array.from({ length: 40 }, (_, i) =>
          SEARCH_WORDS.map((w) => `/api/v1/organisations?q=${encodeURIComponent(w)}&pageSize=${10 + i}`),
        ).flat(),
      ),
    };
    const mixedNext = [paths.organisation, paths.organisation, paths.listing, paths.search];
    let m = 0;
    const mixed = () => mixedNext[m++ % mixedNext.length]!();
    await load(label, 'warm-up', mixed, 3);
    // and every organisation page of the rotation read once, as a running server has its visited pages:
    // the rotation measures pages kept, not the database (a page not kept costs two statements)
    await autocannon({
      url: BASE,
      connections: CONNECTIONS,
      amount: slugs.length,
      requests: [{ method: 'GET', setupRequest: (r) => ({ ...r, path: paths.organisation() }) }],
    });

    // heavy queries one at a time: each must stay within 200 ms
    const heavy: number[] = [];
    for (const q of heavyQueries()) {
      started = performance.now();
      const res = await fetch(`${BASE}/api/v1/organisations?q=${encodeURIComponent(q)}`);
      await res.arrayBuffer();
      heavy.push(performance.now() - started);
      if (res.status !== 200) console.log(`${label}: heavy query answered ${res.status}: ${q.slice(0, 40)}…`);
    }
    console.log(`${label}: heavy searches, ms each: ${heavy.map((ms) => ms.toFixed(0)).join(', ')}`);
    const worst = Math.max(...heavy);
    console.log(
      `${label}: heavy searches (${heavy.length}, ${QUERY_MAX_LENGTH} characters): worst ${worst.toFixed(0)} ms, median ${heavy.sort((a, b) => a - b)[heavy.length >> 1]!.toFixed(0)} ms ${worst <= 200 ? '✔' : '✘ (target ≤ 200 ms)'}`,
    );

    const rows: Row[] = [];
    const wanted = new Set(args.routes.split(','));
    for (const route of ['health', 'organisation', 'listing', 'search', 'search-unkept', 'mixed'] as const) {
      if (!wanted.has(route) && route !== 'health') continue;
      rows.push(await load(label, route, route === 'mixed' ? mixed : paths[route]));
      console.log(`${label} ${route}: ${rows.at(-1)!.rps.toFixed(0)} req/s`);
    }
    return rows;
  } finally {
    server.kill('SIGTERM');
    if (server.exitCode === null) await once(server, 'exit');
  }
}

if (!args['from-source']) spawnSync('node', ['scripts/build-if-stale.mjs'], { stdio: 'inherit' });
const rows: Row[] = [];
for (const engine of ENGINES) rows.push(...(await measure(engine)));

console.log(
  `\n${CONNECTIONS} connections, ${SECONDS} s a route, ${COUNT} organisations; ratio = req/s ÷ the health route's in the same run`,
);
console.table(
  rows.map((r) => {
    const health = rows.find((h) => h.engine === r.engine && h.route === 'health')!.rps;
    const target = TARGETS[r.route];
    const scale = r.engine === 'PGlite' ? 0.5 : 1;
    const ratio = r.rps / health;
    const pass = target ? ratio >= target.ratio * scale && (r.engine === 'PGlite' || r.p99 <= target.p99) : undefined;
    return {
      engine: r.engine,
      route: r.route,
      'req/s': Math.round(r.rps),
      ratio: ratio.toFixed(3),
      'p50 ms': r.p50,
      'p97.5 ms': r.p975,
      'p99 ms': r.p99,
      'non-2xx': r.non2xx + r.errors,
      target: target ? `≥ ${(target.ratio * scale).toFixed(3)}${r.engine === 'PGlite' ? '' : `, p99 ≤ ${target.p99}`}` : '',
      pass: pass === undefined ? '' : pass ? '✔' : '✘',
    };
  }),
);
