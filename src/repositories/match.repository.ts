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
   * The organisations whose revision (their last writer's transaction id) is at or after the horizon; with
   * the oldest transaction still running when they were read (read in the same statement, so the same
   * snapshot). A transaction running then may commit later: its rows carry a revision at or after that
   * horizon, so a reader that asks from it next time reads them.
   *
   * Each profile comes as one line of text: PGlite hands rows to JavaScript field by field, and ten fields
   * with three arrays took 3.3 s for 100,000 organisations where one line takes under one.
   */
  async profilesSince(horizon: number): Promise<PartnerProfileChanges> {
    const result = (await this.db.execute(sql`
      select 'horizon|' || pg_snapshot_xmin(pg_current_snapshot())::text as line
      union all
      select concat_ws('|', id, published::text, kind, sector, region_code, array_to_string(area_codes, ' '),
                       array_to_string(nace_classes, ' '), array_to_string(concept_codes, ' '), sort_name)
      from ${organisations} where revision >= ${horizon}`)) as unknown as { rows: { line: string }[] };
    const codes = (list: string | undefined) => (list ? list.split(' ') : []);
    let next = horizon;
    const profiles: PartnerProfile[] = [];
    for (const { line } of result.rows) {
      const [id, published, kind, sector, regionCode, areas, nace, concepts, ...name] = line.split('|');
      if (id === 'horizon') next = Number(published);
      else
        profiles.push({
          id: id!,
          published: published === 'true',
          kind: kind as OrganisationKind,
          sector: sector as Sector,
          regionCode: regionCode!,
          areaCodes: codes(areas),
          naceClasses: codes(nace),
          conceptCodes: codes(concepts),
          // the sort name is last: a "|" in it stays
          sortName: name.join('|'),
        });
    }
    return { horizon: next, profiles };
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
