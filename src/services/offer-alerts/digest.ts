import type { Repositories } from '../../repositories/index.js';
import type { DueSavedSearch } from '../../repositories/offers/offer-alerts.repository.js';
import type { OfferSummary } from '../../shared/schemas/offers.js';
import type { JobRow } from '../../repositories/jobs/job.repository.js';
import { DIGEST_FREQUENCIES, offerPagePath, type DigestFrequency } from '../../shared/offers.js';
import { type Actor, isAdmin } from '../access.js';
import { audit } from '../audit.js';
import { AppError } from '../errors.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { MailSettings } from '../mailer.js';
import type { OfferSearchService } from '../offer-search/offer-search.service.js';
import { digestMail } from './digest-mail.js';
import { unsubscribePath, type UnsubscribeLinks } from './unsubscribe.js';

export const DIGEST_JOBS = {
  /** Hourly: queues the day's digest once its hour has come, and the week's on Mondays. */
  schedule: 'offer_digest.schedule',
  /** One run of one period's digests of one frequency; payload { frequency, period, until }. */
  send: 'offer_digest.send',
} as const;

/** The hour (UTC) digests go out: early morning in Europe from Brest to Kaluga. */
export const DIGEST_HOUR_UTC = 5;
/** At most this many offers a digest mail. */
export const DIGEST_MAX_OFFERS = 10;
const SCHEDULE_EVERY_MS = 60 * 60_000;
const PAGE = 100;
/** Searches a run keeps the answers of (by query, coverage and language). */
const ASKED_KEPT = 2000;

