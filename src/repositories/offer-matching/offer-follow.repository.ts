import { and, desc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { changeCursors, offerFollowNotices, offerFollows, offers, offerStageChanges, users } from '../../db/schema/index.js';
import type { Language } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { OfferStage } from '../../shared/offers.js';

/** A change of a followed offer that its followers are told of. */
export interface FollowedChange {
  offerId: string;
  slug: string;
  title: MultilingualText;
  /** `stage:<stage change id>` or `edit:<version>`: what a notice is kept under. */
  change: string;
  /** The stage it moved to (a stage change), or null (an edit). */
  toStage: OfferStage | null;
  fromStage: OfferStage | null;
  expiresOn: string;
  at: Date;
}

export interface Follower {
  id: string;
  email: string;
  language: Language;
  /** A change before this was not theirs to be told of. */
  followedAt: Date;
}

/** Who follows which offer; the followed offers' changes since a moment; the notices already sent. */
export class OfferFollowRepository {
  constructor(private readonly db: Database) {}

  /** True when the follow is new. */
  async follow(userId: string, offerId: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(offerFollows)
      .values({ userId, offerId, createdAt: at })
      .onConflictDoNothing()
      .returning({ userId: offerFollows.userId });
    return rows.length > 0;
  }

  /** True when there was a follow to end. */
  async unfollow(userId: string, offerId: string): Promise<boolean> {
    const rows = await this.db
      .delete(offerFollows)
      .where(and(eq(offerFollows.userId, userId), eq(offerFollows.offerId, offerId)))
      .returning({ userId: offerFollows.userId });
    return rows.length > 0;
  }

  async isFollowing(userId: string, offerId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ userId: offerFollows.userId })
      .from(offerFollows)
      .where(and(eq(offerFollows.userId, userId), eq(offerFollows.offerId, offerId)));
    return !!row;
  }

  /** The published offers a member follows, the latest followed first. */
  async published(userId: string): Promise<{ offerId: string; followedAt: Date }[]> {
    return this.db
      .select({ offerId: offerFollows.offerId, followedAt: offerFollows.createdAt })
      .from(offerFollows)
      .innerJoin(offers, eq(offers.id, offerFollows.offerId))
      .where(and(eq(offerFollows.userId, userId), eq(offers.stage, 'published')))
      .orderBy(desc(offerFollows.createdAt), offerFollows.offerId)
      .limit(500);
  }

  /**
   * The changes after `since` of the offers someone follows: their stage changes, and their edits (the
   * latest version, written after `since` and not by a stage change: a stage change is told as such).
   */
  async changesSince(since: Date): Promise<FollowedChange[]> {
    const followed = sql`exists (select 1 from ${offerFollows} f where f.offer_id = ${offers.id})`;
    const [stages, edits] = await Promise.all([
      this.db
        .select({
          offerId: offers.id,
          slug: offers.slug,
          title: offers.title,
          id: offerStageChanges.id,
          toStage: offerStageChanges.toStage,
          fromStage: offerStageChanges.fromStage,
          expiresOn: offers.expiresOn,
          at: offerStageChanges.changedAt,
        })
        .from(offerStageChanges)
        .innerJoin(offers, eq(offers.id, offerStageChanges.offerId))
        .where(and(gt(offerStageChanges.changedAt, since), followed)),
      this.db
        .select({
          offerId: offers.id,
          slug: offers.slug,
          title: offers.title,
          version: offers.version,
          expiresOn: offers.expiresOn,
          at: offers.updatedAt,
          stage: offers.stage,
        })
        .from(offers)
        .where(
          and(
            gt(offers.updatedAt, since),
            sql`${offers.version} > 1`,
            followed,
            // the write of a stage change (its history row stamped with the offer's updated_at) is told as that change
            sql`not exists (select 1 from ${offerStageChanges} c where c.offer_id = ${offers.id} and c.changed_at = ${offers.updatedAt})`,
          ),
        ),
    ]);
    return [
      ...stages.map((s) => ({ ...s, change: `stage:${s.id}` })),
      ...edits.filter((e) => e.stage === 'published').map((e) => ({ ...e, change: `edit:${e.version}`, toStage: null, fromStage: null })),
    ]
      .map(({ offerId, slug, title, change, toStage, fromStage, expiresOn, at }) => ({
        offerId,
        slug,
        title,
        change,
        toStage,
        fromStage,
        expiresOn,
        at,
      }))
      .sort((a, b) => a.at.getTime() - b.at.getTime() || a.change.localeCompare(b.change));
  }

  async followers(offerId: string): Promise<Follower[]> {
    return this.db
      .select({ id: users.id, email: users.email, language: users.language, followedAt: offerFollows.createdAt })
      .from(offerFollows)
      .innerJoin(users, eq(users.id, offerFollows.userId))
      .where(eq(offerFollows.offerId, offerId))
      .orderBy(users.id);
  }

  /** Forgets a notice whose sending failed, so that the next run sends it. */
  async releaseNotice(userId: string, offerId: string, change: string): Promise<void> {
    await this.db
      .delete(offerFollowNotices)
      .where(and(eq(offerFollowNotices.userId, userId), eq(offerFollowNotices.offerId, offerId), eq(offerFollowNotices.change, change)));
  }

  /** Marks the notice sent; false when it already was (by this run or another): then it is not sent again. */
  async claimNotice(userId: string, offerId: string, change: string, at: Date): Promise<boolean> {
    const rows = await this.db
      .insert(offerFollowNotices)
      .values({ userId, offerId, change, sentAt: at })
      .onConflictDoNothing()
      .returning({ userId: offerFollowNotices.userId });
    return rows.length > 0;
  }

  async cursor(name: string): Promise<Date | null> {
    const [row] = await this.db.select({ position: changeCursors.position }).from(changeCursors).where(eq(changeCursors.name, name));
    return row?.position ?? null;
  }

  async moveCursor(name: string, position: Date): Promise<void> {
    await this.db
      .insert(changeCursors)
      .values({ name, position, updatedAt: sql`now()` })
      .onConflictDoUpdate({ target: changeCursors.name, set: { position, updatedAt: sql`now()` } });
  }
}
