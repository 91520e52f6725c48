// Offer matching benchmark (docs/benchmarks.md): offer ↔ request top-20 latency with 300,000 synthetic offers
// beside the 100,000 synthetic organisations, on PGlite and on PostgreSQL, and the offer index's load time.
//   npm run bench:offer-matching [-- --organisations 100000 --offers 300000 --queries 200 --postgres postgres://… --skip-postgres]
//   OFFER_BENCH_QUICK=1 npm run bench:offer-matching   (10,000 organisations, 30,000 offers: a quick look)
import { parseArgs } from 'node:util';
import { buildApp } from '../src/http/app.js';
import type { Platform } from '../src/platform.js';
import { OfferIndex } from '../src/services/offer-matching/offer-index.js';
import { syntheticOfferRows } from '../src/services/synthetic-offer-rows.js';
import { benchDataDir, DEFAULT_POSTGRES_URL, openBenchPlatform } from './bench-setup.js';

const quick = !!process.env.OFFER_BENCH_QUICK;
const { values: args } = parseArgs({
  options: {
    organisations: { type: 'string', default: quick ? '10000' : '100000' },
    offers: { type: 'string', default: quick ? '30000' : '300000' },
    queries: { type: 'string', default: '200' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL.replace(/cb_bench$/, 'cb_bench_offers') },
    'skip-postgres': { type: 'boolean', default: false },
  },
});
const ORGANISATIONS = Number(args.organisations);
const OFFERS = Number(args.offers);
const QUERIES = Number(args.queries);
const BATCH = 2000;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** Writes the synthetic offers once per database. */
async function ensureOffers(platform: Platform): Promise<void> {
  const repo = platform.services.repos.offerMatches;
  const have = await repo.syntheticCount();
  if (have >= OFFERS) return repo.analyse();
  console.log(`generating ${OFFERS} synthetic offers (once per database)…`);
  const started = performance.now();
  const owners = await repo.syntheticOwners();
  let batch = [];
  let written = 0;
  for (const row of syntheticOfferRows(OFFERS, owners, new Date().toISOString().slice(0, 10))) {
    batch.push(row);
    if (batch.length === BATCH) {
      await repo.insertMany(batch);
      written += batch.length;
      batch = [];
      if (written % 50_000 === 0) console.log(`  ${written}`);
    }
  }
  await repo.insertMany(batch);
  await repo.analyse();
  console.log(`written in ${((performance.now() - started) / 1000).toFixed(0)} s`);
}

interface Row {
  engine: string;
  queries: number;
  p50: number;
  p95: number;
  max: number;
  found: number;
}

async function measure(engine: string, platform: Platform): Promise<{ rows: Row[]; loadMs: number; size: number }> {
  await ensureOffers(platform);
  // the index's load, as the first matching after a start meets it
  const index = new OfferIndex(platform.services.repos.offerMatches);
  const loadStarted = performance.now();
  await index.refresh();
  const loadMs = performance.now() - loadStarted;
  console.log(`${engine}: offer index loaded ${index.size} published offers in ${loadMs.toFixed(0)} ms`);

  const app = await buildApp({ services: platform.services, database: platform.database.kind, webRoot: null });
  // requests and offers alike, spread over the set
  const step = Math.max(1, Math.floor(OFFERS / QUERIES));
  const urls = Array.from({ length: QUERIES }, (_, i) => `/api/v1/offers/synthetic-offer-${(i * step + 7) % OFFERS}/matches?lang=fr`);
  await app.inject(urls[0]!); // loads the service's own index
  const rows: Row[] = [];
  for (const pass of ['cold', 'warm']) {
    const times: number[] = [];
    let found = 0;
    for (const url of urls) {
      const started = performance.now();
      const res = await app.inject(url);
      times.push(performance.now() - started);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      found += res.json().items.length;
    }
    times.sort((a, b) => a - b);
    const row = {
      engine: `${engine} (${pass})`,
      queries: times.length,
      p50: percentile(times, 50),
      p95: percentile(times, 95),
      max: times.at(-1)!,
      found: found / times.length,
    };
    console.log(
      `${row.engine}: top 20 matches p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, max ${row.max.toFixed(1)} ms (${row.found.toFixed(1)} matches a query)`,
    );
    rows.push(row);
  }
  await app.close();
  return { rows, loadMs, size: index.size };
}

const results: Row[] = [];
const loads: string[] = [];
{
  // a data folder of its own: the directory's benchmark set stays without offers
  const platform = await openBenchPlatform('pglite', ORGANISATIONS, args.postgres, `${benchDataDir(ORGANISATIONS)}-offers`);
  const m = await measure('PGlite', platform);
  results.push(...m.rows);
  loads.push(`PGlite: index load ${m.loadMs.toFixed(0)} ms for ${m.size} offers`);
  await platform.close();
}
if (!args['skip-postgres']) {
  const platform = await openBenchPlatform('postgres', ORGANISATIONS, args.postgres);
  const m = await measure('PostgreSQL', platform);
  results.push(...m.rows);
  loads.push(`PostgreSQL: index load ${m.loadMs.toFixed(0)} ms for ${m.size} offers`);
  await platform.close();
}
console.log(`${ORGANISATIONS} organisations, ${OFFERS} offers`);
for (const line of loads) console.log(line);
console.table(
  results.map((r) => ({
    engine: r.engine,
    queries: r.queries,
    'p50 ms': r.p50.toFixed(1),
    'p95 ms': r.p95.toFixed(1),
    'max ms': r.max.toFixed(1),
    matches: r.found.toFixed(1),
  })),
);
