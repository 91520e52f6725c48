import { fileURLToPath } from 'node:url';
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

export interface Platform {
  database: DatabaseHandle;
  services: Services;
  close(): Promise<void>;
}

/** The built web app, beside the compiled server (dist/web). */
export const WEB_ROOT = fileURLToPath(new URL('../dist/web', import.meta.url));

/**
 * Opens the database, applies migrations and the shipped reference data, and loads the demo data into an
 * empty database when asked: everything `serve` and the other commands need before they start.
 */
export async function openPlatform(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> &
    Partial<
      Pick<
        Config,
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
  options: { seedDemoIfEmpty?: boolean; seedExamples?: boolean; seedRecords?: boolean; clock?: Clock; mail?: MailTransport } = {},
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
    await syncReferenceData(repos);
    await syncShippedGlossary(repos);
    await rebuildStaleDocuments(repos);
    if (options.seedDemoIfEmpty && (await repos.partnerships.list()).length === 0 && (await repos.organisations.count()) === 0) {
      await seedDemo(repos, services.classifications, { examples: options.seedExamples ?? false, records: options.seedRecords ?? true });
    }
    const close = async () => {
      // a background job that is running finishes (and records its outcome) before the database closes
      await services.jobs.runner.stop();
      // e-mails and sign-ups answered before their work (services/mailer.ts AfterAnswer) finish first
      await Promise.all([
        services.auth.afterAnswer.settled(),
        services.credentials.afterAnswer.settled(),
        services.notices.afterAnswer.settled(),
      ]);
      await database.close();
    };
    return { database, services, close };
  } catch (error) {
    await database.close();
    throw error;
  }
}
