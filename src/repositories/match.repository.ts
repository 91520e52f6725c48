import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations, partnerDismissals } from '../db/schema/index.js';
import type { OrganisationKind, Sector } from '../shared/domain.js';
import { organisationColumns, type OrganisationRow } from './organisation.repository.js';

/** What the partner index keeps of a published organisation: what scoring and the filters read. */
export interface PartnerProfile {
  id: string;
  published: boolean;
  kind: OrganisationKind;
  sector: Sector;
  regionCode: string;
  areaCodes: string[];
  naceClasses: string[];
  conceptCodes: string[];
  sortName: string;
}

/** Profiles written since a horizon, and the horizon to ask from next time. */
export interface PartnerProfileChanges {
  profiles: PartnerProfile[];
  horizon: number;
}

/** Profiles for the partner index, and the "not interested" marks that leave some candidates out. */
export class MatchRepository {
  constructor(private readonly db: Database) {}

  /**
   * One page (by id) of the organisations whose revision (their last writer's transaction id) is at or
   * after the horizon; with the oldest transaction still running when the page was read (read in the same
   * statement, so the same snapshot). A transaction running then may commit later: its rows carry a
   * revision at or after that horizon, so a reader that asks from it next time reads them.
   */
  async profilesSince(horizon: number, afterId: string | null, limit: number): Promise<PartnerProfileChanges> {
    const result = (await this.db.execute(sql`
      with h as (select pg_snapshot_xmin(pg_current_snapshot())::text::bigint as horizon)
      select h.horizon, o.id, o.published, o.kind, o.sector, o.region_code, o.area_codes, o.nace_classes, o.concept_codes, o.sort_name
      from h left join lateral (
        select * from ${organisations}
        where revision >= ${horizon} and (${afterId}::uuid is null or id > ${afterId}::uuid)
        order by id limit ${limit}
      ) o on true`)) as unknown as {
      rows: {
        horizon: string | number;
        id: string | null;
        published: boolean;
        kind: OrganisationKind;
        sector: Sector;
        region_code: string;
        area_codes: string[];
        nace_classes: string[];
        concept_codes: string[];
        sort_name: string;
      }[];
    };
    return {
      horizon: Number(result.rows[0]?.horizon ?? horizon),
      profiles: result.rows
        .filter((r) => r.id !== null)
        .map((r) => ({
          id: r.id!,
          published: r.published,
          kind: r.kind,
          sector: r.sector,
          regionCode: r.region_code,
          areaCodes: r.area_codes,
          naceClasses: r.nace_classes,
          conceptCodes: r.concept_codes,
          sortName: r.sort_name,
        })),
    };
  }

  /** The candidates an organisation marked "not interested". */
  async dismissedIds(organisationId: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: partnerDismissals.candidateId })
      .from(partnerDismissals)
      .where(eq(partnerDismissals.organisationId, organisationId));
    return new Set(rows.map((r) => r.id));
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
