import { and, asc, eq, ilike, inArray, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  blockedTimes,
  events,
  meetings,
  meetingSlots,
  offers,
  organisations,
  participationTypes,
  registrations,
} from '../../db/schema/index.js';
import type { ExpectedVersion } from '../../services/versioning.js';

export type MeetingSlotRow = typeof meetingSlots.$inferSelect;
export type RegistrationRow = typeof registrations.$inferSelect;
export type BlockedTimeRow = typeof blockedTimes.$inferSelect;

/** A registration as meetings read it: with its type's permission and its organisation on the platform. */
export interface MeetingRegistrationRow extends RegistrationRow {
  meetingsAllowed: boolean;
  organisation: {
    id: string;
    slug: string;
    name: (typeof organisations.$inferSelect)['name'];
    kind: (typeof organisations.$inferSelect)['kind'];
    regionCode: string;
  } | null;
}

const registrationColumns = {
  registration: registrations,
  meetingsAllowed: participationTypes.meetingsAllowed,
  orgId: organisations.id,
  orgSlug: organisations.slug,
  orgName: organisations.name,
  orgKind: organisations.kind,
  orgRegion: organisations.regionCode,
};

type JoinedRow = {
  registration: RegistrationRow;
  meetingsAllowed: boolean;
  orgId: string | null;
  orgSlug: string | null;
  orgName: (typeof organisations.$inferSelect)['name'] | null;
  orgKind: (typeof organisations.$inferSelect)['kind'] | null;
  orgRegion: string | null;
};

const joined = (row: JoinedRow): MeetingRegistrationRow => ({
  ...row.registration,
  meetingsAllowed: row.meetingsAllowed,
  organisation: row.orgId
    ? { id: row.orgId, slug: row.orgSlug!, name: row.orgName!, kind: row.orgKind!, regionCode: row.orgRegion! }
    : null,
});

/** The meeting settings on the event, the slot grid, and the participants' meeting profiles and blocked times. */
export class MeetingGridRepository {
  constructor(private readonly db: Database) {}

  /** The event's meeting settings written at the expected version; its new version, or null when stale. */
  async updateSettings(
    eventId: string,
    expected: ExpectedVersion,
    values: Pick<typeof events.$inferInsert, 'meetingsEnabled' | 'meetingLengthMinutes' | 'maxBackToBack' | 'meetingRequestsCloseAt'>,
    now: Date,
  ): Promise<number | null> {
    const [row] = await this.db
      .update(events)
      .set({ ...values, version: sql`${events.version} + 1`, updatedAt: now })
      .where(and(eq(events.id, eventId), expected === null ? undefined : eq(events.version, expected)))
      .returning({ version: events.version });
    return row?.version ?? null;
  }

  /** Where the schedule is; not an edit of the event, so its version stays (an open settings form is not made stale). */
  async setScheduleState(eventId: string, state: (typeof events.$inferInsert)['scheduleState'], publishedAt: Date | null): Promise<void> {
    await this.db
      .update(events)
      .set({ scheduleState: state, ...(publishedAt ? { schedulePublishedAt: publishedAt } : {}) })
      .where(eq(events.id, eventId));
  }

