import { aliasedTable, and, asc, eq, gt, inArray, isNull, lte, ne, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  eventSessions,
  meetingRequests,
  meetings,
  meetingSlots,
  organisations,
  participationTypes,
  registrations,
  users,
} from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';

export type RegistrationRow = typeof registrations.$inferSelect;
export type SessionRow = typeof eventSessions.$inferSelect;

/** A person as the outputs name them: their name, and their organisation as registered (or the platform's). */
export interface PersonView {
  registrationId: string;
  name: string;
  organisationName: string | null;
  organisation: MultilingualText | null;
}

/** One of a participant's meetings: where, when, with whom. */
export interface AgendaMeetingRow {
  id: string;
  status: 'preliminary' | 'confirmed' | 'cancelled';
  tableNumber: number;
  startsAt: Date;
  endsAt: Date;
  version: number;
  updatedAt: Date;
  counterpart: PersonView;
}

/** A meeting of the organisers' grid. */
export interface GridMeetingRow {
  id: string;
  slotId: string;
  tableNumber: number;
  status: 'preliminary' | 'confirmed' | 'cancelled';
  a: PersonView;
  b: PersonView;
}

export interface BadgeRow {
  registrationId: string;
  name: string;
  organisationName: string | null;
  organisation: MultilingualText | null;
  participationType: MultilingualText;
  badgeToken: string;
  jobTitle: string | null;
}

/** A meeting the reminder job tells its two participants of. */
export interface DueMeetingRow {
  id: string;
  startsAt: Date;
  endsAt: Date;
  tableNumber: number;
  eventId: string;
  sides: (PersonView & { email: string | null; language: RegistrationRow['language'] })[];
}

const requester = aliasedTable(registrations, 'requester');
const recipient = aliasedTable(registrations, 'recipient');
const requesterOrg = aliasedTable(organisations, 'requester_org');
const recipientOrg = aliasedTable(organisations, 'recipient_org');
const requesterUser = aliasedTable(users, 'requester_user');
const recipientUser = aliasedTable(users, 'recipient_user');

const person = (r: { id: string; name: string; organisationName: string | null }, org: MultilingualText | null): PersonView => ({
  registrationId: r.id,
  name: r.name,
  organisationName: r.organisationName,
  organisation: org,
});

/**
 * The reads of agendas, badges and the printable grid, and the reminder job's: a participant's meetings
 * with their counterpart, the programme, confirmed registrations with their type, the grid of all tables.
 */
/** A meeting's two sides as the agenda, the grid and the reminders read them (joined by every such query). */
const sideColumns = {
  requester: { id: requester.id, name: requester.name, organisationName: requester.organisationName },
  recipient: { id: recipient.id, name: recipient.name, organisationName: recipient.organisationName },
  requesterOrg: requesterOrg.name,
  recipientOrg: recipientOrg.name,
};

export class AgendaRepository {
  constructor(private readonly db: Database) {}

