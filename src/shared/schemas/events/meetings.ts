import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS } from '../../domain.js';
import {
  MEETING_LIMITS,
  MEETING_OUTCOMES,
  MEETING_PRIORITIES,
  MEETING_REQUEST_STATUSES,
  MEETING_STATUSES,
  SCHEDULE_RUN_KINDS,
  SCHEDULE_STATES,
} from '../../events.js';
import { MultilingualTextSchema } from '../common.js';
import { Nullable } from '../registry-answers.js';

/**
 * One-to-one meetings at an event (contract part "meetings"):
 *
 *   PUT  /events/:slug/meeting-settings (If-Match: the event's version)   MeetingSettingsInput → MeetingSettings
 *   GET  /events/:slug/meeting-slots                                      → MeetingSlotList
 *   PUT  /events/:slug/meeting-slots                                      MeetingGridInput → MeetingSlotList
 *   GET  /events/:slug/meeting-participants?q&page                        → MeetingParticipantList
 *   GET  /events/:slug/meetings/me, PUT (If-Match: the registration's)    MyMeetingProfile
 *   GET  /events/:slug/meetings/suggestions                               → MeetingSuggestionList
 *   POST /events/:slug/meeting-requests                                   MeetingRequestInput → 201 MeetingRequest
 *   GET  /events/:slug/meeting-requests/mine                              → MyMeetingRequests
 *   POST /meeting-requests/:id/accept|decline|cancel|place (If-Match)     → MeetingRequest (place → Meeting)
 *   POST /events/:slug/schedule/runs, /schedule/publish                   → ScheduleRun / Schedule
 *   GET  /events/:slug/schedule                                           → Schedule
 *   POST /meetings/:id/move|pin|unpin|cancel (If-Match)                   → Meeting
 *   PUT  /meetings/:id/outcome (If-Match)                                 → Meeting
 *   GET  /events/:slug/meeting-stats                                      → MeetingStats
 */

const Instant = Type.String({ format: 'date-time', description: 'an instant, ISO 8601 with an offset' });
const Id = Type.String({ format: 'uuid' });

export const EventSlugParamsSchema = Type.Object({ slug: Type.String({ minLength: 1, maxLength: 200 }) });
export const IdParamsSchema = Type.Object({ id: Id });

export const MeetingSettingsInputSchema = Type.Object(
  {
    meetingsEnabled: Type.Boolean(),
    meetingLengthMinutes: Type.Integer({ minimum: MEETING_LIMITS.minLengthMinutes, maximum: MEETING_LIMITS.maxLengthMinutes }),
    maxBackToBack: Nullable(Type.Integer({ minimum: 1, maximum: MEETING_LIMITS.maxBackToBack })),
    meetingRequestsCloseAt: Type.Optional(Nullable(Instant)),
  },
  { additionalProperties: false },
);
export type MeetingSettingsInput = Static<typeof MeetingSettingsInputSchema>;

/** The event's meeting fields (the Event answer's, for a client that does not reload the event). */
export const MeetingSettingsSchema = Type.Object({
  slug: Type.String(),
  meetingsEnabled: Type.Boolean(),
  meetingLengthMinutes: Nullable(Type.Integer()),
  maxBackToBack: Nullable(Type.Integer()),
  meetingRequestsCloseAt: Nullable(Instant),
  scheduleState: Type.Enum(SCHEDULE_STATES),
  version: Type.Integer(),
});
export type MeetingSettings = Static<typeof MeetingSettingsSchema>;

export const MeetingSlotSchema = Type.Object({ id: Id, startsAt: Instant, endsAt: Instant, tableCount: Type.Integer() });
export type MeetingSlot = Static<typeof MeetingSlotSchema>;
export const MeetingSlotListSchema = Type.Object({ items: Type.Array(MeetingSlotSchema) });
export type MeetingSlotList = Static<typeof MeetingSlotListSchema>;

