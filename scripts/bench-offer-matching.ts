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
import { timeRequests, type Timing } from './bench-queries.js';

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

type Row = Timing;

async function measure(engine: string, platform: Platform): Promise<{ rows: Row[]; loadMs: number; size: number }> {
  await ensureOffers(platform);
  // the index's load, as the first matching after a start meets it
  const index = new OfferIndex(platform.services.repos.offerMatches);
  const loadStarted = performance.now();
  await index.refresh();
  const loadMs = performance.now() - loadStarted;
  console.log(`${engine}: offer index loaded ${index.size} published offers in ${loadMs.toFixed(0)} ms`);

  // requests and offers alike, spread over the set
  const step = Math.max(1, Math.floor(OFFERS / QUERIES));
  const urls = Array.from({ length: QUERIES }, (_, i) => `/api/v1/offers/synthetic-offer-${(i * step + 7) % OFFERS}/matches?lang=fr`);
  // the service's own index loaded first, as a running server has it
  const app = await buildApp({ services: platform.services, database: platform.database.kind, webRoot: null });
  await app.inject(urls[0]!);
  await app.close();
  const rows = await timeRequests(
    platform,
    engine,
    urls,
    (body) => body.items.length,
    (row) =>
      `${row.engine}: top 20 matches p50 ${row.p50.toFixed(1)} ms, p95 ${row.p95.toFixed(1)} ms, max ${row.max.toFixed(1)} ms (${row.found.toFixed(1)} matches a query)`,
  );
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
