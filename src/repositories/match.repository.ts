import { and, asc, desc, eq, inArray, ne, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations, partnerDismissals } from '../db/schema/index.js';
import type { OrganisationKind, Sector } from '../shared/domain.js';
import { organisationColumns, type OrganisationRow } from './organisation.repository.js';

/** What a candidate scores for each code it shares with the source, for its kind, and for its region. */
export interface MatchingWeights {
  areas: Map<string, number>;
  nace: Map<string, number>;
  concepts: Map<string, number>;
  /** Concepts weighing less count in the score, but sharing them does not make a candidate. */
  minCandidateConceptWeight: number;
  kinds: Map<OrganisationKind, number>;
  regionPair: { codes: string[]; weight: number };
}

export interface CandidateFilter {
  sourceId: string;
  /** Candidates must be in one of these regions (when given)… */
  regionCodes: string[];
  /** …and outside these (the source's own region and its neighbours, by default). */
  excludedRegionCodes: string[];
  kinds: OrganisationKind[];
  sectors: Sector[];
  areaCodes: string[];
}

/** Σ weight for each listed code the column contains. Unrolled: a containment test per code is cheap. */
function sumOf(column: SQL, weights: Map<string, number>): SQL[] {
  return [...weights].map(([code, w]) => sql`(case when ${column} @> array[${code}::text] then ${w}::float8 else 0 end)`);
}

/** Candidate partners and the "not interested" marks that leave some out. */
export class MatchRepository {
  constructor(private readonly db: Database) {}

  /**
   * The best-scoring published organisations for a source: those sharing at least one area, NACE class or
   * concept with it, scored with the given weights (services/matching/scoring.ts), minus dismissed ones.
   */
  async candidates(filter: CandidateFilter, weights: MatchingWeights, limit: number): Promise<(OrganisationRow & { score: number })[]> {
    const shares: SQL[] = [];
    if (weights.areas.size > 0) shares.push(sql`${organisations.areaCodes} && ${sql.param([...weights.areas.keys()])}::text[]`);
    if (weights.nace.size > 0) shares.push(sql`${organisations.naceClasses} && ${sql.param([...weights.nace.keys()])}::text[]`);
    const telling = [...weights.concepts].filter(([, w]) => w >= weights.minCandidateConceptWeight).map(([code]) => code);
    if (telling.length > 0) shares.push(sql`${organisations.conceptCodes} && ${sql.param(telling)}::text[]`);
    if (shares.length === 0) return [];

    const kinds = [...weights.kinds].map(([kind, w]) => sql`when ${kind}::text then ${w}::float8`);
    const terms = [
      ...sumOf(sql`${organisations.areaCodes}`, weights.areas),
      ...sumOf(sql`${organisations.naceClasses}`, weights.nace),
      ...sumOf(sql`${organisations.conceptCodes}`, weights.concepts),
      kinds.length > 0 ? sql`(case ${organisations.kind} ${sql.join(kinds, sql` `)} else 0 end)` : sql`0`,
      weights.regionPair.codes.length > 0
        ? sql`(case when ${organisations.regionCode} = any(${sql.param(weights.regionPair.codes)}::text[]) then ${weights.regionPair.weight}::float8 else 0 end)`
        : sql`0`,
    ];
    const score = sql<number>`(${sql.join(terms, sql` + `)})`;
    const dismissed = this.db
      .select({ id: partnerDismissals.candidateId })
      .from(partnerDismissals)
      .where(eq(partnerDismissals.organisationId, filter.sourceId));
    // rank on narrow rows (id, score, sort key), then read only the best in full
    const best = await this.db
      .select({ id: organisations.id, score: score.mapWith(Number) })
      .from(organisations)
      .where(
        and(
          eq(organisations.published, true),
          ne(organisations.id, filter.sourceId),
          sql`(${sql.join(shares, sql` or `)})`,
          filter.regionCodes.length > 0 ? inArray(organisations.regionCode, filter.regionCodes) : undefined,
          filter.excludedRegionCodes.length > 0 ? notInArray(organisations.regionCode, filter.excludedRegionCodes) : undefined,
          filter.kinds.length > 0 ? inArray(organisations.kind, filter.kinds) : undefined,
          filter.sectors.length > 0 ? inArray(organisations.sector, filter.sectors) : undefined,
          filter.areaCodes.length > 0 ? sql`${organisations.areaCodes} && ${sql.param(filter.areaCodes)}::text[]` : undefined,
          notInArray(organisations.id, dismissed),
        ),
      )
      .orderBy(desc(score), asc(organisations.sortName), asc(organisations.id))
      .limit(limit);
    if (best.length === 0) return [];
    const rows = new Map(
      (
        await this.db
          .select(organisationColumns)
          .from(organisations)
          .where(
            inArray(
              organisations.id,
              best.map((b) => b.id),
            ),
          )
      ).map((r) => [r.id, r]),
    );
    return best.map((b) => ({ ...rows.get(b.id)!, score: b.score }));
  }

  /** How many published organisations carry each concept, and how many there are: for concept weights. */
  async conceptFrequencies(): Promise<{ total: number; df: Map<string, number> }> {
    const result = (await this.db.execute(sql`
      select c as code, count(*)::int as n from ${organisations} o, unnest(o.concept_codes) as c where o.published group by c`)) as unknown as {
      rows: { code: string; n: number }[];
    };
    const [counted] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(organisations)
      .where(eq(organisations.published, true));
    return { total: counted?.n ?? 0, df: new Map(result.rows.map((r) => [r.code, r.n])) };
  }

  async dismiss(organisationId: string, candidateId: string, actorId: string, at: Date): Promise<void> {
    await this.db.insert(partnerDismissals).values({ organisationId, candidateId, actorId, at }).onConflictDoNothing();
  }

  async undismiss(organisationId: string, candidateId: string): Promise<boolean> {
    const removed = await this.db
      .delete(partnerDismissals)
      .where(and(eq(partnerDismissals.organisationId, organisationId), eq(partnerDismissals.candidateId, candidateId)))
      .returning({ id: partnerDismissals.candidateId });
    return removed.length > 0;
  }

  async dismissedCount(organisationId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(partnerDismissals)
      .where(eq(partnerDismissals.organisationId, organisationId));
    return row?.n ?? 0;
  }

  /** The candidates an organisation set aside, most recent first. */
  dismissed(organisationId: string): Promise<(OrganisationRow & { dismissedAt: Date })[]> {
    return this.db
      .select({ ...organisationColumns, dismissedAt: partnerDismissals.at })
      .from(partnerDismissals)
      .innerJoin(organisations, eq(organisations.id, partnerDismissals.candidateId))
      .where(eq(partnerDismissals.organisationId, organisationId))
      .orderBy(desc(partnerDismissals.at));
  }
}
