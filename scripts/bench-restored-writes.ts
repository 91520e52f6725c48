// What writes cost a directory index restored from its snapshot (docs/scaling.md): its memory before and after
// catching up rewrites of `--batches` × `--batch` organisations, and each catch-up's time.
//   npm run bench:restored-writes -- --size 1000000 --snapshot-dir .bench/snapshots-1000000 [--batches 10 --batch 500]
// On the generated set of bench:scale (database cb_scale_<size> on the local PostgreSQL). The first run loads
// from the database and saves the snapshot; later runs restore it (and save it again at their close).
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openPlatform } from '../src/platform.js';

const { values: args } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    postgres: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432' },
    'snapshot-dir': { type: 'string' },
    batches: { type: 'string', default: '10' },
    batch: { type: 'string', default: '500' },
    // the first organisation rewritten, in id order: another offset rewrites others
    offset: { type: 'string', default: '200000' },
  },
});
const [batches, batch, offset] = [Number(args.batches), Number(args.batch), Number(args.offset)];
const snapshotDir = args['snapshot-dir'] ?? `.bench/snapshots-${args.size}`;
const platform = await openPlatform(
  { databaseUrl: `${args.postgres.replace(/\/$/, '')}/cb_scale_${args.size}`, dataDir: '', snapshotDir },
  { restoreSnapshotsNow: true },
);
const { directory } = platform.services;
await directory.warmUp();
// after a collection, so that buffers let go of are not counted (run with --expose-gc, as the npm script does)
const rssMb = () => {
  globalThis.gc?.();
  return Math.round(process.memoryUsage().rss / 1048576);
};
const before = rssMb();
const times: number[] = [];
for (let b = 0; b < batches; b++) {
  // a write of the same profile: the change feed takes it, the index rewrites the organisation into a new slot
  await platform.database.db.execute(
    sql`update organisations set updated_at = updated_at
        where id in (select id from organisations where published order by id offset ${offset + b * batch} limit ${batch})`,
  );
  const started = performance.now();
  await directory.warmUp();
  times.push(performance.now() - started);
}
console.log(`directory index from ${snapshotDir}: RSS ${before} MB, after ${batches * batch} rewrites caught up ${rssMb()} MB`);
console.log(`catch-up of each ${batch} (ms): ${times.map((t) => t.toFixed(0)).join(' ')}`);
await platform.close();
process.exit(0);
