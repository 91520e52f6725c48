import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cooperationRecords, meetings, meetingSlots, scheduleRuns } from '../../db/schema/index.js';
import type { ExpectedVersion } from '../../services/versioning.js';

export type MeetingRow = typeof meetings.$inferSelect;
export type ScheduleRunRow = typeof scheduleRuns.$inferSelect;
/** A meeting with its slot's times. */
export interface PlacedMeetingRow extends MeetingRow {
  startsAt: Date;
  endsAt: Date;
}

/** The placed meetings of an event and its scheduler runs. */
export class MeetingScheduleRepository {
  constructor(private readonly db: Database) {}

  /** The event's meetings that are not cancelled, by slot time and table. */
  async ofEvent(eventId: string): Promise<PlacedMeetingRow[]> {
    const rows = await this.db
      .select({ meeting: meetings, startsAt: meetingSlots.startsAt, endsAt: meetingSlots.endsAt })
      .from(meetings)
      .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
      .where(and(eq(meetings.eventId, eventId), ne(meetings.status, 'cancelled')))
      .orderBy(asc(meetingSlots.startsAt), asc(meetings.tableNumber));
    return rows.map((r) => ({ ...r.meeting, startsAt: r.startsAt, endsAt: r.endsAt }));
  }

  /** The live meetings of these requests. */
  async ofRequests(requestIds: string[]): Promise<PlacedMeetingRow[]> {
    if (requestIds.length === 0) return [];
    const rows = await this.db
      .select({ meeting: meetings, startsAt: meetingSlots.startsAt, endsAt: meetingSlots.endsAt })
      .from(meetings)
      .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
      .where(and(inArray(meetings.requestId, requestIds), ne(meetings.status, 'cancelled')));
    return rows.map((r) => ({ ...r.meeting, startsAt: r.startsAt, endsAt: r.endsAt }));
  }

  async get(id: string): Promise<PlacedMeetingRow | undefined> {
    const [row] = await this.db
      .select({ meeting: meetings, startsAt: meetingSlots.startsAt, endsAt: meetingSlots.endsAt })
      .from(meetings)
      .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
      .where(eq(meetings.id, id));
    return row ? { ...row.meeting, startsAt: row.startsAt, endsAt: row.endsAt } : undefined;
  }

  async lock(id: string): Promise<MeetingRow | undefined> {
    const [row] = await this.db.select().from(meetings).where(eq(meetings.id, id)).for('update');
    return row;
  }

  async insert(values: (typeof meetings.$inferInsert)[]): Promise<void> {
    if (values.length > 0) await this.db.insert(meetings).values(values);
  }

  /** The preliminary meetings a run replaces: every one not pinned. */
  async deleteUnpinnedPreliminary(eventId: string): Promise<void> {
    await this.db
      .delete(meetings)
      .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'preliminary'), eq(meetings.pinned, false)));
  }

  async confirmAll(eventId: string, now: Date): Promise<void> {
    await this.db
      .update(meetings)
      .set({ status: 'confirmed', version: sql`${meetings.version} + 1`, updatedAt: now })
      .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'preliminary')));
  }

  async update(
    id: string,
    expected: ExpectedVersion,
    values: Partial<
      Pick<
        MeetingRow,
        'slotId' | 'tableNumber' | 'pinned' | 'status' | 'outcome' | 'outcomeNote' | 'outcomeRecordId' | 'outcomeBy' | 'outcomeAt'
      >
    >,
    now: Date,
  ): Promise<number | null> {
    const [row] = await this.db
      .update(meetings)
      .set({ ...values, version: sql`${meetings.version} + 1`, updatedAt: now })
      .where(and(eq(meetings.id, id), expected === null ? undefined : eq(meetings.version, expected)))
      .returning({ version: meetings.version });
    return row?.version ?? null;
  }

  /** Cancels the meetings of these requests that are not cancelled yet (their tables free again); their ids. */
  async cancelOfRequests(requestIds: string[], now: Date): Promise<string[]> {
    if (requestIds.length === 0) return [];
    const rows = await this.db
      .update(meetings)
      .set({ status: 'cancelled', version: sql`${meetings.version} + 1`, updatedAt: now })
      .where(and(inArray(meetings.requestId, requestIds), ne(meetings.status, 'cancelled')))
      .returning({ id: meetings.id });
    return rows.map((r) => r.id);
  }

  async currentVersion(id: string): Promise<number | undefined> {
    return (await this.get(id))?.version;
  }

  async insertRun(values: typeof scheduleRuns.$inferInsert): Promise<ScheduleRunRow> {
    const [row] = await this.db.insert(scheduleRuns).values(values).returning();
    return row!;
  }

  async lastRun(eventId: string): Promise<ScheduleRunRow | null> {
    const [row] = await this.db
      .select()
      .from(scheduleRuns)
      .where(eq(scheduleRuns.eventId, eventId))
      .orderBy(desc(scheduleRuns.ranAt), desc(scheduleRuns.id))
      .limit(1);
    return row ?? null;
  }

  /** Registry records by id (a meeting's outcome names an agreement). */
  recordsByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select({ id: cooperationRecords.id, slug: cooperationRecords.slug, title: cooperationRecords.title })
      .from(cooperationRecords)
      .where(inArray(cooperationRecords.id, ids));
  }

  /** Every meeting of the event with an outcome, and the held ones (a slot started before `now`, not cancelled). */
  async outcomeCounts(
    eventId: string,
    now: Date,
  ): Promise<{ held: number; scheduled: number; outcomes: Map<string, number>; recordIds: string[] }> {
    const rows = await this.db
      .select({ outcome: meetings.outcome, recordId: meetings.outcomeRecordId, startsAt: meetingSlots.startsAt })
      .from(meetings)
      .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
      .where(and(eq(meetings.eventId, eventId), ne(meetings.status, 'cancelled')));
    const outcomes = new Map<string, number>();
    let held = 0;
    for (const r of rows) {
      if (r.outcome) outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
      // a meeting is held once its time came, unless a side recorded that it was not
      if (r.startsAt <= now && r.outcome !== 'not_held') held++;
    }
    return { held, scheduled: rows.length, outcomes, recordIds: [...new Set(rows.flatMap((r) => (r.recordId ? [r.recordId] : [])))] };
  }
}
