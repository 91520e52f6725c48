// Timeline benchmark (docs/benchmarks.md): the first page of a partnership's, an organisation's and an area's
// timeline, with filters, on the synthetic registry (100,000 organisations, 50,000 agreements, 20,000
// initiatives, 10,000 residencies by default), on PGlite and, when a server is named, on PostgreSQL.
//   npm run bench:timeline [-- --scale 0.2 --requests 240 --postgres postgres://… --skip-pglite --fresh]
// The data is made once per folder or database (.bench/timeline-pglite-SCALE, cb_bench_timeline_SCALE) and
// reused; --fresh makes it again.
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { progressBar } from '../src/cli/progress.js';
import { buildApp } from '../src/http/app.js';
import { openPlatform, type Platform } from '../src/platform.js';
import { importOrganisations } from '../src/services/import-organisations.js';
import { syntheticOrganisations } from '../src/services/synthetic-organisations.js';
import { insertSyntheticRecords } from '../src/services/synthetic-records.js';
import { ensureDatabase } from './bench-setup.js';

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: '1' },
    requests: { type: 'string', default: '240' },
    postgres: { type: 'string' },
    'skip-pglite': { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
});
const SCALE = Number(args.scale);
const REQUESTS = Number(args.requests);
const COUNTS = {
  organisations: Math.round(100_000 * SCALE),
  agreements: Math.round(50_000 * SCALE),
  initiatives: Math.round(20_000 * SCALE),
  residencies: Math.round(10_000 * SCALE),
};
const POSTGRES = args.postgres ?? (process.env.TEST_DATABASE_URL || process.env.DATABASE_URL || null);
const tag = String(SCALE).replace('.', '_');

/** Partnerships between the synthetic set's regions; the last one's French side is a region of departments. */
const PARTNERSHIPS = [
  { slug: 'kaluga-limousin', sides: [['RU-KLU'], ['FR-19', 'FR-23', 'FR-87']] },
  { slug: 'bench-moscow-ile-de-france', sides: [['RU-MOW'], ['FR-IDF']] },
  { slug: 'bench-tula-auvergne-rhone-alpes', sides: [['RU-TUL'], ['FR-ARA']] },
  { slug: 'bench-saint-petersburg-nouvelle-aquitaine', sides: [['RU-SPE'], ['FR-NAQ']] },
];
const AREAS = [
  'filters-filtering-materials',
  'non-metallic-materials-industrial-ceramics',
  'innovative-technology-transfer',
  'industrial-control-software',
];
const PERIODS = ['from=2010&to=2012', 'from=2004&to=2004', 'from=2020-06&to=2021-05', 'from=1999-03-15&to=2003'];