export const MeetingGridInputSchema = Type.Object(
  {
    blocks: Type.Array(
      Type.Object(
        {
          startsAt: Instant,
          endsAt: Instant,
          tableCount: Type.Integer({ minimum: 1, maximum: MEETING_LIMITS.maxTablesPerSlot }),
        },
        { additionalProperties: false },
      ),
      { maxItems: 50 },
    ),
  },
  { additionalProperties: false },
);
export type MeetingGridInput = Static<typeof MeetingGridInputSchema>;

export const REQUEST_STATES = ['sent', 'received', 'accepted', 'declined'] as const;

export const MeetingParticipantSchema = Type.Object({
  registrationId: Id,
  name: Type.String(),
  organisation: Nullable(
    Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300), kind: Type.Enum(ORGANISATION_KINDS), regionCode: Type.String() }),
  ),
  organisationName: Nullable(Type.String()),
  jobTitle: Nullable(Type.String()),
  meetingProfile: Nullable(MultilingualTextSchema(4000)),
  offers: Type.Array(Type.Object({ slug: Type.String(), kind: Type.String(), title: MultilingualTextSchema(300) })),
  /** The reader's request with this participant: null when none is pending, accepted or declined. */
  requestState: Nullable(Type.Enum(REQUEST_STATES)),
});
export type MeetingParticipant = Static<typeof MeetingParticipantSchema>;