  /** The member's confirmed registration for the event, if any. */
  async confirmedRegistrationOf(eventId: string, userId: string): Promise<RegistrationRow | null> {
    const [row] = await this.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId), eq(registrations.status, 'confirmed')))
      .limit(1);
    return row ?? null;
  }

  async registration(id: string): Promise<RegistrationRow | null> {
    const [row] = await this.db.select().from(registrations).where(eq(registrations.id, id));
    return row ?? null;
  }

  /** The programme a participant follows: the event's sessions, and their delegation's own visits. */
  async sessionsFor(eventId: string, delegationId: string | null): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(eventSessions)
      .where(
        and(
          eq(eventSessions.eventId, eventId),
          delegationId
            ? or(isNull(eventSessions.delegationId), eq(eventSessions.delegationId, delegationId))
            : isNull(eventSessions.delegationId),
        ),
      )
      .orderBy(asc(eventSessions.startsAt), asc(eventSessions.id));
  }

  /** A participant's meetings of the given statuses, by time, each with the other side. */
  async meetingsOf(registrationId: string, statuses: AgendaMeetingRow['status'][]): Promise<AgendaMeetingRow[]> {
    if (statuses.length === 0) return [];
    const rows = await this.db
      .select({
        id: meetings.id,
        status: meetings.status,
        tableNumber: meetings.tableNumber,
        version: meetings.version,
        updatedAt: meetings.updatedAt,
        startsAt: meetingSlots.startsAt,
        endsAt: meetingSlots.endsAt,
        ...sideColumns,
      })
      .from(meetings)
      .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
      .innerJoin(requester, eq(requester.id, meetingRequests.requesterId))
      .innerJoin(recipient, eq(recipient.id, meetingRequests.recipientId))
      .leftJoin(requesterOrg, eq(requesterOrg.id, requester.organisationId))
      .leftJoin(recipientOrg, eq(recipientOrg.id, recipient.organisationId))
      .where(
        and(
          or(eq(meetingRequests.requesterId, registrationId), eq(meetingRequests.recipientId, registrationId)),
          inArray(meetings.status, statuses),
        ),
      )
      .orderBy(asc(meetingSlots.startsAt), asc(meetings.id));
    return rows.map((r) => ({
      id: r.id,
      status: r.status,
      tableNumber: r.tableNumber,
      version: r.version,
      updatedAt: r.updatedAt,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      counterpart:
        r.requester.id === registrationId ? person(r.recipient, r.recipientOrg ?? null) : person(r.requester, r.requesterOrg ?? null),
    }));
  }

  /** Confirmed registrations (or the one asked for, when confirmed), by name, with what their badges show. */
  async badges(eventId: string, registrationId?: string): Promise<BadgeRow[]> {
    const rows = await this.db
      .select({
        registrationId: registrations.id,
        name: registrations.name,
        organisationName: registrations.organisationName,
        organisation: organisations.name,
        participationType: participationTypes.name,
        badgeToken: registrations.badgeToken,
        jobTitle: registrations.jobTitle,
      })
      .from(registrations)
      .innerJoin(participationTypes, eq(participationTypes.id, registrations.participationTypeId))
      .leftJoin(organisations, eq(organisations.id, registrations.organisationId))
      .where(
        and(
          eq(registrations.eventId, eventId),
          eq(registrations.status, 'confirmed'),
          registrationId ? eq(registrations.id, registrationId) : undefined,
        ),
      )
      .orderBy(sql`lower(${registrations.name})`, asc(registrations.id));
    return rows.map((r) => ({ ...r, organisation: r.organisation ?? null }));
  }

  /** The grid's slots, by time. */
  async slots(eventId: string): Promise<(typeof meetingSlots.$inferSelect)[]> {
    return this.db.select().from(meetingSlots).where(eq(meetingSlots.eventId, eventId)).orderBy(asc(meetingSlots.startsAt));
  }

  /** Every placed meeting of the event (not the cancelled), with both sides. */
  async gridMeetings(eventId: string): Promise<GridMeetingRow[]> {
    const rows = await this.db
      .select({
        id: meetings.id,
        slotId: meetings.slotId,
        tableNumber: meetings.tableNumber,
        status: meetings.status,
        ...sideColumns,
      })
      .from(meetings)
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
      .innerJoin(requester, eq(requester.id, meetingRequests.requesterId))
      .innerJoin(recipient, eq(recipient.id, meetingRequests.recipientId))
      .leftJoin(requesterOrg, eq(requesterOrg.id, requester.organisationId))
      .leftJoin(recipientOrg, eq(recipientOrg.id, recipient.organisationId))
      .where(and(eq(meetings.eventId, eventId), ne(meetings.status, 'cancelled')));
    return rows.map((r) => ({
      id: r.id,
      slotId: r.slotId,
      tableNumber: r.tableNumber,
      status: r.status,
      a: person(r.requester, r.requesterOrg ?? null),
      b: person(r.recipient, r.recipientOrg ?? null),
    }));
  }

  /**
   * Confirmed meetings starting in (now, until] that no reminder went for yet, both sides confirmed, with
   * their addresses (the registration's, else their account's) and languages. `lock` takes the meetings'
   * row locks (in a transaction), so that two runs at once do not both send.
   */
  async dueReminders(now: Date, until: Date, options: { lock?: boolean } = {}): Promise<DueMeetingRow[]> {
    const query = this.db
      .select({
        id: meetings.id,
        eventId: meetings.eventId,
        tableNumber: meetings.tableNumber,
        startsAt: meetingSlots.startsAt,
        endsAt: meetingSlots.endsAt,
        requester: { id: requester.id, name: requester.name, organisationName: requester.organisationName, language: requester.language },
        recipient: { id: recipient.id, name: recipient.name, organisationName: recipient.organisationName, language: recipient.language },
        requesterEmail: sql<string | null>`coalesce(${requester.email}, ${requesterUser.email})`,
        recipientEmail: sql<string | null>`coalesce(${recipient.email}, ${recipientUser.email})`,
        requesterOrg: requesterOrg.name,
        recipientOrg: recipientOrg.name,
      })
      .from(meetings)
      .innerJoin(meetingSlots, eq(meetingSlots.id, meetings.slotId))
      .innerJoin(meetingRequests, eq(meetingRequests.id, meetings.requestId))
      .innerJoin(requester, eq(requester.id, meetingRequests.requesterId))
      .innerJoin(recipient, eq(recipient.id, meetingRequests.recipientId))
      .leftJoin(requesterOrg, eq(requesterOrg.id, requester.organisationId))
      .leftJoin(recipientOrg, eq(recipientOrg.id, recipient.organisationId))
      .leftJoin(requesterUser, eq(requesterUser.id, requester.userId))
      .leftJoin(recipientUser, eq(recipientUser.id, recipient.userId))
      .where(
        and(
          eq(meetings.status, 'confirmed'),
          isNull(meetings.remindedAt),
          gt(meetingSlots.startsAt, now),
          lte(meetingSlots.startsAt, until),
          eq(requester.status, 'confirmed'),
          eq(recipient.status, 'confirmed'),
        ),
      )
      .orderBy(asc(meetingSlots.startsAt), asc(meetings.id));
    const rows = options.lock ? await query.for('update', { of: meetings, skipLocked: true }) : await query;
    return rows.map((r) => ({
      id: r.id,
      eventId: r.eventId,
      tableNumber: r.tableNumber,
      startsAt: r.startsAt,
      endsAt: r.endsAt,
      sides: [
        { ...person(r.requester, r.requesterOrg ?? null), email: r.requesterEmail, language: r.requester.language },
        { ...person(r.recipient, r.recipientOrg ?? null), email: r.recipientEmail, language: r.recipient.language },
      ],
    }));
  }

  /** Marks the meetings reminded (in the transaction that records the e-mails). */
  async markReminded(ids: string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db
      .update(meetings)
      .set({ remindedAt: at })
      .where(and(inArray(meetings.id, ids), isNull(meetings.remindedAt)));
  }
}
