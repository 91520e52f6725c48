import cluster, { type Worker } from 'node:cluster';
import { spawn, type ChildProcess } from 'node:child_process';
import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { CommandError } from './command-error.js';

/** A process that stops is started again after this pause (a crash loop costs a process start a second). */
const RESTART_AFTER_MS = 1000;

/** The command line that runs this CLI again (under tsx in development, the built file in production). */
const self = (args: string[]) => ({ command: process.execPath, args: [...process.execArgv, process.argv[1]!, ...args] });

/**
 * `serve-cluster`: the platform at scale on one machine (docs/scaling.md). The search processes hold the
 * in-memory indexes and answer the index routes on 127.0.0.1 (ports from --search-port); the web
 * processes share the public PORT (Node's cluster module hands them the connections in turn), hold no
 * index and send those routes on (SEARCH_SERVICE_URL). Migrations and the demo seed run once, before any
 * process starts, since several processes migrating at once would race. A process that stops is started
 * again. The embedded default stays `serve`: one process, PGlite.
 */
export function registerServeCluster(program: Command, config: () => Config): void {
  program
    .command('serve-cluster')
    .description('start web processes and search processes on one PostgreSQL server (DATABASE_URL; docs/scaling.md)')
    .option('--web <n>', 'web processes sharing PORT', '2')
    .option('--search <n>', 'search processes holding the indexes', '1')
    .option('--search-port <port>', 'the first search process port on 127.0.0.1', '3101')
    .action(async (options: { web: string; search: string; searchPort: string }) => {
      const cfg = config();
      const web = Number(options.web);
      const search = Number(options.search);
      const searchPort = Number(options.searchPort);
      if (!cfg.databaseUrl) throw new CommandError('serve-cluster needs DATABASE_URL: PGlite holds one process (use `serve`).');
      for (const [name, n, given] of [['--web', web, options.web], ['--search', search, options.search]] as const)
        if (!Number.isInteger(n) || n < 1 || n > 64) throw new CommandError(`${name} must be a whole number from 1 to 64, got "${given}"`);
      if (!Number.isInteger(searchPort) || searchPort < 1024 || searchPort + search > 65535)
        throw new CommandError(`--search-port must be a port from 1024 to ${65535 - search}, got "${options.searchPort}"`);

      await once(['migrate']);
      if (cfg.seedDemo) await once(['seed']);
      const base = { ...process.env, SEED_DEMO: 'false' };
      const urls = Array.from({ length: search }, (_, i) => `http://127.0.0.1:${searchPort + i}`);
      const children: ChildProcess[] = [];
      let stopping = false;
      const startSearch = (i: number) => {
        const { command, args } = self(['serve']);
        // only the web processes reach it, from this machine: their X-Forwarded-For is the reader's address
        const env = { ...base, PORT: String(searchPort + i), HOST: '127.0.0.1', TRUST_PROXY: 'loopback', SEARCH_SERVICE_URL: '' };
        const child = spawn(command, args, { env, stdio: ['ignore', 'inherit', 'inherit'] });
        children[i] = child;
        child.once('exit', () => !stopping && setTimeout(() => startSearch(i), RESTART_AFTER_MS));
      };
      for (let i = 0; i < search; i++) startSearch(i);

      cluster.setupPrimary({ exec: process.argv[1]!, execArgv: process.execArgv, args: ['serve'] });
      const startWeb = (): Worker => cluster.fork({ ...base, SEARCH_SERVICE_URL: urls.join(',') });
      cluster.on('exit', () => !stopping && setTimeout(startWeb, RESTART_AFTER_MS));
      for (let i = 0; i < web; i++) startWeb();
      console.log(`Clusterbridge: ${web} web process(es) on port ${cfg.port}, ${search} search process(es) at ${urls.join(', ')}`);

      const stop = () => {
        stopping = true;
        for (const worker of Object.values(cluster.workers ?? {})) worker?.kill('SIGTERM');
        for (const child of children) child.kill('SIGTERM');
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}

/** Runs a command of this CLI to its end (migrate, seed), its output shown; fails when it does. */
function once(args: string[]): Promise<void> {
  const { command, args: all } = self(args);
  return new Promise((ok, fail) => {
    const child = spawn(command, all, { stdio: 'inherit' });
    child.once('error', fail);
    child.once('exit', (code) => (code === 0 ? ok() : fail(new CommandError(`\`clusterbridge ${args.join(' ')}\` failed (exit code ${code}).`))));
  });
}