async function ensureData(platform: Platform): Promise<void> {
  const repos = platform.services.repos;
  for (const p of PARTNERSHIPS)
    if (!(await repos.partnerships.getBySlug(p.slug)))
      await repos.partnerships.insert({
        slug: p.slug,
        name: { original: 'en', en: p.slug },
        description: null,
        areaCodes: [],
        sides: p.sides.map((regionCodes, i) => ({ name: { original: 'en', en: `side ${i + 1}` }, regionCodes })),
      });
  const wanted = COUNTS.agreements + COUNTS.initiatives + COUNTS.residencies;
  const have = await repos.recordBatches.countBySource('synthetic');
  if (have === wanted) return;
  // a set left half-made (an interrupted run) is made again whole
  if (have > 0) await repos.recordBatches.deleteBySource('synthetic');
  let started = performance.now();
  // the demo's few organisations are there from the start
  if ((await repos.organisations.count()) < COUNTS.organisations) {
    console.log(`generating ${COUNTS.organisations} organisations…`);
    const rows = [...syntheticOrganisations(COUNTS.organisations)].map((value, i) => ({ line: i + 1, value }));
    await importOrganisations(repos, platform.services.classifications, rows, {
      onProgress: progressBar('organisations').update,
      skipExisting: true,
    });
    console.log(`organisations in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  started = performance.now();
  const { organisations: _o, ...records } = COUNTS;
  await insertSyntheticRecords(repos, records, { onProgress: progressBar('records').update });
  console.log(`records in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  engine: string;
  case: string;
  requests: number;
  entries: number;
  p50: number;
  p95: number;
  max: number;
}

async function measure(platform: Platform, engine: string): Promise<Row[]> {
  const app = await buildApp({ services: platform.services, database: platform.database.kind, webRoot: null });
  const db = platform.database.db;
  // the planner's statistics and the GIN indexes' pending lists emptied, as insertSyntheticRecords leaves them
  // (a set made before it did: the regions' GIN scan of a partnership took 14 ms instead of 0.8)
  await platform.services.repos.recordBatches.analyse();
  const partySlugs = (
    (await db.execute(
      sql`select o.slug from organisations o where o.id in (select organisation_id from record_parties) order by o.slug limit 60`,
    )) as unknown as {
      rows: { slug: string }[];
    }
  ).rows.map((r) => r.slug);
  const partnership = (i: number, query: string) => `/api/v1/partnerships/${PARTNERSHIPS[i % PARTNERSHIPS.length]!.slug}/timeline?${query}`;
  const cases: [string, (i: number) => string][] = [
    ['partnership, no filter (newest first)', (i) => partnership(i, '')],
    ['partnership, oldest first', (i) => partnership(i, 'order=oldest')],
    ['partnership, kind=agreement', (i) => partnership(i, 'kind=agreement')],
    ['partnership, kind=initiative&kind=milestone', (i) => partnership(i, 'kind=initiative&kind=milestone')],
    ['partnership, area=…', (i) => partnership(i, `area=${AREAS[i % AREAS.length]}`)],
    ['partnership, period from/to', (i) => partnership(i, PERIODS[i % PERIODS.length]!)],
    [
      'partnership, kind+area+period',
      (i) => partnership(i, `kind=agreement&area=${AREAS[i % AREAS.length]}&${PERIODS[i % PERIODS.length]}`),
    ],
    ['organisation (60 of them)', (i) => `/api/v1/organisations/${partySlugs[i % partySlugs.length]}/timeline`],
    ['area, region=…', (i) => `/api/v1/areas/${AREAS[i % AREAS.length]}/timeline?region=${i % 2 ? 'RU-KLU' : 'FR-NAQ'}`],
  ];
  const rows: Row[] = [];
  for (const [name, url] of cases) {
    for (let i = 0; i < 20; i++) await app.inject(url(i)); // warm-up: buffers and plans
    const times: number[] = [];
    let entries = 0;
    for (let i = 0; i < REQUESTS; i++) {
      const started = performance.now();
      const res = await app.inject(url(i));
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${url(i)}: ${res.statusCode} ${res.body}`);
      entries += res.json().entries.length;
    }
    times.sort((a, b) => a - b);
    const row = {
      engine,
      case: name,
      requests: REQUESTS,
      entries: entries / REQUESTS,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1)!,
    };
    console.log(
      `${engine} | ${name} | p50 ${row.p50.toFixed(1)} ms | p95 ${row.p95.toFixed(1)} ms | max ${row.max.toFixed(1)} ms | ${row.entries.toFixed(1)} entries`,
    );
    rows.push(row);
  }
  await app.close();
  return rows;
}

async function openEngine(engine: 'pglite' | 'postgres'): Promise<Platform> {
  if (engine === 'pglite') {
    const dir = resolve(`.bench/timeline-pglite-${tag}`);
    if (args.fresh) rmSync(dir, { recursive: true, force: true });
    return openPlatform({ databaseUrl: null, dataDir: dir }, { seedDemoIfEmpty: true });
  }
  const url = new URL(POSTGRES!);
  url.pathname = `/cb_bench_timeline_${tag}`;
  if (args.fresh) {
    const admin = new pg.Client({ connectionString: POSTGRES! });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS cb_bench_timeline_${tag} WITH (FORCE)`);
    await admin.end();
  }
  await ensureDatabase(url.toString());
  return openPlatform({ databaseUrl: url.toString(), dataDir: '' }, { seedDemoIfEmpty: true });
}

const engines: ('pglite' | 'postgres')[] = [
  ...(args['skip-pglite'] ? [] : ['pglite' as const]),
  ...(POSTGRES ? ['postgres' as const] : []),
];
const all: Row[] = [];
console.log(`scale ${SCALE}: ${JSON.stringify(COUNTS)}; ${REQUESTS} requests a case`);
for (const engine of engines) {
  const platform = await openEngine(engine);
  try {
    await ensureData(platform);
    all.push(...(await measure(platform, engine)));
  } finally {
    await platform.close();
  }
}
console.log('\n| engine | case | requests | entries | p50 ms | p95 ms | max ms |\n|---|---|---|---|---|---|---|');
for (const r of all)
  console.log(
    `| ${r.engine} | ${r.case} | ${r.requests} | ${r.entries.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.max.toFixed(1)} |`,
  );
const over = all.filter((r) => r.p95 > 30);
console.log(over.length === 0 ? '\nevery p95 ≤ 30 ms' : `\np95 over 30 ms: ${over.map((r) => `${r.engine} ${r.case}`).join('; ')}`);
