import { asc, eq, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  academicParticipation,
  cooperationRecords,
  namedParties,
  organisations,
  recordMilestones,
  recordParties,
  recordStageChanges,
} from '../../db/schema/index.js';
import type { OrganisationKind } from '../../shared/domain.js';
import { LANGUAGES } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import { searchDocument, type DocumentText } from '../search-query.js';

export type NewRecordRow = Omit<typeof cooperationRecords.$inferInsert, 'searchVector'>;
export type NewRecordParty = typeof recordParties.$inferInsert;
export type NewRecordMilestone = typeof recordMilestones.$inferInsert;
export type NewRecordStageChange = typeof recordStageChanges.$inferInsert;
export type NewAcademicParticipation = typeof academicParticipation.$inferInsert;
export type NewNamedParty = typeof namedParties.$inferInsert;

/** A record with everything written with it, as one insert of a batch takes it. */
export interface RecordBundle {
  record: NewRecordRow & { id: string };
  parties: NewRecordParty[];
  milestones: NewRecordMilestone[];
  stageChanges: NewRecordStageChange[];
  participation: NewAcademicParticipation[];
}

/** An organisation a record may name as a party. */
export interface PartyCandidate {
  id: string;
  regionCode: string;
  kind: OrganisationKind;
}

function inLanguages(value: MultilingualText | null | undefined): DocumentText[] {
  return LANGUAGES.flatMap((lang) => (value?.[lang]?.trim() ? [{ text: value[lang]!, lang }] : []));
}

/**
 * A record's search document: its title as names are (weight A, exact words and each language's stems),
 * its summary as descriptions are (C), built by the same SQL as organisations' so that one query finds both.
 */
export function recordSearchDocument(title: MultilingualText, summary: MultilingualText | null | undefined): SQL {
  return searchDocument({ names: inLanguages(title), other: [], descriptions: inLanguages(summary), codes: [] });
}

/** Writes of many registry records at once (synthetic sets, imports): each batch in one transaction. */
export class RecordBatchRepository {
  constructor(private readonly db: Database) {}

  /** Every organisation, in a stable order (so that a seed picks the same parties on the same data). */
  async partyCandidates(): Promise<PartyCandidate[]> {
    return this.db
      .select({ id: organisations.id, regionCode: organisations.regionCode, kind: organisations.kind })
      .from(organisations)
      .orderBy(asc(organisations.slug));
  }

  async insertNamedParties(rows: NewNamedParty[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const inserted = await this.db.insert(namedParties).values(rows).returning({ id: namedParties.id });
    return inserted.map((r) => r.id);
  }

  /** Inserts the records and their parties, milestones, stage history and participation: all or none. */
  async insertBundles(bundles: RecordBundle[]): Promise<void> {
    if (bundles.length === 0) return;
    await this.db.transaction(async (tx) => {
      await tx
        .insert(cooperationRecords)
        .values(bundles.map((b) => ({ ...b.record, searchVector: recordSearchDocument(b.record.title, b.record.summary) })));
      const parties = bundles.flatMap((b) => b.parties);
      if (parties.length > 0) await tx.insert(recordParties).values(parties);
      const milestones = bundles.flatMap((b) => b.milestones);
      if (milestones.length > 0) await tx.insert(recordMilestones).values(milestones);
      const changes = bundles.flatMap((b) => b.stageChanges);
      if (changes.length > 0) await tx.insert(recordStageChanges).values(changes);
      const participation = bundles.flatMap((b) => b.participation);
      if (participation.length > 0) await tx.insert(academicParticipation).values(participation);
    });
  }

  /** Removes the records of a source (their parties, milestones and history go with them). */
  async deleteBySource(source: 'synthetic'): Promise<void> {
    await this.db.delete(cooperationRecords).where(eq(cooperationRecords.source, source));
  }

  /**
   * Refreshes the planner's statistics of the registry's tables after a bulk insert, and empties the GIN
   * indexes' pending lists: PGlite runs no autovacuum, and without statistics the search's look for records
   * written since its last refresh walked every record instead of the revision index. VACUUM cannot run
   * inside a transaction: there, only the statistics are refreshed.
   */
  async analyse(): Promise<void> {
    const tables = sql`cooperation_records, record_parties, record_milestones, record_stage_changes, academic_participation, named_parties`;
    try {
      await this.db.execute(sql`VACUUM ANALYZE ${tables}`);
    } catch (error) {
      if ((error as { code?: string }).code !== '25001') throw error;
      await this.db.execute(sql`ANALYZE ${tables}`);
    }
  }

  async countBySource(source: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(cooperationRecords)
      .where(sql`${cooperationRecords.source} = ${source}`);
    return row?.n ?? 0;
  }
}
