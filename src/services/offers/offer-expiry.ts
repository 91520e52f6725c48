import type { JobRow } from '../../repositories/jobs/job.repository.js';
import type { Repositories } from '../../repositories/index.js';
import { resolveText } from '../../shared/multilingual.js';
import { OFFER_EXPIRY_WARNING_DAYS, offerPagePath } from '../../shared/offers.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { dateIn, daysIn } from '../jobs/reminder-mail.js';
import { sendMail, type MailSettings } from '../mailer.js';
import { addDays } from './offer-input.js';
import { auditOffer, today } from './offer-view.js';

export const OFFER_EXPIRY_JOBS = {
  scan: 'offers.expiry_scan',
  warning: 'offers.expiry_warning',
} as const;

/** How often offers are looked through, unless REMINDER_SCAN_SECONDS says otherwise (as the registry's reminders). */
export const OFFER_EXPIRY_SCAN_MS = 60 * 60_000;

/** Offers expired in one transaction each, this many looked up at a time. */
const EXPIRY_BATCH = 200;

const DAY_MS = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * The warning due for an offer `daysLeft` days from its last day: the smallest threshold it has reached
 * (2 days left with thresholds 14 and 3: the 3-day one, once, not both), or null when none is reached or
 * that one was sent already for this expiry (`warned`: the smallest threshold sent, reset by a renewal).
 */
export function dueWarning(daysLeft: number, thresholds: readonly number[], warned: number | null): number | null {
  const reached = thresholds.filter((d) => daysLeft <= d);
  if (reached.length === 0) return null;
  const due = Math.min(...reached);
  return warned !== null && warned <= due ? null : due;
}

/**
 * The marketplace's expiry, on the job runner: an hourly scan (1) moves published offers whose last day
 * has passed to `expired` (a history row by nobody, audited), and (2) queues the owner's warnings at each
 * threshold before it (OFFER_EXPIRY_WARNING_DAYS), one job per recipient keyed by offer, expiry, threshold
 * and recipient, so a warning is queued once whatever the scans or processes; the offer remembers the
 * threshold (expiryWarnedDays). Each job sends its e-mail in its recipient's language, with the page where
 * the offer is renewed, and sends nothing for an offer renewed, closed or expired since.
 */
export class OfferExpiryService {
  private readonly thresholds: number[];

  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    thresholds: readonly number[] = OFFER_EXPIRY_WARNING_DAYS,
    private readonly scanSeconds?: number,
  ) {
    this.thresholds = [...new Set(thresholds)].sort((a, b) => b - a);
  }

  register(runner: JobRunner): void {
    runner
      .define(OFFER_EXPIRY_JOBS.scan, () => this.scan(runner))
      .define(OFFER_EXPIRY_JOBS.warning, (job) => this.sendWarning(job))
      .every(OFFER_EXPIRY_JOBS.scan, this.scanSeconds ? this.scanSeconds * 1000 : OFFER_EXPIRY_SCAN_MS, { maxAttempts: 3 });
  }

  async scan(runner: JobRunner): Promise<{ expired: number; warnings: number }> {
    return { expired: await this.expireDue(), warnings: await this.queueWarnings(runner) };
  }

  /** Moves the published offers whose last day was before today to `expired`; how many. */
  async expireDue(): Promise<number> {
    let expired = 0;
    for (;;) {
      const day = today(this.repos);
      const due = await this.repos.offers.expiredBy(day, EXPIRY_BATCH);
      let moved = 0;
      for (const { id } of due) {
        const done = await this.repos.transaction(async (tx) => {
          const row = await tx.offers.lock(id);
          // renewed or closed since it was looked up
          if (!row || row.stage !== 'published' || row.expiresOn >= day) return false;
          const now = tx.clock.now();
          await tx.offerWrites.update(row.id, { stage: 'expired' }, now, row.version);
          await tx.offerWrites.addStageChange({
            offerId: row.id,
            fromStage: 'published',
            toStage: 'expired',
            reason: null,
            changedBy: null,
            at: now,
          });
          await auditOffer(tx, null, 'offer.expired', row, { stage: 'published', expiresOn: row.expiresOn }, { stage: 'expired' });
          return true;
        });
        if (done) moved++;
      }
      expired += moved;
      if (due.length < EXPIRY_BATCH || moved === 0) return expired;
    }
  }

  /** Queues the warnings come due for this expiry of each published offer; how many e-mails were queued. */
  async queueWarnings(runner: JobRunner): Promise<number> {
    if (this.thresholds.length === 0) return 0;
    const day = today(this.repos);
    let queued = 0;
    for (const offer of await this.repos.offers.expiringBy(addDays(day, this.thresholds[0]!))) {
      const daysLeft = daysBetween(day, offer.expiresOn);
      if (daysLeft < 0) continue;
      const threshold = dueWarning(daysLeft, this.thresholds, offer.expiryWarnedDays);
      if (threshold === null) continue;
      for (const user of await this.repos.offers.ownerWriters(offer.organisationId)) {
        const key = `offer-expiring:${offer.id}:${offer.expiresOn}:${threshold}:${user.id}`;
        const payload = { offerId: offer.id, userId: user.id, threshold, expiresOn: offer.expiresOn };
        if (await runner.enqueue(OFFER_EXPIRY_JOBS.warning, payload, { singletonKey: key })) queued++;
      }
      await this.repos.offerWrites.markWarned(offer.id, threshold);
    }
    return queued;
  }

  async sendWarning(job: JobRow): Promise<Record<string, unknown>> {
    const { offerId, userId, expiresOn } = job.payload as { offerId: string; userId: string; expiresOn: string };
    const offer = await this.repos.offers.get(offerId);
    const day = today(this.repos);
    if (!offer || offer.stage !== 'published' || offer.expiresOn !== expiresOn || offer.expiresOn < day)
      return { skipped: 'the offer was renewed, closed or has expired since' };
    const [user] = await this.repos.offers.ownerWriters(offer.organisationId, userId);
    if (!user) return { skipped: 'the recipient no longer writes the organisation’s offers' };
    await sendMail(this.repos, this.mail, user, 'offer_expiring', {
      title: resolveText(offer.title, user.language)?.text ?? offer.slug,
      organisation: resolveText(offer.organisation.name, user.language)?.text ?? offer.organisation.slug,
      ends: dateIn(offer.expiresOn, user.language),
      // its last day is expiresOn: it is gone the day after
      days: daysIn(daysBetween(day, offer.expiresOn) + 1, user.language),
      link: offerPagePath(offer.slug),
    });
    return { sent: user.email };
  }
}
