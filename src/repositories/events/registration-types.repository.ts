import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { participationTypes, registrations } from '../../db/schema/index.js';
import type { ExpectedVersion } from '../../services/versioning.js';

export type ParticipationTypeRow = typeof participationTypes.$inferSelect;
export type NewParticipationType = typeof participationTypes.$inferInsert;

/** How many registrations of a type hold each state that takes or waits for a place. */
export interface TypeCounts {
  confirmed: number;
  waitlisted: number;
  pending: number;
}

export type ParticipationTypeWithCounts = ParticipationTypeRow & TypeCounts;

/** Qualified by hand: Drizzle writes a lone table's columns unqualified, which the subquery would read as its own. */
const typeId = sql.raw('"participation_types"."id"');

const counted = {
  confirmed: sql<number>`(select count(*)::int from ${registrations} r where r.participation_type_id = ${typeId} and r.status = 'confirmed')`,
  waitlisted: sql<number>`(select count(*)::int from ${registrations} r where r.participation_type_id = ${typeId} and r.status = 'waitlisted')`,
  pending: sql<number>`(select count(*)::int from ${registrations} r where r.participation_type_id = ${typeId} and r.status = 'pending')`,
};

/** An event's participation types, their counts, and the row lock that keeps a capacity under concurrent registrations. */
export class ParticipationTypeRepository {
  constructor(private readonly db: Database) {}

  async ofEvent(eventId: string): Promise<ParticipationTypeWithCounts[]> {
    const rows = await this.db
      .select({ type: participationTypes, ...counted })
      .from(participationTypes)
      .where(eq(participationTypes.eventId, eventId))
      .orderBy(asc(participationTypes.position), asc(participationTypes.id));
    return rows.map(({ type, ...counts }) => ({ ...type, ...normalise(counts) }));
  }

  async find(eventId: string, id: string): Promise<ParticipationTypeWithCounts | undefined> {
    const [row] = await this.db
      .select({ type: participationTypes, ...counted })
      .from(participationTypes)
      .where(and(eq(participationTypes.eventId, eventId), eq(participationTypes.id, id)));
    return row ? { ...row.type, ...normalise({ confirmed: row.confirmed, waitlisted: row.waitlisted, pending: row.pending }) } : undefined;
  }

  /**
   * The type's row lock (SELECT … FOR UPDATE) in a transaction: whoever counts its places and writes a
   * registration holds it, so that two registrations for the last place cannot both take it.
   */
  async lock(id: string): Promise<ParticipationTypeRow | undefined> {
    const [row] = await this.db.select().from(participationTypes).where(eq(participationTypes.id, id)).for('update');
    return row;
  }

  async counts(id: string): Promise<TypeCounts> {
    const [row] = await this.db.select(counted).from(participationTypes).where(eq(participationTypes.id, id));
    return normalise(row ?? { confirmed: 0, waitlisted: 0, pending: 0 });
  }

  async insert(values: NewParticipationType): Promise<ParticipationTypeRow> {
    const [row] = await this.db.insert(participationTypes).values(values).returning();
    return row!;
  }

  async update(id: string, expected: ExpectedVersion, values: Partial<NewParticipationType>): Promise<number | null> {
    const [row] = await this.db
      .update(participationTypes)
      .set({ ...values, version: sql`${participationTypes.version} + 1` })
      .where(and(eq(participationTypes.id, id), expected === null ? undefined : eq(participationTypes.version, expected)))
      .returning({ version: participationTypes.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db
      .select({ version: participationTypes.version })
      .from(participationTypes)
      .where(eq(participationTypes.id, id));
    return row?.version;
  }

  /** Whether anyone ever registered under it (a cancelled registration keeps its type too). */
  async hasRegistrations(id: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: registrations.id })
      .from(registrations)
      .where(eq(registrations.participationTypeId, id))
      .limit(1);
    return !!row;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(participationTypes).where(eq(participationTypes.id, id));
  }
}

const normalise = (c: { confirmed: number | string; waitlisted: number | string; pending: number | string }): TypeCounts => ({
  confirmed: Number(c.confirmed),
  waitlisted: Number(c.waitlisted),
  pending: Number(c.pending),
});
