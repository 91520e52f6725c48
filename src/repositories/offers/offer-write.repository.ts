import { randomBytes } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { offers, offerStageChanges } from '../../db/schema/index.js';
import { allTexts } from '../../shared/multilingual.js';
import type { OfferStage } from '../../shared/offers.js';
import { slugify } from '../../shared/transliterate.js';

export type NewOffer = Omit<typeof offers.$inferInsert, 'id' | 'slug' | 'createdAt' | 'updatedAt' | 'version' | 'revision'>;
export type OfferColumns = Partial<Omit<NewOffer, 'organisationId' | 'createdBy' | 'source'>>;

export interface NewStageChange {
  offerId: string;
  fromStage: OfferStage | null;
  toStage: OfferStage;
  reason: string | null;
  changedBy: string | null;
  at: Date;
}

/**
 * An offer's address: its title and a short random suffix. Never the organisation's name, so an anonymous
 * offer's address does not tell whose it is; the suffix keeps two offers of one title apart.
 */
export function offerSlug(title: NewOffer['title']): string {
  const base = slugify(title[title.original] ?? allTexts(title)[0] ?? '', 60) || 'offer';
  return `${base}-${randomBytes(3).toString('hex')}`;
}

/** Writes of offers (OfferRepository reads them), each with its version check; callers run them in one transaction. */
export class OfferWriteRepository {
  constructor(private readonly db: Database) {}

  /** A new offer under a free slug (another suffix on the rare clash). */
  async insert(values: NewOffer, now: Date): Promise<{ id: string; slug: string }> {
    for (;;) {
      const [row] = await this.db
        .insert(offers)
        .values({ ...values, slug: offerSlug(values.title), createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: offers.slug })
        .returning({ id: offers.id, slug: offers.slug });
      if (row) return row;
    }
  }

  /**
   * Writes the columns and moves the version on; with an expected version only if the offer is still at
   * it, in the same statement: the new version, or null when someone else wrote first.
   */
  async update(id: string, values: OfferColumns, now: Date, expected: number | null): Promise<number | null> {
    const [row] = await this.db
      .update(offers)
      .set({ ...values, updatedAt: now, version: sql`${offers.version} + 1` })
      .where(and(eq(offers.id, id), expected === null ? undefined : eq(offers.version, expected)))
      .returning({ version: offers.version });
    return row?.version ?? null;
  }

  async addStageChange(change: NewStageChange): Promise<void> {
    await this.db.insert(offerStageChanges).values({
      offerId: change.offerId,
      fromStage: change.fromStage,
      toStage: change.toStage,
      reason: change.reason,
      changedBy: change.changedBy,
      changedAt: change.at,
    });
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(offers).where(eq(offers.id, id));
  }

  /** The smallest warning threshold the owner was told at, for the present expiry (null: none yet). */
  async markWarned(id: string, days: number | null): Promise<void> {
    await this.db.update(offers).set({ expiryWarnedDays: days }).where(eq(offers.id, id));
  }
}
