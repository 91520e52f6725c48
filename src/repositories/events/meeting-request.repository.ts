import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { meetingRequests } from '../../db/schema/index.js';
import type { MeetingRequestStatus } from '../../shared/events.js';
import type { ExpectedVersion } from '../../services/versioning.js';

export type MeetingRequestRow = typeof meetingRequests.$inferSelect;

/** Meeting requests between an event's participants: one per pair while pending or accepted (meeting_requests_pair_once). */
export class MeetingRequestRepository {
  constructor(private readonly db: Database) {}

  /** The new request, or null when the pair has one pending or accepted already (a concurrent one included). */
  async insert(values: typeof meetingRequests.$inferInsert): Promise<MeetingRequestRow | null> {
    const [row] = await this.db.insert(meetingRequests).values(values).onConflictDoNothing().returning();
    return row ?? null;
  }

  async get(id: string): Promise<MeetingRequestRow | undefined> {
    const [row] = await this.db.select().from(meetingRequests).where(eq(meetingRequests.id, id));
    return row;
  }

  async lock(id: string): Promise<MeetingRequestRow | undefined> {
    const [row] = await this.db.select().from(meetingRequests).where(eq(meetingRequests.id, id)).for('update');
    return row;
  }

  async byIds(ids: string[]): Promise<MeetingRequestRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(meetingRequests).where(inArray(meetingRequests.id, ids));
  }

  /** The pair's pending or accepted request, either direction. */
  async activeBetween(eventId: string, a: string, b: string): Promise<MeetingRequestRow | undefined> {
    const [row] = await this.db
      .select()
      .from(meetingRequests)
      .where(
        and(
          eq(meetingRequests.eventId, eventId),
          inArray(meetingRequests.status, ['pending', 'accepted']),
          or(
            and(eq(meetingRequests.requesterId, a), eq(meetingRequests.recipientId, b)),
            and(eq(meetingRequests.requesterId, b), eq(meetingRequests.recipientId, a)),
          ),
        ),
      );
    return row;
  }

  /** Every request the registration sent or received, newest first. */
  ofRegistration(registrationId: string): Promise<MeetingRequestRow[]> {
    return this.db
      .select()
      .from(meetingRequests)
      .where(or(eq(meetingRequests.requesterId, registrationId), eq(meetingRequests.recipientId, registrationId)))
      .orderBy(desc(meetingRequests.createdAt), desc(meetingRequests.id));
  }

  ofEvent(eventId: string, statuses: MeetingRequestStatus[]): Promise<MeetingRequestRow[]> {
    return this.db
      .select()
      .from(meetingRequests)
      .where(and(eq(meetingRequests.eventId, eventId), inArray(meetingRequests.status, statuses)))
      .orderBy(asc(meetingRequests.createdAt), asc(meetingRequests.id));
  }

  async update(
    id: string,
    expected: ExpectedVersion,
    values: Partial<Pick<MeetingRequestRow, 'status' | 'recipientPriority' | 'declineReason' | 'decidedAt'>>,
    now: Date,
  ): Promise<number | null> {
    const [row] = await this.db
      .update(meetingRequests)
      .set({ ...values, version: sql`${meetingRequests.version} + 1`, updatedAt: now })
      .where(and(eq(meetingRequests.id, id), expected === null ? undefined : eq(meetingRequests.version, expected)))
      .returning({ version: meetingRequests.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    return (await this.get(id))?.version;
  }

  /** Cancels a participant's pending and accepted requests, either side (a registration cancelled or declined); the requests as they were. */
  async cancelOfRegistration(registrationId: string, now: Date): Promise<MeetingRequestRow[]> {
    const side = or(eq(meetingRequests.requesterId, registrationId), eq(meetingRequests.recipientId, registrationId));
    const before = await this.db
      .select()
      .from(meetingRequests)
      .where(and(side, inArray(meetingRequests.status, ['pending', 'accepted'])))
      .for('update');
    if (before.length === 0) return [];
    await this.db
      .update(meetingRequests)
      .set({ status: 'cancelled', version: sql`${meetingRequests.version} + 1`, updatedAt: now })
      .where(
        inArray(
          meetingRequests.id,
          before.map((r) => r.id),
        ),
      );
    return before;
  }

  /** How many requests of the event are in each state. */
  async countsByStatus(eventId: string): Promise<Map<MeetingRequestStatus, number>> {
    const rows = await this.db
      .select({ status: meetingRequests.status, n: sql<number>`count(*)::int` })
      .from(meetingRequests)
      .where(eq(meetingRequests.eventId, eventId))
      .groupBy(meetingRequests.status);
    return new Map(rows.map((r) => [r.status, Number(r.n)]));
  }
}
