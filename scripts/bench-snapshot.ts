// How long the directory index takes to start from a snapshot, against a load from the database: saves a
// snapshot of the bench set, then starts a new process from it and times its first search.
//   npm run bench:snapshot [-- --engine postgres|pglite --count 100000 --postgres postgres://… --dir .bench/snapshots]
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openPlatform } from '../src/platform.js';
import { databaseIdentity } from '../src/repositories/database-identity.js';
import { SnapshotWriter } from '../src/services/search/snapshot/codec.js';
import { SnapshotStore } from '../src/services/search/snapshot/snapshot-store.js';
import { benchDataDir, DEFAULT_POSTGRES_URL, openBenchPlatform } from './bench-setup.js';

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'postgres' },
    count: { type: 'string', default: '100000' },
    postgres: { type: 'string', default: DEFAULT_POSTGRES_URL },
    dir: { type: 'string', default: '.bench/snapshots' },
    restart: { type: 'boolean', default: false },
  },
});
const engine = args.engine === 'pglite' ? 'pglite' : 'postgres';
const count = Number(args.count);
const dir = resolve(args.dir!);
const QUERIES = ['ceramic filters', 'нетканые материалы', 'logistique', 'software'];
const ms = (from: number) => `${(performance.now() - from).toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(0)} MB`;
/** Heap and resident set after a full collection (under `node --expose-gc`), else as they are. */
const memory = () => {
  (globalThis as { gc?: () => void }).gc?.();
  const { heapUsed, rss, arrayBuffers } = process.memoryUsage();
  return `rss ${mb(rss)}, heap ${mb(heapUsed)}, array buffers ${mb(arrayBuffers)}`;
};

if (args.restart) await restart();
else await save();

/** Loads the index from the database (as without a snapshot), saves its snapshot, then restarts from it. */
async function save(): Promise<void> {
  const platform = await openBenchPlatform(engine, count, args.postgres!);
  const { directory } = platform.services;
  let started = performance.now();
  await directory.warmUp();
  console.log(`load from the database (${count} organisations): ${ms(started)}; ${memory()}`);
  const entry = { name: 'directory', ...directory.snapshotted() };
  started = performance.now();
  entry.index.writeSnapshot(new SnapshotWriter().json({}));
  console.log(`writeSnapshot (in the event loop's turn): ${ms(started)}`);
  const store = new SnapshotStore(dir, await databaseIdentity(platform.database.db), [entry]);
  started = performance.now();
  await store.save(entry);
  console.log(`save (write, sync, rename): ${ms(started)}, ${mb(statSync(store.pathOf('directory')).size)}`);
  await platform.close();
  const script = fileURLToPath(import.meta.url);
  execFileSync(process.execPath, [...process.execArgv, script, ...process.argv.slice(2), '--restart'], { stdio: 'inherit' });
}

/** A new process: opens the platform with the snapshot folder and times the first searches. */
async function restart(): Promise<void> {
  let started = performance.now();
  const platform = await openPlatform(
    { databaseUrl: engine === 'postgres' ? args.postgres! : null, dataDir: engine === 'pglite' ? benchDataDir(count) : '', snapshotDir: dir },
    { snapshotLog: { info: (m) => console.log(`  ${m}`), warn: (m) => console.log(`  warn: ${m}`) } },
  );
  console.log(`restart: platform open ${ms(started)}`);
  for (const [i, q] of QUERIES.entries()) {
    started = performance.now();
    const found = await platform.services.directory.search({ q, page: 1, pageSize: 20, facets: true });
    console.log(`${i === 0 ? 'first' : 'next'} search "${q}" after the restart: ${ms(started)} (${found.meta.total} found)`);
  }
  console.log(memory());
  await platform.close();
}
