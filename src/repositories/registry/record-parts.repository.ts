import { and, asc, eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { academicParticipation, cooperationRecords, recordLinks, recordMilestones, recordParties } from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { LinkTargetKind, RecordKind } from '../../shared/registry.js';
import type { RecordAccessView } from '../../services/registry/record-access.js';

export type MilestoneRow = typeof recordMilestones.$inferSelect;
export type ParticipationRow = typeof academicParticipation.$inferSelect;

export interface MilestoneValues {
  title: MultilingualText;
  dueOn: string | null;
  doneOn: string | null;
}

/** A link as a record shows it: the other record, whichever end stored it, with what access checks need. */
export interface LinkRow extends RecordAccessView {
  kind: RecordKind;
  id: string;
  slug: string;
  title: MultilingualText;
  direction: 'out' | 'in';
}

/** The parts of a record that have rows of their own: milestones, academic years' participation, links. */
export class RecordPartsRepository {
  constructor(private readonly db: Database) {}

  milestones(recordId: string): Promise<MilestoneRow[]> {
    return this.db.select().from(recordMilestones).where(eq(recordMilestones.recordId, recordId)).orderBy(asc(recordMilestones.position));
  }

  async addMilestone(recordId: string, values: MilestoneValues): Promise<MilestoneRow> {
    const [row] = await this.db
      .insert(recordMilestones)
      .values({
        ...values,
        recordId,
        position: sql`coalesce((select max(${recordMilestones.position}) + 1 from ${recordMilestones} where ${recordMilestones.recordId} = ${recordId}), 0)`,
      })
      .returning();
    return row!;
  }

  /** The milestone changed, or undefined when the record has no such milestone. */
  async updateMilestone(recordId: string, id: string, values: Partial<MilestoneValues>): Promise<MilestoneRow | undefined> {
    const [row] = await this.db
      .update(recordMilestones)
      .set(values)
      .where(and(eq(recordMilestones.recordId, recordId), eq(recordMilestones.id, id)))
      .returning();
    return row;
  }

  async deleteMilestone(recordId: string, id: string): Promise<MilestoneRow | undefined> {
    const [row] = await this.db
      .delete(recordMilestones)
      .where(and(eq(recordMilestones.recordId, recordId), eq(recordMilestones.id, id)))
      .returning();
    return row;
  }

  participation(recordId: string): Promise<ParticipationRow[]> {
    return this.db
      .select()
      .from(academicParticipation)
      .where(eq(academicParticipation.recordId, recordId))
      .orderBy(asc(academicParticipation.academicYear));
  }

  async replaceParticipation(recordId: string, years: { academicYear: string; participants: number }[]): Promise<void> {
    await this.db.delete(academicParticipation).where(eq(academicParticipation.recordId, recordId));
    if (years.length > 0) await this.db.insert(academicParticipation).values(years.map((y) => ({ ...y, recordId })));
  }

  /** The records linked to this one, both ways (a link is stored once, from the record it was made on). */
  async linksOf(recordId: string): Promise<LinkRow[]> {
    const other = sql`case when ${recordLinks.recordId} = ${recordId} then ${recordLinks.targetId} else ${recordLinks.recordId} end`;
    const rows = await this.db
      .select({
        kind: cooperationRecords.kind,
        id: cooperationRecords.id,
        slug: cooperationRecords.slug,
        title: cooperationRecords.title,
        published: cooperationRecords.published,
        regionCodes: cooperationRecords.regionCodes,
        outgoing: sql<boolean>`${recordLinks.recordId} = ${recordId}`,
        partyOrganisationIds: sql<string[]>`coalesce((select array_agg(${recordParties.organisationId}::text) from ${recordParties}
          where ${recordParties.recordId} = ${cooperationRecords.id} and ${recordParties.organisationId} is not null), '{}')`,
      })
      .from(recordLinks)
      .innerJoin(cooperationRecords, eq(cooperationRecords.id, other))
      .where(or(eq(recordLinks.recordId, recordId), eq(recordLinks.targetId, recordId)))
      .orderBy(asc(recordLinks.createdAt));
    return rows.map(({ outgoing, ...row }) => ({ ...row, direction: outgoing ? 'out' : 'in' }));
  }

  /** Whether a link between the two records exists, in either direction. */
  async linked(a: string, b: string): Promise<boolean> {
    const [row] = await this.db
      .select({ one: sql`1` })
      .from(recordLinks)
      .where(or(and(eq(recordLinks.recordId, a), eq(recordLinks.targetId, b)), and(eq(recordLinks.recordId, b), eq(recordLinks.targetId, a))))
      .limit(1);
    return !!row;
  }

  async addLink(recordId: string, targetKind: LinkTargetKind, targetId: string, createdBy: string | null, at: Date): Promise<void> {
    await this.db.insert(recordLinks).values({ recordId, targetKind, targetId, createdBy, createdAt: at }).onConflictDoNothing();
  }

  /** Removes the link between the two records, whichever end stored it; whether there was one. */
  async removeLink(a: string, b: string): Promise<boolean> {
    const removed = await this.db
      .delete(recordLinks)
      .where(or(and(eq(recordLinks.recordId, a), eq(recordLinks.targetId, b)), and(eq(recordLinks.recordId, b), eq(recordLinks.targetId, a))))
      .returning({ id: recordLinks.targetId });
    return removed.length > 0;
  }
}
