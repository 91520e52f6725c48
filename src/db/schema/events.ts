import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import type { Sector } from '../../shared/domain.js';
import type {
  DelegationRole,
  EventKind,
  EventStatus,
  MeetingOutcome,
  MeetingPriority,
  MeetingRequestStatus,
  MeetingStatus,
  OrganiserRole,
  ParticipationKind,
  QuestionKind,
  RegistrationStatus,
  ScheduleRunKind,
  ScheduleState,
  SessionKind,
} from '../../shared/events.js';
import type { Language } from '../../shared/languages.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import { users } from './accounts.js';
import { organisations } from './organisations.js';
import { regions } from './regions.js';
import { cooperationRecords } from './registry.js';
import { multilingualText } from './types.js';

/**
 * An event: a round table, a delegation visit, a brokerage event with one-to-one meetings, a conference, a
 * festival. Its times are instants (timestamptz) shown in its own IANA time zone and, to a visitor from
 * elsewhere, in theirs too. An event of the past known only to a day and month ("18 April", no year) has no
 * instants: `known_date` keeps what is known ("--04-18", ISO 8601's date without year) and invents no year.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').$type<EventKind>().notNull(),
    status: text('status').$type<EventStatus>().notNull().default('draft'),
    title: multilingualText('title').notNull(),
    description: multilingualText('description'),
    /** IANA time zone of the venue (Europe/Moscow for Obninsk). */
    timeZone: text('time_zone').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** What a source tells when it gives no instants: "2004", "2004-04", "2004-04-18" or "--04-18" (day and month, no year). */
    knownDate: text('known_date'),
    /** The venue as an organisation of kind venue, or as a name and address. */
    venueOrganisationId: uuid('venue_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    venueName: multilingualText('venue_name'),
    venueAddress: text('venue_address'),
    /** ISO 3166-2 region where it takes place. */
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    /** Cooperation areas (areas.json codes) the event is about. */
    areaCodes: text('area_codes').array().notNull().default([]),
    /** Languages spoken at the event (BCP 47). */
    languages: text('languages').array().$type<Language[]>().notNull().default([]),
    registrationOpen: boolean('registration_open').notNull().default(false),
    /** The last instant registration is taken; null is until the event starts. */
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    cancelledReason: text('cancelled_reason'),
    /**
     * What a source reports of attendance when the platform did not register it ("about 35 participants from
     * government, science and business"): a count, whether it is approximate, the sectors named. The counts of
     * registrations stand beside it, never mixed with it.
     */
    reportedAttendance: integer('reported_attendance'),
    reportedAttendanceApproximate: boolean('reported_attendance_approximate').notNull().default(false),
    reportedSectors: text('reported_sectors').array().$type<Sector[]>().notNull().default([]),
    /** One-to-one meetings: enabled, their length, the break after N back-to-back (null: no limit). */
    meetingsEnabled: boolean('meetings_enabled').notNull().default(false),
    meetingLengthMinutes: integer('meeting_length_minutes'),
    maxBackToBack: integer('max_back_to_back'),
    /** The last instant meeting requests are taken; null is until the event ends. */
    meetingRequestsCloseAt: timestamp('meeting_requests_close_at', { withTimezone: true }),
    scheduleState: text('schedule_state').$type<ScheduleState>().notNull().default('none'),
    schedulePublishedAt: timestamp('schedule_published_at', { withTimezone: true }),
    /** A secret for the participants' calendar subscription URLs (an HMAC key; crypto.randomBytes at insert). */
    feedSecret: text('feed_secret').notNull(),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('events_ends_after_start', sql`${t.endsAt} is null or ${t.startsAt} is null or ${t.endsAt} > ${t.startsAt}`),
    check('events_dated', sql`${t.startsAt} is not null or ${t.knownDate} is not null`),
    index('events_starts_idx').on(t.startsAt, t.id),
    index('events_region_idx').on(t.regionCode, t.startsAt),
    index('events_status_idx').on(t.status, t.startsAt),
  ],
);

/** The organisations that organise an event, each with its role; their administrators and editors organise it. */
export const eventOrganisers = pgTable(
  'event_organisers',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').$type<OrganiserRole>().notNull().default('organiser'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.organisationId] }), index('event_organisers_organisation_idx').on(t.organisationId)],
);

/**
 * A delegation visiting the event's region: from which region, its head and members with their roles,
 * travel dates, and its own programme of visits (sessions with its id).
 */
export const delegations = pgTable(
  'delegations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: multilingualText('name').notNull(),
    /** ISO 3166-2 region it comes from. */
    fromRegionCode: text('from_region_code')
      .notNull()
      .references(() => regions.code),
    /** Travel dates, in the event's calendar; either may be unknown. */
    arrivesOn: date('arrives_on', { mode: 'string' }),
    departsOn: date('departs_on', { mode: 'string' }),
    notes: multilingualText('notes'),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('delegations_departs_after_arrival', sql`${t.departsOn} is null or ${t.arrivesOn} is null or ${t.departsOn} >= ${t.arrivesOn}`),
    index('delegations_event_idx').on(t.eventId),
  ],
);

