import { Type, type Static } from 'typebox';
import { SECTORS } from '../../domain.js';
import { PARTICIPATION_KINDS, QUESTION_KINDS, REGISTRATION_STATUSES } from '../../events.js';
import { MultilingualTextSchema } from '../common.js';
import { RegionCodeSchema, SlugSchema } from '../organisations.js';
import { Nullable } from '../registry-answers.js';

/**
 * Registration for events: participation types with capacities and questions, registrations (one's own and
 * the organisers' for people without accounts), the waiting list, approval, cancellation, attendance counts
 * and check-in.
 *
 *   GET    /api/v1/events/:slug/participation-types            → ParticipationTypeListSchema
 *   POST   /api/v1/events/:slug/participation-types            ParticipationTypeInputSchema → 201 ParticipationTypeSchema
 *   PUT    /api/v1/events/:slug/participation-types/:id (If-Match) ParticipationTypePatchSchema → ParticipationTypeSchema
 *   DELETE /api/v1/events/:slug/participation-types/:id        → 204 (nobody registered under it)
 *   POST   /api/v1/events/:slug/registrations                  RegistrationInputSchema → 201 RegistrationSchema
 *   POST   /api/v1/events/:slug/attendees                      AttendeeInputSchema → 201 RegistrationSchema (organisers)
 *   GET    /api/v1/events/:slug/registrations/mine             → RegistrationSchema or 404
 *   GET    /api/v1/my/registrations                            → MyRegistrationListSchema
 *   GET    /api/v1/events/:slug/registrations?status&type&q&page → RegistrationListSchema (organisers)
 *   POST   /api/v1/registrations/:id/approve|decline|cancel (If-Match) → RegistrationSchema
 *   GET    /api/v1/events/:slug/attendance                     → AttendanceSchema (numbers only)
 *   GET    /api/v1/events/:slug/check-in?q=                    → CheckInListSchema (organisers)
 *   POST   /api/v1/registrations/:id/check-in                  → RegistrationSchema (organisers)
 *   POST   /api/v1/events/:slug/check-in/badge                 BadgeCheckInSchema → RegistrationSchema (organisers)
 */

export const REGISTRATION_LIMITS = {
  questions: 30,
  choices: 50,
  questionId: 40,
  label: 500,
  answer: 2000,
  name: 200,
  organisationName: 300,
  jobTitle: 200,
  reason: 2000,
  query: 100,
  pageSize: 50,
  capacity: 100_000,
} as const;

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const QuestionId = Type.String({
  pattern: '^[a-z0-9][a-z0-9_-]*$',
  maxLength: REGISTRATION_LIMITS.questionId,
  description: 'a stable id, e.g. diet',
});
const Uuid = Type.String({ format: 'uuid' });

export const QuestionSchema = Type.Object(
  {
    id: QuestionId,
    label: MultilingualTextSchema(REGISTRATION_LIMITS.label),
    kind: Type.Enum(QUESTION_KINDS),
    required: Type.Boolean(),
    choices: Type.Optional(
      Type.Array(
        Type.Object({ id: QuestionId, label: MultilingualTextSchema(REGISTRATION_LIMITS.label) }, { additionalProperties: false }),
        {
          maxItems: REGISTRATION_LIMITS.choices,
        },
      ),
    ),
  },
  { additionalProperties: false },
);
export type Question = Static<typeof QuestionSchema>;

const participationTypeFields = {
  kind: Type.Enum(PARTICIPATION_KINDS),
  name: MultilingualTextSchema(REGISTRATION_LIMITS.name),
  capacity: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: REGISTRATION_LIMITS.capacity, description: 'null: unlimited' }))),
  requiresApproval: Type.Optional(Type.Boolean()),
  meetingsAllowed: Type.Optional(Type.Boolean()),
  questions: Type.Optional(Type.Array(QuestionSchema, { maxItems: REGISTRATION_LIMITS.questions })),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 1000 })),
};

