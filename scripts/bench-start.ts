// Start-up benchmark (docs/benchmarks.md): how long `serve` takes from its spawn to its first answer, the
// part of "first search after a restart" that is the process's own (module loading, migrations checked,
// reference data checked, routes built), on a PostgreSQL database or a PGlite folder already set up.
//   npm run bench:start [-- --database postgres://postgres@127.0.0.1:5432/cb_start --runs 7]
//   npm run bench:start -- --data-dir /tmp/cb-start   (PGlite)
//   npm run bench:start -- --database … --path '/api/v1/organisations?q=ceramics'   (to the first search's answer:
//   the directory restored from its snapshot, DATA_DIR/snapshots, which the uncounted first start saves)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { percentile } from './bench-queries.js';
import { buildIfStale, startServer, untilOk } from './bench-servers.js';

const { values: args } = parseArgs({
  options: {
    database: { type: 'string', default: '' },
    'data-dir': { type: 'string' },
    runs: { type: 'string', default: '7' },
    // what is asked: the first answer of this path ends a start
    path: { type: 'string', default: '/api/v1/health' },
  },
});

buildIfStale();
const scratch = mkdtempSync(join(tmpdir(), 'cb-bench-start-'));
const dataDir = args['data-dir'] ?? join(scratch, 'data');
const path = args.path;
const times: number[] = [];
try {
  // the first start migrates and seeds an empty database (and, for a search, loads the index from the
  // database and saves its snapshot as it stops); it is not counted
  for (let run = 0; run <= Number(args.runs); run++) {
    const server = startServer(args.database, 3984, dataDir, join(scratch, 'serve.log'), args.database ? {} : { DATABASE_URL: '' });
    try {
      await untilOk(`${server.base}${path}`);
      if (run > 0) times.push(performance.now() - server.startedAt);
    } finally {
      await server.stop();
    }
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
times.sort((a, b) => a - b);
console.log(
  `serve, spawn to the first answer of ${path} (${args.database ? 'PostgreSQL' : 'PGlite'}), ${times.length} starts: ` +
    `p50 ${percentile(times, 50).toFixed(0)} ms, min ${times[0]!.toFixed(0)} ms, max ${times.at(-1)!.toFixed(0)} ms`,
);
