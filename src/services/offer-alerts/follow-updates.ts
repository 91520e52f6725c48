import type { FollowedChange, Follower } from '../../repositories/offer-matching/offer-follow.repository.js';
import type { Repositories } from '../../repositories/index.js';
import type { Language } from '../../shared/languages.js';
import { resolveText } from '../../shared/multilingual.js';
import { offerPagePath } from '../../shared/offers.js';
import type { JobRunner } from '../jobs/job-runner.js';
import { dateIn } from '../jobs/reminder-mail.js';
import type { MailSettings } from '../mailer.js';
import { followUnsubscribeId, type UnsubscribeLinks } from './unsubscribe.js';

export const FOLLOW_UPDATES_JOB = 'offers.follow_updates';
/** How often followers are told of their offers' changes. */
export const FOLLOW_UPDATES_EVERY_MS = 15 * 60_000;
/**
 * How far before the cursor each run reads again: a change stamped when its transaction began but
 * committed after the last run read is caught by the next. The notices keep each one told once.
 */
const OVERLAP_MS = 10 * 60_000;

type Update = 'renewed' | 'closed' | 'expired' | 'updated';

/** What a change is to a follower; null for what they are not told (a first publication, a review). */
export function updateOf(change: FollowedChange): Update | null {
  if (change.toStage === null) return 'updated';
  if (change.toStage === 'published' && (change.fromStage === 'published' || change.fromStage === 'expired')) return 'renewed';
  if (change.toStage === 'closed') return 'closed';
  if (change.toStage === 'expired') return 'expired';
  return null;
}

const NB = '\u00a0';
type Vars = { title: string; until: string; link: string; unsubscribe: string };
/** The update e-mails, in the follower's language. They name the offer only: never its owner (an anonymous offer's is hidden). */
const MESSAGES: Record<Update, Record<Language, (v: Vars) => { subject: string; text: string }>> = {
  renewed: {
    en: (v) => ({
      subject: `«${v.title}» is renewed until ${v.until}`,
      text: `The offer «${v.title}» that you follow is published again, until ${v.until}.`,
    }),
    fr: (v) => ({
      subject: `«${NB}${v.title}${NB}» est renouvelée jusqu’au ${v.until}`,
      text: `L’offre «${NB}${v.title}${NB}» que vous suivez est de nouveau publiée, jusqu’au ${v.until}.`,
    }),
    ru: (v) => ({
      subject: `«${v.title}» продлено до ${v.until}`,
      text: `Предложение «${v.title}», за которым вы следите, снова опубликовано — до ${v.until}.`,
    }),
  },
  closed: {
    en: (v) => ({
      subject: `«${v.title}» is closed`,
      text: `The offer «${v.title}» that you follow is closed by its owner: it takes no more expressions of interest.`,
    }),
    fr: (v) => ({
      subject: `«${NB}${v.title}${NB}» est close`,
      text: `L’offre «${NB}${v.title}${NB}» que vous suivez a été close par son auteur${NB}: elle ne reçoit plus de manifestations d’intérêt.`,
    }),
    ru: (v) => ({
      subject: `«${v.title}» закрыто`,
      text: `Предложение «${v.title}», за которым вы следите, закрыто автором: отклики больше не принимаются.`,
    }),
  },
  expired: {
    en: (v) => ({
      subject: `«${v.title}» has expired`,
      text: `The offer «${v.title}» that you follow has expired. Its owner may renew it: you will be told.`,
    }),
    fr: (v) => ({
      subject: `«${NB}${v.title}${NB}» a expiré`,
      text: `L’offre «${NB}${v.title}${NB}» que vous suivez a expiré. Son auteur peut la renouveler${NB}: vous en serez informé.`,
    }),
    ru: (v) => ({
      subject: `Срок «${v.title}» истёк`,
      text: `Срок предложения «${v.title}», за которым вы следите, истёк. Автор может его продлить — мы сообщим.`,
    }),
  },
  updated: {
    en: (v) => ({ subject: `«${v.title}» was updated`, text: `The offer «${v.title}» that you follow was updated. See what it says now:` }),
    fr: (v) => ({
      subject: `«${NB}${v.title}${NB}» a été modifiée`,
      text: `L’offre «${NB}${v.title}${NB}» que vous suivez a été modifiée. Voyez ce qu’elle dit maintenant${NB}:`,
    }),
    ru: (v) => ({
      subject: `«${v.title}» изменено`,
      text: `Предложение «${v.title}», за которым вы следите, изменено. Посмотрите, что в нём теперь:`,
    }),
  },
};

