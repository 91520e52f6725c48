import type { Command } from 'commander';
import type { Config } from '../config/config.js';
import { buildApp } from '../http/app.js';
import { openPlatform, WEB_ROOT } from '../platform.js';
import { openControlSocket } from './control-socket.js';

/** How long after the start the in-memory indexes begin to load: the first pages of a restart come first. */
const INDEX_WARM_UP_DELAY_MS = 5000;

/** `serve`: the web platform in one process (or one of serve-cluster's web or search processes). */
export function registerServe(program: Command, config: () => Config): void {
  program
    .command('serve')
    .description('start the web platform (PORT, HOST, DATA_DIR, DATABASE_URL, LOG_LEVEL, SEED_DEMO)')
    .action(async () => {
      const started = performance.now();
      const cfg = config();
      // a server that holds the indexes reads their snapshots while it starts; a web process that forwards holds none
      const platform = await openPlatform(cfg, {
        seedDemoIfEmpty: cfg.seedDemo,
        seedExamples: cfg.seedExamples,
        restoreSnapshotsNow: cfg.searchServiceUrls.length === 0,
        // what the snapshots restored and saved, and how long it took, is said at LOG_LEVEL info (before the app's logger exists)
        snapshotLog: {
          info: (message) => {
            if (['info', 'debug', 'trace'].includes(cfg.logLevel)) console.log(message);
          },
          warn: (message) => console.warn(message),
        },
      });
      const app = await buildApp({
        services: platform.services,
        database: platform.database.kind,
        webRoot: WEB_ROOT,
        logger: { level: cfg.logLevel },
        trustProxy: cfg.trustProxy,
        searchRateLimit: cfg.searchRateLimit,
        searchServiceUrls: cfg.searchServiceUrls,
        documentMaxBytes: cfg.documentMaxBytes,
      });
      // the CLI's read commands (search, export, backup…) reach a PGlite folder through the server while it runs
      const control = platform.database.kind === 'pglite' ? await openControlSocket(platform, cfg.dataDir, app.log) : null;
      const stop = async () => {
        // the running background job finishes first (platform.close would wait for it too, after the server)
        await platform.services.jobs.runner.stop();
        await control?.close();
        await app.close();
        await platform.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await app.listen({ port: cfg.port, host: cfg.host });
      // background jobs (services/jobs/): submission notices every minute, reminders every hour; in the search
      // processes only when web processes forward to them, since digests search the marketplace's index
      const forwarding = cfg.searchServiceUrls.length > 0;
      if (!forwarding)
        platform.services.jobs.runner.start((error) =>
          app.log.error({ err: error }, 'a pass of the background jobs failed; the next one tries again'),
        );
      const where = platform.database.kind === 'pglite' ? `PGlite in ${cfg.dataDir}` : 'PostgreSQL';
      // said whatever LOG_LEVEL is: it is the line a person starting the platform waits for
      console.log(
        `Clusterbridge ready at http://${cfg.host === '0.0.0.0' ? 'localhost' : cfg.host}:${cfg.port} (${where}) in ${Math.round(performance.now() - started)} ms`,
      );
      // the in-memory search and partner indexes load soon after the start rather than on the first search or
      // suggestion; not at once, where reading 100,000 organisations held the first pages up (restarts 3 → 5 s)
      // a web process that forwards the index routes holds no index (docs/scaling.md)
      if (forwarding) return;
      setTimeout(() => {
        const warming = performance.now();
        platform.services.directory
          .warmUp()
          .then(() => platform.services.matches.warmUp())
          .then(() => platform.services.registrySearch.warmUp())
          // offer matching: the marketplace's offers, as the partner index's organisations
          .then(() => platform.services.offerMatching.warmUp())
          .then(() => app.log.info(`search and partner indexes loaded in ${Math.round(performance.now() - warming)} ms`))
          .catch((error: unknown) => app.log.warn({ err: error }, 'the search and partner indexes will load on first use'));
      }, INDEX_WARM_UP_DELAY_MS).unref();
    });

}
