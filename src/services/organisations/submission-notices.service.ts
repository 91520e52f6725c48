import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import type { Repositories } from '../../repositories/index.js';
import { resolveText } from '../../shared/multilingual.js';
import type { SubmissionEmails } from '../../shared/roles.js';
import { requireActor, type Actor } from '../access.js';
import { audit } from '../audit.js';
import { AfterAnswer, sendMail, type MailSettings } from '../mailer.js';
import { currentProfile } from './profile.js';

/** A digest reader hears of submissions at most once in this long. */
export const DIGEST_INTERVAL_MS = 24 * 60 * 60 * 1000;

export const reviewPath = (slug: string) => `/validation/${slug}`;

/**
 * Tells coordinators of submitted profiles: each submission is written down for every coordinator who
 * decides on it, in the submission's transaction, and sent by `sendDue`: at once (after the answer) to
 * those who chose "each submission", in one daily digest to the others. `serve` runs `sendDue` every
 * minute as a background job (services/jobs/jobs.service.ts) and `send-digests` runs it once, so a notice lost with a stopped process is sent later.
 */
export class SubmissionNoticesService {
  readonly afterAnswer = new AfterAnswer();

  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  /**
   * The coordinators of the region the submitted profile names, and of its parent region (whose grant
   * covers its subdivisions, services/access.ts): those who may decide on it.
   */
  async recipients(tx: Repositories, org: OrganisationRow): Promise<string[]> {
    const region = currentProfile(org).region;
    const parent = (await tx.regions.list()).find((r) => r.code === region)?.parentCode;
    const holders = await tx.accounts.holders(['regional_coordinator'], { regionCodes: parent ? [region, parent] : [region] });
    return holders.map((u) => u.id);
  }

  /** Writes down the notices of a submission, in its transaction; they are sent once it has committed. */
  async enqueue(tx: Repositories, org: OrganisationRow): Promise<void> {
    await tx.notifications.enqueue(await this.recipients(tx, org), org.id, tx.clock.now());
  }

  /** Sends what a submission's answer left due (the "each submission" notices), after the answer. */
  sendSoon(): void {
    this.afterAnswer.run(async () => {
      await this.sendDue();
    });
  }

  /**
   * Sends every due notice once: one e-mail per submission to those who chose each, one digest to a
   * digest reader whose oldest unsent notice is a day old. Returns the number of e-mails sent.
   */
  async sendDue(): Promise<number> {
    return this.repos.transaction(async (tx) => {
      const now = tx.clock.now();
      const due = await tx.notifications.claimDue(new Date(now.getTime() - DIGEST_INTERVAL_MS));
      let sent = 0;
      for (const [user, items] of due) {
        const name = (item: (typeof items)[number]) => resolveText(item.name, user.language)?.text ?? item.slug;
        if (user.submissionEmails === 'each') {
          for (const item of items) {
            await sendMail(tx, this.mail, user, 'profile_submitted', {
              organisation: name(item),
              link: reviewPath(item.slug),
              accountLink: '/account',
            });
            sent++;
          }
        } else {
          const list = items.map((item) => `- ${name(item)}: ${this.mail.publicUrl}${reviewPath(item.slug)}`).join('\n');
          await sendMail(tx, this.mail, user, 'submissions_digest', { count: String(items.length), list, link: '/validation' });
          sent++;
        }
        await tx.notifications.markSent(
          items.map((i) => i.id),
          now,
        );
      }
      return sent;
    });
  }

  /** A coordinator's choice: an e-mail for each submission, or one digest a day. */
  async setSubmissionEmails(actorOrNull: Actor | null, value: SubmissionEmails): Promise<void> {
    const actor = requireActor(actorOrNull);
    await this.repos.transaction(async (tx) => {
      await tx.notifications.setSubmissionEmails(actor.user.id, value);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'user.submission_emails_changed',
        entityType: 'user',
        entityId: actor.user.id,
        before: { submissionEmails: actor.user.submissionEmails },
        after: { submissionEmails: value },
      });
    });
  }
}
