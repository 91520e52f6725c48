// What the benchmarks share: the synthetic set of organisations, made once per database and reused
// (`.bench/pglite-COUNT` for PGlite, a database of the PostgreSQL server).
import { resolve } from 'node:path';
import pg from 'pg';
import { openPlatform, type Platform } from '../src/platform.js';
import { importOrganisations } from '../src/services/import-organisations.js';
import { syntheticOrganisations } from '../src/services/synthetic-organisations.js';
import type { RawRow } from '../src/services/organisation-record.js';
import { progressBar } from '../src/cli/progress.js';
import { buildDeferredIndexes, deferIndexes } from './bench-bulk-load.js';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/cb_bench';

/** The PGlite data folder of the synthetic set of `count` organisations. */
export const benchDataDir = (count: number) => resolve(`.bench/pglite-${count}`);

/** What making a synthetic set cost: the generating process's time and peak memory. */
export interface Generation {
  count: number;
  inserted: number;
  seconds: number;
  /** The generating process's peak resident set (process.resourceUsage().maxRSS), in MB. */
  peakRssMb: number;
}

/** Organisations per transaction: the set is streamed, so that a million fit in a few hundred MB. */
const GENERATION_BATCH = 20_000;
/** Batches written at once. */
const IN_FLIGHT = 2;

/**
 * Makes the synthetic set once (tagging included); on later runs only refreshes the planner's statistics.
 * The rows are made and imported a batch at a time, each batch its own transaction, so that an interrupted
 * run resumes where it stopped (the slugs already there are skipped); the secondary indexes are built once
 * at the end (bench-bulk-load.ts). Returns what making it cost, or null
 * when the set was there.
 */
export async function ensureData(platform: Platform, count: number): Promise<Generation | null> {
  const { repos, classifications } = platform.services;
  const { db } = platform.database;
  const have = await repos.organisations.count();
  if (have >= count) {
    // a load interrupted after its last batch left its indexes to build
    await buildDeferredIndexes(db);
    await repos.organisations.analyse();
    return null;
  }
  console.log(`generating ${count} synthetic organisations (once per database${have > 0 ? `, ${have} there already` : ''})…`);
  const started = performance.now();
  await deferIndexes(db);
  const progress = progressBar('generate');
  let done = 0;
  let inserted = 0;
  // Two batches in flight, each its own transaction on its own connection: while the server writes one
  // (its GIN indexes are most of the cost), this process makes and tags the next, so both cores work.
  const inFlight = new Set<Promise<void>>();
  const importBatch = (batch: RawRow[]) => {
    const running = importOrganisations(repos, classifications, batch, { skipExisting: true, analyse: false }).then((report) => {
      inserted += report.inserted;
      done += batch.length;
      progress.update(done, count);
      inFlight.delete(running);
    });
    inFlight.add(running);
    return running;
  };
  let batch: RawRow[] = [];
  let line = 0;
  for (const value of syntheticOrganisations(count)) {
    batch.push({ line: ++line, value });
    if (batch.length < GENERATION_BATCH) continue;
    void importBatch(batch);
    batch = [];
    if (inFlight.size >= IN_FLIGHT) await Promise.race(inFlight);
  }
  if (batch.length > 0) void importBatch(batch);
  await Promise.all(inFlight);
  const building = progressBar('index');
  await buildDeferredIndexes(db, (_name, built, total) => building.update(built, total));
  await repos.organisations.analyse();
  const generation = {
    count,
    inserted,
    seconds: (performance.now() - started) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  console.log(
    `generated and imported ${inserted} (tagging included) in ${generation.seconds.toFixed(0)} s, peak RSS ${generation.peakRssMb.toFixed(0)} MB`,
  );
  return generation;
}

/** Creates the server's benchmark database when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  await client.end();
}

/** Opens the benchmark platform of an engine, with its synthetic set made or checked. */
export async function openBenchPlatform(
  engine: 'pglite' | 'postgres',
  count: number,
  postgresUrl: string,
  dataDir = benchDataDir(count),
): Promise<Platform> {
  if (engine === 'postgres') await ensureDatabase(postgresUrl);
  const platform =
    engine === 'pglite'
      ? await openPlatform({ databaseUrl: null, dataDir: resolve(dataDir) })
      : await openPlatform({ databaseUrl: postgresUrl, dataDir: '' });
  await ensureData(platform, count);
  return platform;
}
