import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { offerInterests, offers } from '../../db/schema/index.js';
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

/** What the counts of contacts and agreements are filtered by; every part optional. */
export interface OutcomeFilter {
  /** Events on or after this instant (the first day of a month, UTC). */
  from?: Date;
  /** Events before this instant. */
  before?: Date;
  area?: string;
  /** Either side's region among these. */
  regionCodes?: string[];
}

/** One group of the counts: per area (`key` the area), region pair (`key`, `key2`), month (`key`), or all. */
export interface OutcomeGroupRow {
  dimension: 'area' | 'pair' | 'month' | 'total';
  key: string | null;
  key2: string | null;
  contacts: number;
  agreements: number;
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

  /**
   * Contacts (accepted interests, at their acceptance) and agreements (at their recording) counted per area,
   * region pair (the offer's region, the interested organisation's as it is now), month (UTC) and in all, in
   * one statement: the events are filtered once and grouped four ways.
   */
  async outcomeCounts(filter: OutcomeFilter): Promise<OutcomeGroupRow[]> {
    const conditions = [
      filter.from ? sql`e.at >= ${filter.from.toISOString()}::timestamptz` : undefined,
      filter.before ? sql`e.at < ${filter.before.toISOString()}::timestamptz` : undefined,
      filter.area ? sql`${filter.area} = any(e.area_codes)` : undefined,
      filter.regionCodes
        ? sql`(e.owner_region = any(${sql.param(filter.regionCodes)}::text[]) or e.interested_region = any(${sql.param(filter.regionCodes)}::text[]))`
        : undefined,
    ].filter((c) => c !== undefined);
    const where = conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``;
    const counted = sql`count(*) filter (where e.what = 'contact')::int as contacts, count(*) filter (where e.what = 'agreement')::int as agreements`;
    const result = (await this.db.execute(sql`
      with contacts as (
        select o.region_code as owner_region, org.region_code as interested_region, o.area_codes, i.decided_at, i.outcome_at, i.agreement_id
        from offer_interests i
        join offers o on o.id = i.offer_id
        join organisations org on org.id = i.organisation_id
        where i.state = 'accepted' and i.decided_at is not null),
      events as (
        select *, 'contact' as what, decided_at as at from contacts
        union all
        select *, 'agreement' as what, outcome_at as at from contacts where agreement_id is not null and outcome_at is not null),
      e as (select * from events e ${where})
      select 'total' as dimension, null as key, null as key2, ${counted} from e
      union all
      select 'area', a.code, null, ${counted} from e, unnest(e.area_codes) as a(code) group by a.code
      union all
      select 'pair', e.owner_region, e.interested_region, ${counted} from e group by e.owner_region, e.interested_region
      union all
      select 'month', to_char(e.at at time zone 'UTC', 'YYYY-MM'), null, ${counted} from e group by 2`)) as unknown as {
      rows: OutcomeGroupRow[];
    };
    return result.rows.map((r) => ({ ...r, contacts: Number(r.contacts), agreements: Number(r.agreements) }));
  }
}
