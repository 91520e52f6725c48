import type { JobState } from '../../db/schema/index.js';
import type { Repositories } from '../../repositories/index.js';
import type { JobFilter, JobRow } from '../../repositories/jobs/job.repository.js';
import { isAdmin, requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError } from '../errors.js';
import type { MailSettings } from '../mailer.js';
import type { SubmissionNoticesService } from '../organisations/submission-notices.service.js';
import { JobRunner, type RunnerOptions } from './job-runner.js';
import { FeedCleanupService } from './feed-cleanup.js';
import { ReminderService } from './reminders.js';
// the marketplace (offers and requests)
import { OfferExpiryService } from '../offers/offer-expiry.js';

/** Submission notices and digests, once a minute (they used to have a timer of their own in `serve`). */
export const NOTICES_JOB = 'notices.send_due';
const NOTICES_EVERY_MS = 60_000;

export interface JobsOptions {
  /** Days before an agreement's end that its parties are reminded. */
  agreementReminderDays?: number[];
  /** How often the reminders' scan runs, in seconds (REMINDER_SCAN_SECONDS); hourly by default. */
  reminderScanSeconds?: number;
  /** Days before a marketplace offer's expiry that its owner is warned (OFFER_EXPIRY_WARNING_DAYS). */
  offerExpiryWarningDays?: number[];
  /** Hours before a one-to-one meeting its participants are reminded (EVENT_REMINDER_HOURS); 24 by default. */
  eventReminderHours?: number;
  /** How long the change feed keeps its rows, in hours (FEED_RETENTION_HOURS); a week by default. */
  feedRetentionHours?: number;
  runner?: RunnerOptions;
}

/**
 * The platform's background work: the runner with every job defined on it (reminders, submission
 * notices), and what platform administrators see of it. `serve` starts the runner; tests run passes.
 */
export class JobsService {
  readonly runner: JobRunner;
  readonly reminders: ReminderService;
  /** Offers expired on their day, and their owners warned before. */
  readonly offerExpiry: OfferExpiryService;
  /** The change feed's old rows removed, hourly. */
  readonly feedCleanup: FeedCleanupService;

  constructor(
    private readonly repos: Repositories,
    mail: MailSettings,
    notices: SubmissionNoticesService,
    options: JobsOptions = {},
  ) {
    this.runner = new JobRunner(repos, options.runner);
    this.reminders = new ReminderService(repos, mail, options.agreementReminderDays, options.reminderScanSeconds);
    this.reminders.register(this.runner);
    this.offerExpiry = new OfferExpiryService(repos, mail, options.offerExpiryWarningDays, options.reminderScanSeconds);
    this.offerExpiry.register(this.runner);
    this.feedCleanup = new FeedCleanupService(repos, options.feedRetentionHours);
    this.feedCleanup.register(this.runner);
    this.runner
      .define(NOTICES_JOB, async () => ({ sent: await notices.sendDue() }))
      .every(NOTICES_JOB, NOTICES_EVERY_MS, { maxAttempts: 1 });
  }

  /** Recent jobs (newest first) and how many are in each state. */
  async list(actor: Actor | null, filter: JobFilter, limit: number): Promise<{ counts: Record<JobState, number>; items: JobRow[] }> {
    this.requireAdmin(actor);
    const [counts, items] = await Promise.all([this.repos.jobs.counts({ name: filter.name }), this.repos.jobs.list(filter, limit)]);
    return { counts, items };
  }

  /** Queues a failed job again, with its attempts renewed. */
  async retry(actorOrNull: Actor | null, id: string): Promise<JobRow> {
    const actor = this.requireAdmin(actorOrNull);
    return this.repos.transaction(async (tx) => {
      const job = await tx.jobs.get(id);
      if (!job) throw new AppError('not_found', 'No such job.');
      const retried = await tx.jobs.retry(id, tx.clock.now());
      if (!retried) throw new AppError('job_not_failed', `The job is ${job.state}: only a failed job is retried.`);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'job.retried',
        entityType: 'job',
        entityId: id,
        before: { state: job.state, attempts: job.attempts, lastError: job.lastError },
        after: { state: retried.state },
      });
      return retried;
    });
  }

  private requireAdmin(actorOrNull: Actor | null): Actor {
    const actor = requireActor(actorOrNull);
    if (!isAdmin(actor)) throw new AppError('forbidden', 'Background jobs are for platform administrators.');
    return actor;
  }
}