export const ParticipationTypeInputSchema = Type.Object(participationTypeFields, { additionalProperties: false });
export type ParticipationTypeInput = Static<typeof ParticipationTypeInputSchema>;

export const ParticipationTypePatchSchema = Type.Partial(ParticipationTypeInputSchema, { additionalProperties: false });
export type ParticipationTypePatch = Static<typeof ParticipationTypePatchSchema>;

export const ParticipationTypeSchema = Type.Object({
  id: Type.String(),
  kind: Type.Enum(PARTICIPATION_KINDS),
  name: MultilingualTextSchema(REGISTRATION_LIMITS.name),
  capacity: Nullable(Type.Integer()),
  requiresApproval: Type.Boolean(),
  meetingsAllowed: Type.Boolean(),
  questions: Type.Array(QuestionSchema),
  position: Type.Integer(),
  version: Type.Integer(),
  confirmedCount: Type.Integer(),
  waitlistedCount: Type.Integer(),
  pendingCount: Type.Integer(),
  /** null: unlimited. */
  placesLeft: Nullable(Type.Integer()),
});
export type ParticipationType = Static<typeof ParticipationTypeSchema>;

export const ParticipationTypeListSchema = Type.Object({ items: Type.Array(ParticipationTypeSchema) });
export type ParticipationTypeList = Static<typeof ParticipationTypeListSchema>;

export const ParticipationTypeParamsSchema = Type.Object({ slug: SlugSchema, id: Uuid });

export const AnswersSchema = Type.Record(QuestionId, Type.Union([Type.String({ maxLength: REGISTRATION_LIMITS.answer }), Type.Boolean()]), {
  maxProperties: REGISTRATION_LIMITS.questions,
  description: 'answers by question id: text or a choice id as a string, yes/no as a boolean',
});
export type Answers = Static<typeof AnswersSchema>;

export const RegistrationInputSchema = Type.Object(
  {
    participationTypeId: Uuid,
    /** An organisation of the platform the registrant is a member of: its name, sector and region are copied. */
    organisationSlug: Type.Optional(SlugSchema),
    organisationName: Type.Optional(Text(REGISTRATION_LIMITS.organisationName)),
    sector: Type.Optional(Type.Enum(SECTORS)),
    regionCode: Type.Optional(RegionCodeSchema),
    jobTitle: Type.Optional(Text(REGISTRATION_LIMITS.jobTitle)),
    answers: Type.Optional(AnswersSchema),
    meetingsEnabled: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type RegistrationInput = Static<typeof RegistrationInputSchema>;

export const AttendeeInputSchema = Type.Object(
  {
    participationTypeId: Uuid,
    name: Text(REGISTRATION_LIMITS.name),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    organisationSlug: Type.Optional(SlugSchema),
    organisationName: Type.Optional(Text(REGISTRATION_LIMITS.organisationName)),
    sector: Type.Optional(Type.Enum(SECTORS)),
    regionCode: Type.Optional(RegionCodeSchema),
    jobTitle: Type.Optional(Text(REGISTRATION_LIMITS.jobTitle)),
    delegationId: Type.Optional(Uuid),
    /** Confirm even when the type is full (a delegation's member the host must seat). */
    overCapacity: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type AttendeeInput = Static<typeof AttendeeInputSchema>;

export const RegistrationSchema = Type.Object({
  id: Type.String(),
  eventSlug: Type.String(),
  participationType: Type.Object({
    id: Type.String(),
    kind: Type.Enum(PARTICIPATION_KINDS),
    name: MultilingualTextSchema(REGISTRATION_LIMITS.name),
  }),
  name: Type.String(),
  organisation: Type.Optional(Nullable(Type.Object({ slug: Type.String(), name: MultilingualTextSchema() }))),
  organisationName: Nullable(Type.String()),
  jobTitle: Nullable(Type.String()),
  sector: Nullable(Type.Enum(SECTORS)),
  regionCode: Nullable(Type.String()),
  status: Type.Enum(REGISTRATION_STATUSES),
  statusReason: Nullable(Type.String()),
  answers: Type.Record(Type.String(), Type.Union([Type.String(), Type.Boolean()])),
  /** 1 for the first on the waiting list of its type; only for waitlisted registrations. */
  waitlistPosition: Type.Optional(Type.Integer()),
  delegationId: Nullable(Type.String()),
  /** Whether it belongs to an account (false: registered by an organiser for someone without one). */
  hasAccount: Type.Boolean(),
  checkedInAt: Nullable(Type.String()),
  meetingsEnabled: Type.Boolean(),
  version: Type.Integer(),
  createdAt: Type.String(),
});
export type Registration = Static<typeof RegistrationSchema>;

export const RegistrationListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Enum(REGISTRATION_STATUSES)),
    type: Type.Optional(Uuid),
    q: Type.Optional(Type.String({ maxLength: REGISTRATION_LIMITS.query })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: REGISTRATION_LIMITS.pageSize, default: REGISTRATION_LIMITS.pageSize })),
  },
  { additionalProperties: false },
);
export type RegistrationListQuery = Static<typeof RegistrationListQuerySchema>;