const FOOTER: Record<Language, (v: Vars) => string> = {
  en: (v) => `\n${v.link}\n\nStop following this offer: ${v.unsubscribe}`,
  fr: (v) => `\n${v.link}\n\nNe plus suivre cette offre${NB}: ${v.unsubscribe}`,
  ru: (v) => `\n${v.link}\n\nНе следить за этим предложением: ${v.unsubscribe}`,
};

/**
 * The follow-updates job: every quarter of an hour it reads the stage changes and edits of followed offers
 * since its cursor (kept in change_cursors), and tells each follower of each change once, in their
 * language, with one-click unsubscribe headers. A notice is claimed (offer_follow_notices) before it is
 * sent, so a run that overlaps the last, or resumes after a crash, sends nothing twice.
 */
export class FollowUpdates {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    private readonly links: UnsubscribeLinks,
  ) {}

  register(runner: JobRunner, everyMs = FOLLOW_UPDATES_EVERY_MS): void {
    runner.define(FOLLOW_UPDATES_JOB, () => this.run()).every(FOLLOW_UPDATES_JOB, everyMs, { maxAttempts: 3 });
  }

  async run(): Promise<{ changes: number; sent: number }> {
    const now = this.repos.clock.now();
    const cursor = await this.repos.offerFollows.cursor(FOLLOW_UPDATES_JOB);
    const since = new Date((cursor ?? new Date(0)).getTime() - OVERLAP_MS);
    const changes = await this.repos.offerFollows.changesSince(since);
    let sent = 0;
    for (const change of changes) {
      const update = updateOf(change);
      if (!update) continue;
      for (const follower of await this.repos.offerFollows.followers(change.offerId)) {
        // what happened before they followed is not news to them
        if (follower.followedAt >= change.at) continue;
        if (await this.tell(follower, change, update)) sent++;
      }
    }
    await this.repos.offerFollows.moveCursor(FOLLOW_UPDATES_JOB, now);
    return { changes: changes.length, sent };
  }

  private async tell(follower: Follower, change: FollowedChange, update: Update): Promise<boolean> {
    const at = this.repos.clock.now();
    if (!(await this.repos.offerFollows.claimNotice(follower.id, change.offerId, change.change, at))) return false;
    try {
      const subscription = followUnsubscribeId(follower.id, change.offerId);
      const vars: Vars = {
        title: resolveText(change.title, follower.language)?.text ?? change.slug,
        until: dateIn(change.expiresOn, follower.language),
        link: `${this.mail.publicUrl}${offerPagePath(change.slug)}`,
        unsubscribe: await this.links.url('follow', subscription),
      };
      const { subject, text } = MESSAGES[update][follower.language](vars);
      const body = `${text}\n${FOOTER[follower.language](vars)}`;
      await this.repos.mail.send({
        from: this.mail.mailFrom,
        to: follower.email,
        subject,
        text: body,
        language: follower.language,
        headers: await this.links.unsubscribeHeaders('follow', subscription),
      });
      await this.repos.audit.recordEmail({
        to: follower.email,
        subject,
        text: body,
        language: follower.language,
        transport: this.repos.mail.kind,
      });
      return true;
    } catch (error) {
      // not sent: the next run tries again
      await this.repos.offerFollows.releaseNotice(follower.id, change.offerId, change.change);
      throw error;
    }
  }
}
