// What the benchmarks share: the synthetic set of organisations, made once per database and reused
// (`.bench/pglite-COUNT` for PGlite, a database of the PostgreSQL server).
import { resolve } from 'node:path';
import pg from 'pg';
import { openPlatform, type Platform } from '../src/platform.js';
import { importOrganisations } from '../src/services/import-organisations.js';
import { syntheticOrganisations } from '../src/services/synthetic-organisations.js';
import { progressBar } from '../src/cli/progress.js';

export const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/cb_bench';

/** The PGlite data folder of the synthetic set of `count` organisations. */
export const benchDataDir = (count: number) => resolve(`.bench/pglite-${count}`);

/** Makes the synthetic set once (tagging included); on later runs only refreshes the planner's statistics. */
export async function ensureData(platform: Platform, count: number): Promise<void> {
  const have = await platform.services.repos.organisations.count();
  if (have >= count) return platform.services.repos.organisations.analyse();
  console.log(`generating ${count} synthetic organisations (once per database)…`);
  const started = performance.now();
  const rows = [...syntheticOrganisations(count)].map((value, i) => ({ line: i + 1, value }));
  await importOrganisations(platform.services.repos, platform.services.classifications, rows, {
    onProgress: progressBar('generate').update,
    skipExisting: true,
  });
  console.log(`generated and imported (tagging included) in ${((performance.now() - started) / 1000).toFixed(0)} s`);
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