export const MeetingParticipantQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
  },
  { additionalProperties: false },
);
export const MeetingParticipantListSchema = Type.Object({
  items: Type.Array(MeetingParticipantSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type MeetingParticipantList = Static<typeof MeetingParticipantListSchema>;

export const MeetingSuggestionListSchema = Type.Object({
  items: Type.Array(Type.Intersect([MeetingParticipantSchema, Type.Object({ score: Type.Number(), reasons: Type.Array(Type.String()) })])),
});
export type MeetingSuggestionList = Static<typeof MeetingSuggestionListSchema>;

const TimeRange = Type.Object({ startsAt: Instant, endsAt: Instant }, { additionalProperties: false });

export const MyMeetingProfileInputSchema = Type.Object(
  {
    meetingsEnabled: Type.Boolean(),
    meetingProfile: Type.Optional(Nullable(MultilingualTextSchema(4000))),
    offerIds: Type.Optional(Type.Array(Id, { maxItems: 20, uniqueItems: true })),
    blockedTimes: Type.Optional(Type.Array(TimeRange, { maxItems: 50 })),
  },
  { additionalProperties: false },
);
export type MyMeetingProfileInput = Static<typeof MyMeetingProfileInputSchema>;

export const MyMeetingProfileSchema = Type.Object({
  registrationId: Id,
  meetingsEnabled: Type.Boolean(),
  meetingProfile: Nullable(MultilingualTextSchema(4000)),
  offerIds: Type.Array(Id),
  blockedTimes: Type.Array(TimeRange),
  version: Type.Integer(),
});
export type MyMeetingProfile = Static<typeof MyMeetingProfileSchema>;

export const MeetingRequestInputSchema = Type.Object(
  {
    recipientRegistrationId: Id,
    priority: Type.Enum(MEETING_PRIORITIES),
    message: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
export type MeetingRequestInput = Static<typeof MeetingRequestInputSchema>;

export const MeetingRequestSchema = Type.Object({
  id: Id,
  eventSlug: Type.String(),
  requester: MeetingParticipantSchema,
  recipient: MeetingParticipantSchema,
  requesterPriority: Type.Enum(MEETING_PRIORITIES),
  recipientPriority: Nullable(Type.Enum(MEETING_PRIORITIES)),
  message: Nullable(Type.String()),
  status: Type.Enum(MEETING_REQUEST_STATUSES),
  declineReason: Nullable(Type.String()),
  /** The meeting it is placed as, when it is. */
  meeting: Nullable(
    Type.Object({
      id: Id,
      slotId: Id,
      startsAt: Instant,
      endsAt: Instant,
      tableNumber: Type.Integer(),
      status: Type.Enum(MEETING_STATUSES),
    }),
  ),
  version: Type.Integer(),
  createdAt: Instant,
});
export type MeetingRequest = Static<typeof MeetingRequestSchema>;
export const MyMeetingRequestsSchema = Type.Object({ sent: Type.Array(MeetingRequestSchema), received: Type.Array(MeetingRequestSchema) });
export type MyMeetingRequests = Static<typeof MyMeetingRequestsSchema>;

export const MeetingAcceptSchema = Type.Object({ priority: Type.Enum(MEETING_PRIORITIES) }, { additionalProperties: false });
export const MeetingDeclineSchema = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);

export const ScheduleRunInputSchema = Type.Object({ kind: Type.Enum(SCHEDULE_RUN_KINDS) }, { additionalProperties: false });
export const ScheduleRunSchema = Type.Object({
  id: Id,
  kind: Type.Enum(SCHEDULE_RUN_KINDS),
  acceptedCount: Type.Integer(),
  scheduledCount: Type.Integer(),
  upperBoundCount: Type.Integer(),
  acceptedWeight: Type.Integer(),
  scheduledWeight: Type.Integer(),
  upperBoundWeight: Type.Integer(),
  pinnedCount: Type.Integer(),
  algorithm: Type.String(),
  durationMs: Type.Integer(),
  ranAt: Instant,
});
export type ScheduleRun = Static<typeof ScheduleRunSchema>;

const Side = Type.Object({ registrationId: Id, name: Type.String(), organisationName: Nullable(Type.String()) });

export const MeetingSchema = Type.Object({
  id: Id,
  slotId: Id,
  startsAt: Instant,
  endsAt: Instant,
  tableNumber: Type.Integer(),
  status: Type.Enum(MEETING_STATUSES),
  pinned: Type.Boolean(),
  requestId: Id,
  a: Side,
  b: Side,
  weight: Type.Integer(),
  outcome: Nullable(Type.Enum(MEETING_OUTCOMES)),
  outcomeNote: Nullable(Type.String()),
  outcomeRecord: Nullable(Type.Object({ slug: Type.String(), title: MultilingualTextSchema(1000) })),
  version: Type.Integer(),
});
export type Meeting = Static<typeof MeetingSchema>;

export const ScheduleSchema = Type.Object({
  scheduleState: Type.Enum(SCHEDULE_STATES),
  lastRun: Nullable(ScheduleRunSchema),
  slots: Type.Array(MeetingSlotSchema),
  meetings: Type.Array(MeetingSchema),
  unscheduled: Type.Array(Type.Object({ requestId: Id, a: Side, b: Side, weight: Type.Integer(), version: Type.Integer() })),
});
export type Schedule = Static<typeof ScheduleSchema>;

export const MeetingPlaceSchema = Type.Object(
  { slotId: Id, tableNumber: Type.Integer({ minimum: 1, maximum: MEETING_LIMITS.maxTablesPerSlot }) },
  { additionalProperties: false },
);
export type MeetingPlace = Static<typeof MeetingPlaceSchema>;

export const MeetingOutcomeInputSchema = Type.Object(
  {
    outcome: Type.Enum(MEETING_OUTCOMES),
    note: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
    recordSlug: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  },
  { additionalProperties: false },
);
export type MeetingOutcomeInput = Static<typeof MeetingOutcomeInputSchema>;

export const MeetingStatsSchema = Type.Object({
  requested: Type.Integer(),
  accepted: Type.Integer(),
  scheduled: Type.Integer(),
  held: Type.Integer(),
  outcomes: Type.Object(
    Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, Type.Integer()])) as Record<
      (typeof MEETING_OUTCOMES)[number],
      ReturnType<typeof Type.Integer>
    >,
  ),
  agreements: Type.Array(Type.Object({ slug: Type.String(), title: MultilingualTextSchema(1000) })),
});
export type MeetingStats = Static<typeof MeetingStatsSchema>;
