import { and, asc, desc, eq, inArray, lt, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { offerInterests, offers, offerStageChanges, organisations, roleGrants, users } from '../../db/schema/index.js';
import type { UserRow } from '../account.repository.js';
import type { OfferRow, OfferStageChangeRow, OfferSummaryRow } from '../../presenters/offer.presenter.js';
import type { RecordSource } from '../../shared/domain.js';
import type { OfferStage } from '../../shared/offers.js';

const owner = {
  slug: organisations.slug,
  name: organisations.name,
  regionCode: organisations.regionCode,
  kind: organisations.kind,
};

const summaryColumns = {
  id: offers.id,
  slug: offers.slug,
  kind: offers.kind,
  organisationId: offers.organisationId,
  organisation: owner,
  title: offers.title,
  summary: offers.summary,
  areaCodes: offers.areaCodes,
  regionCode: offers.regionCode,
  stage: offers.stage,
  anonymous: offers.anonymous,
  trl: offers.trl,
  deadline: offers.deadline,
  expiresOn: offers.expiresOn,
  publishedAt: offers.publishedAt,
};

const offerColumns = {
  ...summaryColumns,
  description: offers.description,
  naceCodes: offers.naceCodes,
  productCodes: offers.productCodes,
  developmentStage: offers.developmentStage,
  ipStatus: offers.ipStatus,
  partnershipKinds: offers.partnershipKinds,
  partnerKinds: offers.partnerKinds,
  partnerSizes: offers.partnerSizes,
  partnerRole: offers.partnerRole,
  targetRegionCodes: offers.targetRegionCodes,
  expiryWarnedDays: offers.expiryWarnedDays,
  conceptCodes: offers.conceptCodes,
  createdBy: offers.createdBy,
  version: offers.version,
  updatedAt: offers.updatedAt,
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A list of offers' filter: the owners' organisations or regions, and stages. */
export interface OfferListFilter {
  organisationIds?: string[];
  regionCodes?: string[];
  stages?: OfferStage[];
  /** Offers of these organisations left out (a coordinator's own, from their review queue). */
  excludeOrganisationIds?: string[];
  /** Waiting longest first (a queue), instead of last changed first. */
  oldestFirst?: boolean;
  offset: number;
  limit: number;
}

/** Reads of offers and requests: a page, result lines, lists of an organisation's or a region's, the history. */
export class OfferRepository {
  constructor(private readonly db: Database) {}

  /** One offer by its slug or id. */
  async get(slugOrId: string): Promise<OfferRow | undefined> {
    const [row] = await this.db
      .select(offerColumns)
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(UUID.test(slugOrId) ? eq(offers.id, slugOrId) : eq(offers.slug, slugOrId));
    return row;
  }

  /**
   * The offer as it is now, its row locked (SELECT … FOR UPDATE) until the transaction ends: every change
   * takes this lock first, so two stage changes at once are checked one after the other.
   */
  async lock(id: string): Promise<OfferRow | undefined> {
    await this.db.select({ id: offers.id }).from(offers).where(eq(offers.id, id)).for('update');
    return this.get(id);
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: offers.version }).from(offers).where(eq(offers.id, id));
    return row?.version;
  }

  /** Whether an offer of this source exists (the demo's are loaded once). */
  async hasSource(source: RecordSource): Promise<boolean> {
    const [row] = await this.db.select({ id: offers.id }).from(offers).where(eq(offers.source, source)).limit(1);
    return !!row;
  }

  async slugTaken(slug: string): Promise<boolean> {
    const [row] = await this.db.select({ id: offers.id }).from(offers).where(eq(offers.slug, slug));
    return !!row;
  }

  /** The offers' result lines, in the ids' order (ids of no offer left out). */
  async summaries(ids: string[]): Promise<OfferSummaryRow[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .select(summaryColumns)
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(inArray(offers.id, [...new Set(ids)]));
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /** A page of offers by owner or region and stage, last changed first, with the count of all. */
  async list(filter: OfferListFilter): Promise<{ rows: OfferSummaryRow[]; total: number }> {
    const where: SQL[] = [];
    // an empty list of owners or regions is no offer, not every offer
    if (filter.organisationIds)
      where.push(filter.organisationIds.length ? inArray(offers.organisationId, filter.organisationIds) : sql`false`);
    if (filter.regionCodes) where.push(filter.regionCodes.length ? inArray(offers.regionCode, filter.regionCodes) : sql`false`);
    if (filter.stages && filter.stages.length > 0) where.push(inArray(offers.stage, filter.stages));
    if (filter.excludeOrganisationIds?.length) where.push(notInArray(offers.organisationId, filter.excludeOrganisationIds));
    const condition = and(...where);
    const [rows, [counted]] = await Promise.all([
      this.db
        .select(summaryColumns)
        .from(offers)
        .innerJoin(organisations, eq(organisations.id, offers.organisationId))
        .where(condition)
        .orderBy(filter.oldestFirst ? asc(offers.updatedAt) : desc(offers.updatedAt), asc(offers.id))
        .offset(filter.offset)
        .limit(filter.limit),
      this.db
        .select({ total: sql<number>`count(*)::int` })
        .from(offers)
        .where(condition),
    ]);
    return { rows, total: counted?.total ?? 0 };
  }

  /** Every published offer, for the export: oldest published first. */
  published(): Promise<OfferRow[]> {
    return this.db
      .select(offerColumns)
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(eq(offers.stage, 'published'))
      .orderBy(asc(offers.publishedAt), asc(offers.id));
  }

  /** The offer's stage changes, oldest first, with who made them. */
  history(offerId: string): Promise<OfferStageChangeRow[]> {
    return this.db
      .select({
        fromStage: offerStageChanges.fromStage,
        toStage: offerStageChanges.toStage,
        reason: offerStageChanges.reason,
        changedBy: offerStageChanges.changedBy,
        by: users.displayName,
        changedAt: offerStageChanges.changedAt,
      })
      .from(offerStageChanges)
      .leftJoin(users, eq(users.id, offerStageChanges.changedBy))
      .where(eq(offerStageChanges.offerId, offerId))
      .orderBy(asc(offerStageChanges.changedAt), asc(offerStageChanges.id));
  }

  /**
   * For each offer, the organisations whose expression of interest its owner accepted: they see who an
   * anonymous offer's owner is (organisationShown's `revealedTo`).
   */
  async revealedTo(offerIds: string[]): Promise<Map<string, Set<string>>> {
    const revealed = new Map<string, Set<string>>(offerIds.map((id) => [id, new Set<string>()]));
    if (offerIds.length === 0) return revealed;
    const rows = await this.db
      .select({ offerId: offerInterests.offerId, organisationId: offerInterests.organisationId })
      .from(offerInterests)
      .where(and(inArray(offerInterests.offerId, [...new Set(offerIds)]), eq(offerInterests.state, 'accepted')));
    for (const row of rows) revealed.get(row.offerId)?.add(row.organisationId);
    return revealed;
  }

  /** Published offers whose last day is before `today`: the expiry job's work. */
  expiredBy(today: string, limit: number): Promise<{ id: string }[]> {
    return this.db
      .select({ id: offers.id })
      .from(offers)
      .where(and(eq(offers.stage, 'published'), lt(offers.expiresOn, today)))
      .orderBy(asc(offers.expiresOn), asc(offers.id))
      .limit(limit);
  }

  /** Published offers whose last day is on or before `until` (their owners' warnings). */
  expiringBy(until: string): Promise<OfferRow[]> {
    return this.db
      .select(offerColumns)
      .from(offers)
      .innerJoin(organisations, eq(organisations.id, offers.organisationId))
      .where(and(eq(offers.stage, 'published'), sql`${offers.expiresOn} <= ${until}`))
      .orderBy(asc(offers.expiresOn), asc(offers.id));
  }

  /** The administrators and editors of the organisation: who is told of its offers' expiry. */
  async ownerWriters(organisationId: string, userId?: string): Promise<UserRow[]> {
    const rows = await this.db
      .selectDistinct({ user: users })
      .from(users)
      .innerJoin(roleGrants, eq(roleGrants.userId, users.id))
      .where(
        and(
          eq(roleGrants.organisationId, organisationId),
          inArray(roleGrants.role, ['org_admin', 'org_editor']),
          userId ? eq(users.id, userId) : undefined,
        ),
      );
    return rows.map((r) => r.user).sort((a, b) => a.email.localeCompare(b.email));
  }
}
