import type { Repositories } from '../../repositories/index.js';
import type { JobRow } from '../../repositories/jobs/job.repository.js';
import { REMINDED_AGREEMENT_STAGES, type ReminderSubject } from '../../repositories/jobs/reminder.repository.js';
import type { UserRow } from '../../repositories/account.repository.js';
import { resolveText } from '../../shared/multilingual.js';
import type { RecordKind } from '../../shared/registry.js';
import { recordPagePath } from '../../shared/record-pages.js';
import { sendMail, type MailSettings } from '../mailer.js';
import type { JobRunner } from './job-runner.js';
import { dateIn, daysIn } from './reminder-mail.js';

export const REMINDER_JOBS = {
  scan: 'reminders.scan',
  agreementEnding: 'reminders.agreement_ending',
  milestoneOverdue: 'reminders.milestone_overdue',
} as const;

/** How often the registry is looked through for due reminders, unless REMINDER_SCAN_SECONDS says otherwise. */
export const REMINDER_SCAN_MS = 60 * 60_000;

/** Days before an agreement's end that its parties are reminded (AGREEMENT_REMINDER_DAYS). */
export const DEFAULT_AGREEMENT_REMINDER_DAYS = [60, 7];

const DAY_MS = 24 * 60 * 60_000;
const isoDay = (at: Date) => at.toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/** The record's page, as the web app routes it (the same form as the other e-mails' links). */
export const recordPath = (subject: Pick<ReminderSubject, 'kind' | 'slug'>) => recordPagePath(subject.kind as RecordKind, subject.slug);

type Skipped = { skipped: string };

/**
 * Reminders to the administrators of a record's party organisations: an agreement in force whose validity
 * ends soon (at each threshold, 60 and 7 days by default), an initiative's milestone that is overdue. An
 * hourly scan queues one job per reminder and recipient, keyed (jobs.singleton_key) so that it is queued
 * once whatever the number of scans or processes; each job sends its e-mail, in the recipient's language,
 * and a failed sending is retried on its own. A job that finds its reminder no longer due (the agreement
 * was renewed or ended, the milestone done, the recipient no longer an administrator) sends nothing.
 */
export class ReminderService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    private readonly agreementDays: number[] = DEFAULT_AGREEMENT_REMINDER_DAYS,
    private readonly scanSeconds?: number,
  ) {}

  register(runner: JobRunner): void {
    runner
      .define(REMINDER_JOBS.scan, () => this.scan(runner))
      .define(REMINDER_JOBS.agreementEnding, (job) => this.sendAgreementEnding(job))
      .define(REMINDER_JOBS.milestoneOverdue, (job) => this.sendMilestoneOverdue(job))
      .every(REMINDER_JOBS.scan, this.scanSeconds ? this.scanSeconds * 1000 : REMINDER_SCAN_MS, { maxAttempts: 3 });
  }

  /** Queues the reminders that have come due; returns how many of each. */
  async scan(runner: JobRunner): Promise<{ agreements: number; milestones: number }> {
    const today = isoDay(this.repos.clock.now());
    let agreements = 0;
    let milestones = 0;
    for (const r of await this.repos.reminders.endingAgreements(today, this.agreementDays)) {
      const payload = { recordId: r.recordId, userId: r.userId, threshold: r.threshold };
      if (await runner.enqueue(REMINDER_JOBS.agreementEnding, payload, { singletonKey: r.key })) agreements++;
    }
    for (const r of await this.repos.reminders.overdueMilestones(today)) {
      const payload = { recordId: r.recordId, milestoneId: r.milestoneId, userId: r.userId };
      if (await runner.enqueue(REMINDER_JOBS.milestoneOverdue, payload, { singletonKey: r.key })) milestones++;
    }
    return { agreements, milestones };
  }

  async sendAgreementEnding(job: JobRow): Promise<Record<string, unknown>> {
    const { recordId, userId } = job.payload as { recordId: string; userId: string };
    const subject = await this.repos.reminders.subject(recordId);
    const today = isoDay(this.repos.clock.now());
    if (
      !subject?.validUntil ||
      !subject.validUntilLast ||
      !REMINDED_AGREEMENT_STAGES.includes(subject.stage) ||
      subject.validUntilLast < today
    ) {
      return { skipped: 'the agreement is no longer in force or has no end' };
    }
    return this.send(recordId, userId, subject, 'agreement_ending', (user) => ({
      ends: dateIn(subject.validUntil!, user.language),
      days: daysIn(daysBetween(today, subject.validUntilLast!), user.language),
    }));
  }

  async sendMilestoneOverdue(job: JobRow): Promise<Record<string, unknown>> {
    const { recordId, milestoneId, userId } = job.payload as { recordId: string; milestoneId: string; userId: string };
    const subject = await this.repos.reminders.subject(recordId, milestoneId);
    const milestone = subject?.milestone;
    if (!subject || !milestone?.dueOn || milestone.doneOn) return { skipped: 'the milestone is done or gone' };
    return this.send(recordId, userId, subject, 'milestone_overdue', (user) => ({
      milestone: resolveText(milestone.title, user.language)?.text ?? '',
      due: dateIn(milestone.dueOn!, user.language),
    }));
  }

  private async send(
    recordId: string,
    userId: string,
    subject: ReminderSubject,
    message: 'agreement_ending' | 'milestone_overdue',
    vars: (user: UserRow) => Record<string, string>,
  ): Promise<{ sent: string } | Skipped> {
    const recipient = await this.repos.reminders.recipient(recordId, userId);
    if (!recipient) return { skipped: 'the recipient no longer administers a party' };
    const { user, organisation } = recipient;
    await sendMail(this.repos, this.mail, user, message, {
      title: resolveText(subject.title, user.language)?.text ?? subject.slug,
      organisation: resolveText(organisation.name, user.language)?.text ?? organisation.slug,
      link: recordPath(subject),
      ...vars(user),
    });
    return { sent: user.email };
  }
}