/**
 * A delegation's member: a person by name ("the vice-president of the Limousin regional council"), the
 * organisation they represent (on the platform or named), their role in the delegation and their position.
 */
export const delegationMembers = pgTable(
  'delegation_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    delegationId: uuid('delegation_id')
      .notNull()
      .references(() => delegations.id, { onDelete: 'cascade' }),
    /** Null when a source names the office, not the person. */
    name: text('name'),
    /** Their office or title ("vice-president of the regional council"). */
    position: multilingualText('position'),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    organisationName: multilingualText('organisation_name'),
    role: text('role').$type<DelegationRole>().notNull().default('member'),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    check('delegation_members_named', sql`${t.name} is not null or ${t.position} is not null`),
    index('delegation_members_delegation_idx').on(t.delegationId, t.sortOrder),
  ],
);

/** A speaker of a session: a person by name, with an organisation when known. */
export interface SessionSpeaker {
  name: string;
  organisationId?: string | null;
  organisationName?: MultilingualText | null;
  role?: MultilingualText | null;
}

/**
 * A programme item: a session, a site visit (of a delegation's programme when delegation_id is set), a
 * break. Times are instants within the event; languages spoken and the interpretation offered
 * ("ru>fr", "fr>ru": from one language into another).
 */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    delegationId: uuid('delegation_id').references(() => delegations.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<SessionKind>().notNull().default('session'),
    title: multilingualText('title').notNull(),
    description: multilingualText('description'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room'),
    /** A site visit's place: an organisation of the platform, or a name. */
    siteOrganisationId: uuid('site_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    siteName: multilingualText('site_name'),
    speakers: jsonb('speakers').$type<SessionSpeaker[]>().notNull().default([]),
    languages: text('languages').array().$type<Language[]>().notNull().default([]),
    /** "ru>fr": interpretation from Russian into French. */
    interpretation: text('interpretation').array().notNull().default([]),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('event_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    index('event_sessions_event_idx').on(t.eventId, t.startsAt),
  ],
);

/** A question a participation type asks: its label in several languages, a kind, choices for a choice. */
export interface RegistrationQuestion {
  id: string;
  label: MultilingualText;
  kind: QuestionKind;
  required: boolean;
  choices?: { id: string; label: MultilingualText }[];
}

/**
 * A way to take part an organiser offers (speaker, delegate, company, visitor), with a capacity (null:
 * unlimited), whether an organiser approves each registration, and its questions.
 */
export const participationTypes = pgTable(
  'participation_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ParticipationKind>().notNull(),
    name: multilingualText('name').notNull(),
    capacity: integer('capacity'),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    /** Whether its participants may take part in one-to-one meetings (when the event has them). */
    meetingsAllowed: boolean('meetings_allowed').notNull().default(true),
    questions: jsonb('questions').$type<RegistrationQuestion[]>().notNull().default([]),
    position: integer('position').notNull().default(0),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    check('participation_types_capacity', sql`${t.capacity} is null or ${t.capacity} >= 0`),
    index('participation_types_event_idx').on(t.eventId, t.position),
  ],
);

/**
 * A person's registration for an event under one participation type. A signed-in member registers
 * themselves (user_id); an organiser may register a person without an account (a delegation's member).
 * Sector and region are copied from the organisation when it is on the platform, so the attendee counts
 * ("about 35 participants from government, science and business") stay what they were at the event.
 */
export const registrations = pgTable(
  'registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    participationTypeId: uuid('participation_type_id')
      .notNull()
      .references(() => participationTypes.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email'),
    language: text('language').$type<Language>().notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    organisationName: text('organisation_name'),
    jobTitle: text('job_title'),
    sector: text('sector').$type<Sector>(),
    regionCode: text('region_code').references(() => regions.code),
    delegationId: uuid('delegation_id').references(() => delegations.id, { onDelete: 'set null' }),
    status: text('status').$type<RegistrationStatus>().notNull(),
    /** Answers by question id. */
    answers: jsonb('answers').$type<Record<string, string | boolean>>().notNull().default({}),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    statusReason: text('status_reason'),
    /** The badge's QR code carries this random, unguessable token (crypto.randomBytes at insert); check-in by scanning it. */
    badgeToken: text('badge_token').notNull().unique(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    /** One-to-one meetings: taking part, and what the participant offers and seeks at this event. */
    meetingsEnabled: boolean('meetings_enabled').notNull().default(false),
    meetingProfile: multilingualText('meeting_profile'),
    /** Marketplace offers and requests the participant brings to the event. */
    offerIds: uuid('offer_ids').array().notNull().default([]),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // A member registers once per event while a registration of theirs is active.
    uniqueIndex('registrations_user_once')
      .on(t.eventId, t.userId)
      .where(sql`${t.userId} is not null and ${t.status} in ('pending', 'confirmed', 'waitlisted')`),
    index('registrations_event_idx').on(t.eventId, t.status, t.createdAt),
    index('registrations_type_idx').on(t.participationTypeId, t.status),
    index('registrations_user_idx').on(t.userId),
  ],
);

/** A participant's time away from the meeting grid (another session, travel): no meeting there. */
export const blockedTimes = pgTable(
  'meeting_blocked_times',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    registrationId: uuid('registration_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    check('meeting_blocked_times_order', sql`${t.endsAt} > ${t.startsAt}`),
    index('meeting_blocked_times_registration_idx').on(t.registrationId),
  ],
);

/** One slot of the meeting grid: its times and how many tables (or rooms) it has. Tables are numbered 1…N. */
export const meetingSlots = pgTable(
  'meeting_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    tableCount: integer('table_count').notNull(),
  },
  (t) => [
    check('meeting_slots_order', sql`${t.endsAt} > ${t.startsAt}`),
    check('meeting_slots_tables', sql`${t.tableCount} >= 1`),
    unique('meeting_slots_once').on(t.eventId, t.startsAt),
  ],
);

/**
 * A meeting request from one participant to another, with the requester's priority; accepted by the
 * recipient with theirs. One per pair of participants while pending or accepted (either direction).
 */
export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    requesterId: uuid('requester_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    recipientId: uuid('recipient_id')
      .notNull()
      .references(() => registrations.id, { onDelete: 'cascade' }),
    requesterPriority: text('requester_priority').$type<MeetingPriority>().notNull(),
    recipientPriority: text('recipient_priority').$type<MeetingPriority>(),
    message: text('message'),
    status: text('status').$type<MeetingRequestStatus>().notNull().default('pending'),
    declineReason: text('decline_reason'),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('meeting_requests_not_oneself', sql`${t.requesterId} <> ${t.recipientId}`),
    uniqueIndex('meeting_requests_pair_once')
      .on(t.eventId, sql`least(${t.requesterId}, ${t.recipientId})`, sql`greatest(${t.requesterId}, ${t.recipientId})`)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index('meeting_requests_recipient_idx').on(t.recipientId, t.status),
    index('meeting_requests_requester_idx').on(t.requesterId, t.status),
    index('meeting_requests_event_idx').on(t.eventId, t.status),
  ],
);

