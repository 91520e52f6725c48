/**
 * The events' vocabulary: kinds of event, participation and registration, delegations, one-to-one meetings
 * and their schedule. Shared by the server, the web app and the CLI. Round tables, delegation visits and
 * brokerage events are how two regions meet; a brokerage event adds one-to-one meetings placed into a grid
 * of slots and tables by the scheduler (docs/scheduling.md).
 */

export const EVENT_KINDS = ['round_table', 'delegation_visit', 'brokerage_event', 'conference', 'festival'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * An event's own lifecycle: a draft is seen by its organisers only; published, by everyone; cancelled stays
 * readable with its reason. Registration and meetings follow their own switches on the event.
 */
export const EVENT_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type EventStatus = (typeof EVENT_STATUSES)[number];

/** What an organising organisation does for the event. */
export const ORGANISER_ROLES = ['organiser', 'co_organiser', 'host', 'partner'] as const;
export type OrganiserRole = (typeof ORGANISER_ROLES)[number];

/** A programme's items: talks and panels, a visit to a site (a delegation's programme), a break, a meal. */
export const SESSION_KINDS = ['session', 'site_visit', 'break', 'meal', 'meeting_block'] as const;
export type SessionKind = (typeof SESSION_KINDS)[number];

/** A delegation's people. */
export const DELEGATION_ROLES = ['head', 'member', 'expert', 'interpreter', 'staff'] as const;
export type DelegationRole = (typeof DELEGATION_ROLES)[number];

/** Kinds of participation an organiser offers; each event names its own types with capacities. */
export const PARTICIPATION_KINDS = ['speaker', 'delegate', 'company', 'visitor', 'organiser', 'press', 'other'] as const;
export type ParticipationKind = (typeof PARTICIPATION_KINDS)[number];

/** A question a participation type asks at registration. */
export const QUESTION_KINDS = ['text', 'choice', 'yes_no'] as const;
export type QuestionKind = (typeof QUESTION_KINDS)[number];

/**
 * A registration's states: `pending` waits for an organiser's approval (a type that requires it);
 * `waitlisted` waits for a place (the type was full) and is confirmed in order when one frees; `declined`
 * by an organiser; `cancelled` by the participant or an organiser. Only `confirmed` registrations take a
 * place, get a badge, check in and meet.
 */
export const REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted', 'declined', 'cancelled'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** The states that hold (or wait for) a place: the others are history. */
export const ACTIVE_REGISTRATION_STATUSES = ['pending', 'confirmed', 'waitlisted'] as const satisfies readonly RegistrationStatus[];

/** How much a side wants a one-to-one meeting. */
export const MEETING_PRIORITIES = ['must_meet', 'would_like'] as const;
export type MeetingPriority = (typeof MEETING_PRIORITIES)[number];

/**
 * A meeting's weight for the scheduler, 1 to 3: one for the meeting, one more for each side that must meet
 * (the requester's priority, and the recipient's given on accepting). Scheduling maximises their sum.
 */
export function meetingWeight(requester: MeetingPriority, recipient: MeetingPriority | null): number {
  return 1 + (requester === 'must_meet' ? 1 : 0) + (recipient === 'must_meet' ? 1 : 0);
}

export const MEETING_REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type MeetingRequestStatus = (typeof MEETING_REQUEST_STATUSES)[number];

/**
 * A placed meeting: `preliminary` from a scheduler run under review (it may still move), `confirmed` once
 * the organiser publishes the final schedule (it never moves again by itself), `cancelled` by a side or an
 * organiser. A pinned meeting stays where the organiser put it when the scheduler runs again.
 */
export const MEETING_STATUSES = ['preliminary', 'confirmed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

/** Where an event's meeting schedule is: none yet, a preliminary one under review, the final one published. */
export const SCHEDULE_STATES = ['none', 'preliminary', 'final'] as const;
export type ScheduleState = (typeof SCHEDULE_STATES)[number];

/** A scheduler run: a preliminary (re)run, the final one, or placing requests accepted after the final schedule. */
export const SCHEDULE_RUN_KINDS = ['preliminary', 'final', 'late_requests'] as const;
export type ScheduleRunKind = (typeof SCHEDULE_RUN_KINDS)[number];

/** What came of a held meeting, as its participants record it afterwards. */
export const MEETING_OUTCOMES = ['not_held', 'no_follow_up', 'follow_up_planned', 'letter_of_intent', 'agreement'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

/** Limits of the meeting grid. */
export const MEETING_LIMITS = {
  minLengthMinutes: 5,
  maxLengthMinutes: 120,
  maxTablesPerSlot: 500,
  maxSlots: 400,
  maxBackToBack: 20,
  maxRequestsPerParticipant: 200,
} as const;
