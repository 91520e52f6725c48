import { codeFile } from './code-files.js';
import type { Config } from './config/config.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRepositories } from './repositories/index.js';
import { outboxTransport, smtpTransport, type Clock, type MailTransport } from './repositories/mail.repository.js';
import { createServices, type Services } from './services/index.js';
import { syncReferenceData } from './services/reference-data.js';
import { seedDemo } from './services/seed-demo.js';
import { syncShippedGlossary } from './services/glossary/sync-shipped-glossary.js';
import { rebuildStaleDocuments } from './services/search/rebuild-documents.js';
import { databaseIdentity } from './repositories/database-identity.js';
import { SnapshotStore, type SnapshotLog } from './services/search/snapshot/snapshot-store.js';

export interface Platform {
  database: DatabaseHandle;
  services: Services;
  close(): Promise<void>;
}

/** The built web app, beside the compiled server (dist/web). */
export const WEB_ROOT = codeFile('../dist/web');

/**
 * Opens the database, applies migrations and the shipped reference data, and loads the demo data into an
 * empty database when asked: everything `serve` and the other commands need before they start.
 */
export async function openPlatform(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<
      Pick<
        Config,
        | 'snapshotDir'
        | 'smtpUrl'
        | 'outboxDir'
        | 'publicUrl'
        | 'mailFrom'
        | 'agreementReminderDays'
        | 'reminderScanSeconds'
        | 'offerExpiryWarningDays'
        | 'eventReminderHours'
        | 'feedRetentionHours'
      >
    >,
  options: {
    seedDemoIfEmpty?: boolean;
    seedExamples?: boolean;
    seedRecords?: boolean;
    clock?: Clock;
    mail?: MailTransport;
    /** Where the snapshot store says what it restored and saved (info) and what it could not (warn). */
    snapshotLog?: SnapshotLog;
    /**
     * Restore the directory index from its snapshot now, not at its first use (a server that searches); the
     * partner index restores at its first use, or the server's warm-up, so that it does not hold up the first search.
     */
    restoreSnapshotsNow?: boolean;
  } = {},
): Promise<Platform> {
  // an empty dataDir means an in-memory PGlite (tests)
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.databaseUrl ? null : config.dataDir || null });
  try {
    await database.migrate();
    const mail =
      options.mail ??
      (config.smtpUrl ? smtpTransport(config.smtpUrl) : outboxTransport(config.outboxDir ?? join(config.dataDir || tmpdir(), 'outbox')));
    const repos = createRepositories(database.db, { mail, clock: options.clock });
    const services = createServices(
      repos,
      { publicUrl: config.publicUrl ?? 'http://localhost:3000', mailFrom: config.mailFrom ?? 'Clusterbridge <no-reply@localhost>' },
      {
        agreementReminderDays: config.agreementReminderDays,
        reminderScanSeconds: config.reminderScanSeconds,
        offerExpiryWarningDays: config.offerExpiryWarningDays,
        eventReminderHours: config.eventReminderHours,
        feedRetentionHours: config.feedRetentionHours,
      },
    );
    // without a folder (tests, the in-memory database) the indexes load from the database at each start
    const snapshots = config.snapshotDir
      ? new SnapshotStore(
          config.snapshotDir,
          await databaseIdentity(database.db),
          [
            { name: 'directory', ...services.directory.snapshotted() },
            { name: 'partners', ...services.matches.snapshotted() },
          ],
          { log: options.snapshotLog },
        )
      : null;
    // the directory's file is read and restored while the reference data and glossary are checked (its
    // catch-up from the change feed waits for them, below)
    snapshots?.start({ restoreNow: options.restoreSnapshotsNow ? ['directory'] : [] });
    try {
      await syncReferenceData(repos);
      await syncShippedGlossary(repos);
      await rebuildStaleDocuments(repos);
      if (options.seedDemoIfEmpty && (await repos.partnerships.list()).length === 0 && (await repos.organisations.count()) === 0) {
        await seedDemo(repos, services.classifications, { examples: options.seedExamples ?? false, records: options.seedRecords ?? true });
      }
    } catch (error) {
      await snapshots?.close();
      throw error;
    }
    // restored, then caught up from the change feed with its filters settled (what the first search would do);
    // without a snapshot the load from the database waits for the server's warm-up, as it did; a failure here
    // is the first search's to meet, and the warm-up's to log
    void snapshots
      ?.restored('directory')
      ?.then((restored) => (restored ? services.directory.warmUp() : undefined))
      .catch(() => {});
    const close = async () => {
      // a background job that is running finishes (and records its outcome) before the database closes
      await services.jobs.runner.stop();
      // e-mails and sign-ups answered before their work (services/mailer.ts AfterAnswer) finish first
      await Promise.all([
        services.auth.afterAnswer.settled(),
        services.credentials.afterAnswer.settled(),
        services.notices.afterAnswer.settled(),
      ]);
      await snapshots?.close();
      await database.close();
    };
    return { database, services, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}
