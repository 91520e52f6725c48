import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { offerInterests, offers, organisations } from '../../db/schema/index.js';
import type { InterestState } from '../../shared/offers.js';
import type { ExpectedVersion } from '../../services/versioning.js';

export type InterestRow = typeof offerInterests.$inferSelect;
export type NewInterest = typeof offerInterests.$inferInsert;

/** What expressions of interest read of their offer (never its texts beyond the title). */
export const interestOfferColumns = {
  id: offers.id,
  slug: offers.slug,
  kind: offers.kind,
  organisationId: offers.organisationId,
  title: offers.title,
  areaCodes: offers.areaCodes,
  regionCode: offers.regionCode,
  stage: offers.stage,
  anonymous: offers.anonymous,
  expiresOn: offers.expiresOn,
};
export type InterestOfferRow = { [K in keyof typeof interestOfferColumns]: (typeof offers.$inferSelect)[K] };

/** One accepted contact as the counts read it: the two regions, the offer's areas, when, and its agreement. */
export interface ContactRow {
  ownerRegion: string;
  interestedRegion: string;
  areaCodes: string[];
  decidedAt: Date;
  agreementId: string | null;
  outcomeAt: Date | null;
}

/** Expressions of interest in offers: one per organisation and offer (offer_interests_once). */
export class OfferInterestRepository {
  constructor(private readonly db: Database) {}

  async offerBySlug(slug: string): Promise<InterestOfferRow | undefined> {
    const [row] = await this.db.select(interestOfferColumns).from(offers).where(eq(offers.slug, slug));
    return row;
  }

  async offersByIds(ids: string[]): Promise<InterestOfferRow[]> {
    if (ids.length === 0) return [];
    return this.db.select(interestOfferColumns).from(offers).where(inArray(offers.id, ids));
  }

  /**
   * The new interest, or null when the organisation has one on the offer already. ON CONFLICT waits for a
   * concurrent insert of the same pair to settle, so two at once give one row and one null, never an error.
   */
  async insert(values: NewInterest): Promise<InterestRow | null> {
    const [row] = await this.db
      .insert(offerInterests)
      .values(values)
      .onConflictDoNothing({ target: [offerInterests.offerId, offerInterests.organisationId] })
      .returning();
    return row ?? null;
  }

  async get(id: string): Promise<InterestRow | undefined> {
    const [row] = await this.db.select().from(offerInterests).where(eq(offerInterests.id, id));
    return row;
  }

  /** The row locked for the rest of the transaction: a decision and an outcome are written one at a time. */
  async lock(id: string): Promise<InterestRow | undefined> {
    const [row] = await this.db.select().from(offerInterests).where(eq(offerInterests.id, id)).for('update');
    return row;
  }

  async ofOffer(offerId: string, state?: InterestState): Promise<InterestRow[]> {
    return this.db
      .select()
      .from(offerInterests)
      .where(and(eq(offerInterests.offerId, offerId), state ? eq(offerInterests.state, state) : undefined))
      .orderBy(desc(offerInterests.createdAt));
  }

  async ofOrganisations(organisationIds: string[], state?: InterestState): Promise<InterestRow[]> {
    if (organisationIds.length === 0) return [];
    return this.db
      .select()
      .from(offerInterests)
      .where(and(inArray(offerInterests.organisationId, organisationIds), state ? eq(offerInterests.state, state) : undefined))
      .orderBy(desc(offerInterests.createdAt));
  }

  /** For each offer, the organisations whose interest its owner accepted: those an anonymous owner is revealed to. */
  async revealedTo(offerIds: string[]): Promise<Map<string, Set<string>>> {
    const revealed = new Map<string, Set<string>>();
    if (offerIds.length === 0) return revealed;
    const rows = await this.db
      .select({ offerId: offerInterests.offerId, organisationId: offerInterests.organisationId })
      .from(offerInterests)
      .where(and(inArray(offerInterests.offerId, offerIds), eq(offerInterests.state, 'accepted')));
    for (const row of rows) revealed.set(row.offerId, (revealed.get(row.offerId) ?? new Set()).add(row.organisationId));
    return revealed;
  }

  /** Writes the change if the interest is still at the expected version (null: any); the new version, or null. */
  async update(id: string, expected: ExpectedVersion, values: Partial<NewInterest>, at: Date): Promise<number | null> {
    const [row] = await this.db
      .update(offerInterests)
      .set({ ...values, version: sql`${offerInterests.version} + 1`, updatedAt: at })
      .where(and(eq(offerInterests.id, id), expected === null ? undefined : eq(offerInterests.version, expected)))
      .returning({ version: offerInterests.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: offerInterests.version }).from(offerInterests).where(eq(offerInterests.id, id));
    return row?.version;
  }

  /** Every accepted contact, with the regions of both sides (the interested organisation's as it is now). */
  async contacts(): Promise<ContactRow[]> {
    const rows = await this.db
      .select({
        ownerRegion: offers.regionCode,
        interestedRegion: organisations.regionCode,
        areaCodes: offers.areaCodes,
        decidedAt: offerInterests.decidedAt,
        agreementId: offerInterests.agreementId,
        outcomeAt: offerInterests.outcomeAt,
      })
      .from(offerInterests)
      .innerJoin(offers, eq(offers.id, offerInterests.offerId))
      .innerJoin(organisations, eq(organisations.id, offerInterests.organisationId))
      .where(and(eq(offerInterests.state, 'accepted'), isNotNull(offerInterests.decidedAt)));
    return rows.map((r) => ({ ...r, decidedAt: r.decidedAt! }));
  }
}