/**
 * An accepted request placed into a slot at a table. The unique index keeps a table to one meeting a slot;
 * nobody in two places at once is the scheduler's and the pin's check (a participant's meetings per slot).
 * After the event its participants record what came of it, with the registry agreement that resulted.
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => meetingSlots.id, { onDelete: 'cascade' }),
    tableNumber: integer('table_number').notNull(),
    status: text('status').$type<MeetingStatus>().notNull(),
    pinned: boolean('pinned').notNull().default(false),
    outcome: text('outcome').$type<MeetingOutcome>(),
    outcomeNote: text('outcome_note'),
    outcomeRecordId: uuid('outcome_record_id').references((): AnyPgColumn => cooperationRecords.id, { onDelete: 'set null' }),
    outcomeBy: uuid('outcome_by').references(() => users.id, { onDelete: 'set null' }),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    /** The reminder e-mail before it was sent (once). */
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_request_once')
      .on(t.requestId)
      .where(sql`${t.status} <> 'cancelled'`),
    uniqueIndex('meetings_table_once')
      .on(t.slotId, t.tableNumber)
      .where(sql`${t.status} <> 'cancelled'`),
    index('meetings_event_idx').on(t.eventId, t.status),
  ],
);

/**
 * One scheduler run and the figures it reports: accepted requests, those scheduled, the upper bound on how
 * many (and how much weight) can be, the algorithm, how long it took. The event page shows the last one.
 */
export const scheduleRuns = pgTable(
  'schedule_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').$type<ScheduleRunKind>().notNull(),
    acceptedCount: integer('accepted_count').notNull(),
    scheduledCount: integer('scheduled_count').notNull(),
    /** At most this many accepted requests can be scheduled (the bound of docs/scheduling.md). */
    upperBoundCount: integer('upper_bound_count').notNull(),
    acceptedWeight: integer('accepted_weight').notNull(),
    scheduledWeight: integer('scheduled_weight').notNull(),
    upperBoundWeight: integer('upper_bound_weight').notNull(),
    pinnedCount: integer('pinned_count').notNull().default(0),
    algorithm: text('algorithm').notNull(),
    durationMs: integer('duration_ms').notNull(),
    ranBy: uuid('ran_by').references(() => users.id, { onDelete: 'set null' }),
    ranAt: timestamp('ran_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('schedule_runs_event_idx').on(t.eventId, t.ranAt)],
);