/** The period's key: `2026-12-01` for a daily digest, `2026-W49` (ISO week) for a weekly one. */
export function digestPeriod(frequency: DigestFrequency, at: Date): string {
  const day = at.toISOString().slice(0, 10);
  if (frequency === 'daily') return day;
  const date = new Date(`${day}T00:00:00Z`);
  // ISO 8601: a week belongs to the year of its Thursday; week 1 holds 4 January
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7) + 3);
  const year = date.getUTCFullYear();
  const january4 = new Date(Date.UTC(year, 0, 4));
  const week = 1 + Math.round(((date.getTime() - january4.getTime()) / 86_400_000 - 3 + ((january4.getUTCDay() + 6) % 7)) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/**
 * The daily and weekly digests of saved searches, on the job runner. For each saved search due in the
 * period: the offers published since its coverage that its query finds (the marketplace search, best
 * first, at most 10), each with its reasons in the recipient's language; nothing found, no mail. Exactly
 * once per saved search and period: the delivery row is written with the coverage's advance in one
 * transaction before the mail is sent (a page of 100 at a time), so a run that resumes after a crash (its
 * lease ran out, the runner claims it again) skips what was delivered; a crash between the two loses the
 * page's unsent mails rather than send one twice. The run's progress (done of total) is on the administrators' jobs page.
 */
export class DigestService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    private readonly search: OfferSearchService,
    private readonly unsubscribe: UnsubscribeLinks,
  ) {}

  private runner: JobRunner | undefined;

  register(runner: JobRunner): void {
    this.runner = runner;
    runner
      .define(DIGEST_JOBS.schedule, async () => ({ queued: await this.schedule(runner) }))
      .define(DIGEST_JOBS.send, (job) => this.run(job))
      .every(DIGEST_JOBS.schedule, SCHEDULE_EVERY_MS, { maxAttempts: 3 });
  }

  /** Queues today's daily run once the hour has come, and this week's weekly run from Monday's hour on (each once). */
  async schedule(runner: JobRunner): Promise<number> {
    const now = this.repos.clock.now();
    const day = now.toISOString().slice(0, 10);
    const at = new Date(`${day}T${String(DIGEST_HOUR_UTC).padStart(2, '0')}:00:00Z`);
    if (now < at) return 0;
    let queued = 0;
    for (const frequency of DIGEST_FREQUENCIES) {
      // the weekly digest covers up to Monday's hour, queued on any day of the week after it
      const until = frequency === 'daily' ? at : new Date(at.getTime() - ((now.getUTCDay() + 6) % 7) * 86_400_000);
      if (frequency === 'weekly' && now < until) continue;
      const period = digestPeriod(frequency, until);
      if (
        await runner.enqueue(
          DIGEST_JOBS.send,
          { frequency, period, until: until.toISOString() },
          { singletonKey: `${DIGEST_JOBS.send}:${period}`, maxAttempts: 5 },
        )
      )
        queued++;
    }
    return queued;
  }

  /**
   * An administrator sends the digests of one frequency now (after an import of offers, or to see one): a run of
   * its own, covering up to this moment, for every saved search of the frequency. Each still gets only the
   * offers published since its last digest, so nothing reaches anyone twice; the next scheduled run sends what
   * is newer. Answers the queued job; its progress is on the jobs page.
   */
  async sendNow(actor: Actor | null, frequency: DigestFrequency): Promise<JobRow> {
    if (!actor) throw new AppError('not_signed_in');
    if (!isAdmin(actor)) throw new AppError('forbidden', 'Only a platform administrator sends the digests out of their time.');
    if (!this.runner) throw new Error('the digests are not registered on a job runner');
    const until = this.repos.clock.now();
    // a moment, not a day or a week: the run's own period, so the day's scheduled run is not taken for it
    const period = `${digestPeriod(frequency, until)}@${until.toISOString()}`;
    const id = await this.runner.enqueue(
      DIGEST_JOBS.send,
      { frequency, period, until: until.toISOString() },
      { singletonKey: `${DIGEST_JOBS.send}:${period}`, maxAttempts: 5 },
    );
    await audit(this.repos, {
      actorId: actor.user.id,
      action: 'offer_digest.sent_now',
      entityType: 'job',
      entityId: id!,
      after: { frequency, period },
    });
    return (await this.repos.jobs.get(id!))!;
  }

  /** One period's digests of one frequency, resumable: the saved searches delivered already are not due any more. */
  async run(job: Pick<JobRow, 'id' | 'payload'>): Promise<Record<string, unknown>> {
    const frequency = job.payload.frequency as DigestFrequency;
    const period = String(job.payload.period);
    const until = new Date(String(job.payload.until));
    const alerts = this.repos.offerAlerts;
    const total = await alerts.dueCount(frequency, period);
    let done = 0;
    let sent = 0;
    await this.repos.jobs.setProgress(job.id, { done, total });
    let after: string | null = null;
    // saved searches of one query (an area many follow) since one moment find the same offers: asked once a run
    const asked = new Map<string, Promise<OfferSummary[]>>();
    for (;;) {
      const page = await alerts.duePage(frequency, period, after, PAGE);
      sent += await this.deliverPage(page, period, until, asked);
      done += page.length;
      await this.repos.jobs.setProgress(job.id, { done, total: Math.max(total, done) });
      if (page.length < PAGE) break;
      after = page.at(-1)!.id;
    }
    return { frequency, period, savedSearches: done, sent };
  }

  /**
   * A page of saved searches' digests: their offers found, then every delivery of the page recorded (with
   * the coverages' advance) in one transaction, then the mails of those recorded now sent, and their records
   * kept in one transaction. How many mails went.
   */
  private async deliverPage(
    page: DueSavedSearch[],
    period: string,
    until: Date,
    asked: Map<string, Promise<OfferSummary[]>>,
  ): Promise<number> {
    const found = new Map<string, OfferSummary[]>();
    for (const saved of page) found.set(saved.id, await this.found(saved, until, asked));
    const now = this.repos.clock.now();
    const recorded = await this.repos.transaction((tx) =>
      tx.offerAlerts.recordDeliveries(
        page.map((saved) => ({ savedSearchId: saved.id, offerCount: found.get(saved.id)!.length })),
        period,
        until,
        now,
      ),
    );
    const records: Parameters<Repositories['audit']['recordEmail']>[0][] = [];
    try {
      for (const saved of page) {
        const offers = found.get(saved.id)!;
        if (!recorded.has(saved.id) || offers.length === 0) continue;
        records.push(await this.send(saved, offers));
      }
    } finally {
      // the mails that went are on record even when a later one failed
      if (records.length > 0)
        await this.repos.transaction(async (tx) => {
          for (const record of records) await tx.audit.recordEmail(record);
        });
    }
    return records.length;
  }

  /** The offers a saved search finds in the period, asked once a run for each query, coverage and language. */
  private found(saved: DueSavedSearch, until: Date, asked: Map<string, Promise<OfferSummary[]>>): Promise<OfferSummary[]> {
    const key = JSON.stringify([saved.query, saved.coveredUntil.getTime(), saved.language]);
    let answer = asked.get(key);
    if (!answer) {
      if (asked.size >= ASKED_KEPT) asked.clear();
      answer =
        saved.coveredUntil < until
          ? this.search.newFor(saved.query, saved.coveredUntil, until, saved.language, DIGEST_MAX_OFFERS).then((list) => list.items)
          : Promise.resolve([]);
      asked.set(key, answer);
    }
    return answer;
  }

  /** One digest mail; what the e-mail record keeps of it. */
  private async send(saved: DueSavedSearch, found: OfferSummary[]) {
    const unsubscribeLink = await this.unsubscribe.url('saved_search', saved.id);
    const { subject, text } = digestMail(saved.language, {
      recipient: saved.displayName,
      searchName: saved.name,
      offers: found,
      offerLink: (slug) => `${this.mail.publicUrl}${offerPagePath(slug)}`,
      unsubscribeLink,
      manageLink: `${this.mail.publicUrl}/my/saved-searches`,
    });
    await this.repos.mail.send({
      from: this.mail.mailFrom,
      to: saved.email,
      subject,
      text,
      language: saved.language,
      headers: await this.unsubscribe.unsubscribeHeaders('saved_search', saved.id),
    });
    // the record keeps no working unsubscribe link: whoever reads it (administrators) could use it
    const redacted = text.replace(unsubscribeLink, `${this.mail.publicUrl}${unsubscribePath('[redacted]')}`);
    return { to: saved.email, subject, text: redacted, language: saved.language, transport: this.repos.mail.kind };
  }
}