export const RegistrationListSchema = Type.Object({ items: Type.Array(RegistrationSchema), total: Type.Integer() });
export type RegistrationList = Static<typeof RegistrationListSchema>;

/** The event a registration is for, in the shape of the events part's EventSummary. */
export const RegistrationEventSchema = Type.Object({
  id: Type.String(),
  slug: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  title: MultilingualTextSchema(),
  timeZone: Type.String(),
  startsAt: Nullable(Type.String()),
  endsAt: Nullable(Type.String()),
  knownDate: Nullable(Type.String()),
  regionCode: Type.String(),
  venueLabel: Nullable(Type.String()),
});

export const MyRegistrationListSchema = Type.Object({
  items: Type.Array(Type.Intersect([RegistrationSchema, Type.Object({ event: RegistrationEventSchema })])),
});
export type MyRegistrationList = Static<typeof MyRegistrationListSchema>;

export const RegistrationParamsSchema = Type.Object({ id: Uuid });
export const EventSlugParamsSchema = Type.Object({ slug: SlugSchema });

export const ReasonBodySchema = Type.Object({ reason: Type.Optional(Text(REGISTRATION_LIMITS.reason)) }, { additionalProperties: false });
export type ReasonBody = Static<typeof ReasonBodySchema>;

export const AttendanceSchema = Type.Object({
  confirmed: Type.Integer(),
  checkedIn: Type.Integer(),
  bySector: Type.Object({ government: Type.Integer(), science: Type.Integer(), business: Type.Integer(), unknown: Type.Integer() }),
  byRegion: Type.Array(Type.Object({ regionCode: Type.String(), count: Type.Integer() })),
  byType: Type.Array(Type.Object({ participationTypeId: Type.String(), count: Type.Integer() })),
  /** What a source reported when the platform did not register the attendance; never mixed with the counts. */
  reported: Nullable(Type.Object({ count: Type.Integer(), approximate: Type.Boolean(), sectors: Type.Array(Type.Enum(SECTORS)) })),
});
export type Attendance = Static<typeof AttendanceSchema>;

export const CheckInQuerySchema = Type.Object(
  { q: Type.Optional(Type.String({ maxLength: REGISTRATION_LIMITS.query })) },
  { additionalProperties: false },
);
export const CheckInListSchema = Type.Object({ items: Type.Array(RegistrationSchema) });
export type CheckInList = Static<typeof CheckInListSchema>;

export const BadgeCheckInSchema = Type.Object(
  { token: Type.String({ minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' }) },
  { additionalProperties: false },
);
export type BadgeCheckIn = Static<typeof BadgeCheckInSchema>;