  async eventVersion(eventId: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: events.version }).from(events).where(eq(events.id, eventId));
    return row?.version;
  }

  slots(eventId: string): Promise<MeetingSlotRow[]> {
    return this.db.select().from(meetingSlots).where(eq(meetingSlots.eventId, eventId)).orderBy(asc(meetingSlots.startsAt));
  }

  async slot(id: string): Promise<MeetingSlotRow | undefined> {
    const [row] = await this.db.select().from(meetingSlots).where(eq(meetingSlots.id, id));
    return row;
  }

  /** How many meetings (not cancelled) are placed in the event's slots. */
  async placedCount(eventId: string): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(meetings)
      .where(and(eq(meetings.eventId, eventId), ne(meetings.status, 'cancelled')));
    return Number(row?.n ?? 0);
  }

  /** The grid replaced whole (cancelled meetings' slots go with them). */
  async replaceSlots(eventId: string, slots: { startsAt: Date; endsAt: Date; tableCount: number }[]): Promise<void> {
    await this.db.delete(meetingSlots).where(eq(meetingSlots.eventId, eventId));
    if (slots.length > 0) await this.db.insert(meetingSlots).values(slots.map((s) => ({ ...s, eventId })));
  }

  /**
   * The grid replaced while meetings are placed: a slot at the same start keeps its id (and its meetings)
   * with the new table count; the others go, and the new ones come.
   */
  async mergeSlots(eventId: string, slots: { startsAt: Date; endsAt: Date; tableCount: number }[]): Promise<void> {
    const existing = await this.slots(eventId);
    const byStart = new Map(existing.map((s) => [s.startsAt.getTime(), s]));
    const wanted = new Set(slots.map((s) => s.startsAt.getTime()));
    const gone = existing.filter((s) => !wanted.has(s.startsAt.getTime())).map((s) => s.id);
    if (gone.length > 0) await this.db.delete(meetingSlots).where(inArray(meetingSlots.id, gone));
    for (const s of slots) {
      const old = byStart.get(s.startsAt.getTime());
      if (old) await this.db.update(meetingSlots).set({ endsAt: s.endsAt, tableCount: s.tableCount }).where(eq(meetingSlots.id, old.id));
      else await this.db.insert(meetingSlots).values({ ...s, eventId });
    }
  }

  /** The member's active registration for the event (at most one: registrations_user_once). */
  async registrationOfUser(eventId: string, userId: string): Promise<MeetingRegistrationRow | undefined> {
    const [row] = await this.registrationQuery()
      .where(
        and(
          eq(registrations.eventId, eventId),
          eq(registrations.userId, userId),
          inArray(registrations.status, ['pending', 'confirmed', 'waitlisted']),
        ),
      )
      .limit(1);
    return row ? joined(row) : undefined;
  }

  async registrationsByIds(ids: string[]): Promise<MeetingRegistrationRow[]> {
    if (ids.length === 0) return [];
    return (await this.registrationQuery().where(inArray(registrations.id, ids))).map(joined);
  }

  /** Confirmed participants taking part in meetings, by name; `q` matches names and organisation names. */
  async participants(
    eventId: string,
    options: { q?: string; limit: number; offset: number },
  ): Promise<{ rows: MeetingRegistrationRow[]; total: number }> {
    const pattern = options.q ? `%${options.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    const where = and(
      eq(registrations.eventId, eventId),
      eq(registrations.status, 'confirmed'),
      eq(registrations.meetingsEnabled, true),
      eq(participationTypes.meetingsAllowed, true),
      pattern ? or(ilike(registrations.name, pattern), ilike(registrations.organisationName, pattern)) : undefined,
    );
    const rows = await this.registrationQuery()
      .where(where)
      .orderBy(asc(registrations.name), asc(registrations.id))
      .limit(options.limit)
      .offset(options.offset);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .innerJoin(participationTypes, eq(participationTypes.id, registrations.participationTypeId))
      .where(where);
    return { rows: rows.map(joined), total: Number(count?.n ?? 0) };
  }

  /** The registration's row locked for the rest of the transaction. */
  async lockRegistration(id: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db.select().from(registrations).where(eq(registrations.id, id)).for('update');
    return row;
  }

  async updateProfile(
    id: string,
    expected: ExpectedVersion,
    values: Pick<typeof registrations.$inferInsert, 'meetingsEnabled' | 'meetingProfile' | 'offerIds'>,
    now: Date,
  ): Promise<number | null> {
    const [row] = await this.db
      .update(registrations)
      .set({ ...values, version: sql`${registrations.version} + 1`, updatedAt: now })
      .where(and(eq(registrations.id, id), expected === null ? undefined : eq(registrations.version, expected)))
      .returning({ version: registrations.version });
    return row?.version ?? null;
  }

  async registrationVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: registrations.version }).from(registrations).where(eq(registrations.id, id));
    return row?.version;
  }

  blockedTimes(registrationIds: string[]): Promise<BlockedTimeRow[]> {
    if (registrationIds.length === 0) return Promise.resolve([]);
    return this.db
      .select()
      .from(blockedTimes)
      .where(inArray(blockedTimes.registrationId, registrationIds))
      .orderBy(asc(blockedTimes.startsAt));
  }

  async replaceBlockedTimes(registrationId: string, ranges: { startsAt: Date; endsAt: Date }[]): Promise<void> {
    await this.db.delete(blockedTimes).where(eq(blockedTimes.registrationId, registrationId));
    if (ranges.length > 0) await this.db.insert(blockedTimes).values(ranges.map((r) => ({ ...r, registrationId })));
  }

  /** Offers by id with their organisation and stage (to keep a profile to its organisation's published ones). */
  offersByIds(ids: string[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        id: offers.id,
        slug: offers.slug,
        kind: offers.kind,
        title: offers.title,
        organisationId: offers.organisationId,
        stage: offers.stage,
      })
      .from(offers)
      .where(inArray(offers.id, ids));
  }

  private registrationQuery() {
    return this.db
      .select(registrationColumns)
      .from(registrations)
      .innerJoin(participationTypes, eq(participationTypes.id, registrations.participationTypeId))
      .leftJoin(organisations, eq(organisations.id, registrations.organisationId))
      .$dynamic();
  }
}
