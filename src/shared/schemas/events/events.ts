import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, SECTORS } from '../../domain.js';
import { KNOWN_DATE_PATTERN } from '../../event-dates.js';
import { DELEGATION_ROLES, EVENT_KINDS, EVENT_STATUSES, ORGANISER_ROLES, SCHEDULE_STATES, SESSION_KINDS } from '../../events.js';
import { LANGUAGES } from '../../languages.js';
import { MultilingualTextSchema } from '../common.js';
import { RegionCodeSchema, SlugSchema } from '../organisations.js';
import { Nullable } from '../registry-answers.js';

/**
 * The events' API, part "events" (docs: /work contract, "events"):
 *
 *   GET    /api/v1/events?q&kind&region&from&to&status&mine&page&pageSize   → EventListSchema (upcoming first)
 *   POST   /api/v1/events                          EventInputSchema → 201 EventSchema (ETag), a draft
 *   GET    /api/v1/events/:slug                    → EventSchema (ETag)
 *   PUT    /api/v1/events/:slug  (If-Match)        EventPatchSchema → EventSchema
 *   POST   /api/v1/events/:slug/publish (If-Match) → EventSchema
 *   POST   /api/v1/events/:slug/cancel  (If-Match) EventCancelSchema → EventSchema
 *   DELETE /api/v1/events/:slug  (a draft)         → 204
 *   GET/POST /api/v1/events/:slug/sessions, PUT/DELETE …/sessions/:id      the programme
 *   GET/POST /api/v1/events/:slug/delegations, PUT/DELETE …/delegations/:id
 *   GET    /api/v1/reference/time-zones            → TimeZoneListSchema
 *
 * Instants are ISO 8601 with an offset on the way in, in UTC (`Z`) on the way out; the event's IANA time zone
 * comes with them, for the reader to see them there and in their own zone.
 */

const ml = (max: number) => MultilingualTextSchema(max);
export const EVENT_LIMITS = { title: 300, description: 20_000, venueName: 300, venueAddress: 500, reason: 2000, organisers: 20 } as const;

/** An instant with its offset ("2026-04-18T10:00:00+03:00", "…Z"): a local time without one would be ambiguous. */
export const InstantSchema = Type.String({
  format: 'date-time',
  pattern: '(Z|z|[+-]\\d{2}:\\d{2})$',
  description: 'an instant, ISO 8601 with an offset (Z or ±hh:mm)',
});
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' });
const InstantOut = Type.String({ format: 'date-time', description: 'an instant in UTC' });

export const TimeZoneSchema = Type.String({ minLength: 1, maxLength: 64, description: 'an IANA time zone, e.g. Europe/Moscow' });
export const KnownDateSchema = Type.String({
  pattern: KNOWN_DATE_PATTERN,
  description: 'what a source tells when it gives no instants: YYYY, YYYY-MM, YYYY-MM-DD, or --MM-DD (a day and month, no year)',
});

const OrganiserInput = Type.Object({ organisationSlug: SlugSchema, role: Type.Enum(ORGANISER_ROLES) }, { additionalProperties: false });

const EventFields = {
  kind: Type.Enum(EVENT_KINDS),
  title: ml(EVENT_LIMITS.title),
  description: Type.Optional(Nullable(ml(EVENT_LIMITS.description))),
  timeZone: TimeZoneSchema,
  startsAt: Type.Optional(Nullable(InstantSchema)),
  endsAt: Type.Optional(Nullable(InstantSchema)),
  knownDate: Type.Optional(Nullable(KnownDateSchema)),
  venueOrganisationSlug: Type.Optional(Nullable(SlugSchema)),
  venueName: Type.Optional(Nullable(ml(EVENT_LIMITS.venueName))),
  venueAddress: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: EVENT_LIMITS.venueAddress }))),
  regionCode: RegionCodeSchema,
  areaCodes: Type.Optional(Type.Array(SlugSchema, { maxItems: 20, uniqueItems: true })),
  languages: Type.Optional(Type.Array(Type.Enum(LANGUAGES), { maxItems: LANGUAGES.length, uniqueItems: true })),
  organisers: Type.Array(OrganiserInput, { minItems: 1, maxItems: EVENT_LIMITS.organisers }),
  registrationOpen: Type.Optional(Type.Boolean()),
  registrationClosesAt: Type.Optional(Nullable(InstantSchema)),
  meetingsEnabled: Type.Optional(Type.Boolean()),
  reportedAttendance: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1_000_000 }))),
  reportedAttendanceApproximate: Type.Optional(Type.Boolean()),
  reportedSectors: Type.Optional(Type.Array(Type.Enum(SECTORS), { maxItems: SECTORS.length, uniqueItems: true })),
};

export const EventInputSchema = Type.Object(EventFields, { additionalProperties: false });
export type EventInput = Static<typeof EventInputSchema>;

export const EventPatchSchema = Type.Partial(Type.Object(EventFields), { additionalProperties: false });
export type EventPatch = Static<typeof EventPatchSchema>;

export const EventCancelSchema = Type.Object(
  { reason: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.reason, pattern: '\\S' }) },
  { additionalProperties: false },
);
export type EventCancel = Static<typeof EventCancelSchema>;

export const EventParamsSchema = Type.Object({ slug: SlugSchema });
export const EventItemParamsSchema = Type.Object({ slug: SlugSchema, id: Type.String({ format: 'uuid' }) });

const OrganisationRef = Type.Object({ slug: Type.String(), name: ml(300), kind: Type.Enum(ORGANISATION_KINDS) });

export const EventSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  kind: Type.Enum(EVENT_KINDS),
  status: Type.Enum(EVENT_STATUSES),
  title: ml(EVENT_LIMITS.title),
  timeZone: Type.String(),
  startsAt: Nullable(InstantOut),
  endsAt: Nullable(InstantOut),
  knownDate: Nullable(Type.String()),
  regionCode: Type.String(),
  /** The venue's name (its organisation's, or the one typed), for lists. */
  venueLabel: Nullable(ml(EVENT_LIMITS.venueName)),
});
export type EventSummary = Static<typeof EventSummarySchema>;

export const EventCanSchema = Type.Object({
  edit: Type.Boolean(),
  manage: Type.Boolean(),
  register: Type.Boolean(),
  requestMeetings: Type.Boolean(),
  runSchedule: Type.Boolean(),
});

export const EventSchema = Type.Object({
  ...EventSummarySchema.properties,
  description: Nullable(ml(EVENT_LIMITS.description)),
  venue: Type.Object({
    organisation: Type.Optional(OrganisationRef),
    name: Type.Optional(ml(EVENT_LIMITS.venueName)),
    address: Type.Optional(Type.String()),
  }),
  organisers: Type.Array(
    Type.Object({
      organisation: Type.Object({ ...OrganisationRef.properties, regionCode: Type.String() }),
      role: Type.Enum(ORGANISER_ROLES),
    }),
  ),
  areaCodes: Type.Array(Type.String()),
  languages: Type.Array(Type.Enum(LANGUAGES)),
  registrationOpen: Type.Boolean(),
  registrationClosesAt: Nullable(InstantOut),
  meetingsEnabled: Type.Boolean(),
  meetingLengthMinutes: Nullable(Type.Integer()),
  maxBackToBack: Nullable(Type.Integer()),
  meetingRequestsCloseAt: Nullable(InstantOut),
  scheduleState: Type.Enum(SCHEDULE_STATES),
  reportedAttendance: Nullable(Type.Integer()),
  reportedAttendanceApproximate: Type.Boolean(),
  reportedSectors: Type.Array(Type.Enum(SECTORS)),
  cancelledReason: Nullable(Type.String()),
  version: Type.Integer(),
  createdAt: InstantOut,
  updatedAt: InstantOut,
  can: EventCanSchema,
});
export type Event = Static<typeof EventSchema>;

/** A country code (FR) covers every region of the country; a region covers its subdivisions (FR-NAQ covers FR-87). */
const RegionOrCountry = Type.String({ pattern: '^[A-Z]{2}(-[A-Z0-9]{1,3})?$', description: 'ISO 3166-2 region, or ISO 3166-1 country' });

export const EventListQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'words in the title, any language' })),
    kind: Type.Optional(Type.Array(Type.Enum(EVENT_KINDS), { maxItems: EVENT_KINDS.length })),
    region: Type.Optional(Type.Array(RegionOrCountry, { maxItems: 20 })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
    status: Type.Optional(Type.Enum(EVENT_STATUSES)),
    mine: Type.Optional(Type.Boolean({ description: 'the events I organise, drafts too' })),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  { additionalProperties: false },
);
export type EventListQuery = Static<typeof EventListQuerySchema>;

export const EventListSchema = Type.Object({
  items: Type.Array(EventSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
});
export type EventList = Static<typeof EventListSchema>;

// the programme

const SpeakerInput = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    organisationSlug: Type.Optional(Nullable(SlugSchema)),
    organisationName: Type.Optional(Nullable(ml(300))),
    role: Type.Optional(Nullable(ml(300))),
  },
  { additionalProperties: false },
);

/** "ru>fr": interpretation from Russian into French. */
const Interpretation = Type.String({ pattern: '^(ru|fr|en)>(ru|fr|en)$' });

const SessionFields = {
  kind: Type.Enum(SESSION_KINDS),
  title: ml(300),
  description: Type.Optional(Nullable(ml(5000))),
  startsAt: InstantSchema,
  endsAt: InstantSchema,
  room: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
  delegationId: Type.Optional(Nullable(Type.String({ format: 'uuid' }))),
  siteOrganisationSlug: Type.Optional(Nullable(SlugSchema)),
  siteName: Type.Optional(Nullable(ml(300))),
  speakers: Type.Optional(Type.Array(SpeakerInput, { maxItems: 50 })),
  languages: Type.Optional(Type.Array(Type.Enum(LANGUAGES), { maxItems: LANGUAGES.length, uniqueItems: true })),
  interpretation: Type.Optional(Type.Array(Interpretation, { maxItems: 6, uniqueItems: true })),
};
export const SessionInputSchema = Type.Object(SessionFields, { additionalProperties: false });
export type SessionInput = Static<typeof SessionInputSchema>;
export const SessionPatchSchema = Type.Partial(Type.Object(SessionFields), { additionalProperties: false });
export type SessionPatch = Static<typeof SessionPatchSchema>;

export const SessionSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  kind: Type.Enum(SESSION_KINDS),
  title: ml(300),
  description: Nullable(ml(5000)),
  startsAt: InstantOut,
  endsAt: InstantOut,
  room: Nullable(Type.String()),
  delegationId: Nullable(Type.String()),
  siteOrganisationSlug: Nullable(Type.String()),
  siteName: Nullable(ml(300)),
  site: Nullable(Type.Object({ slug: Type.String(), name: ml(300) })),
  speakers: Type.Array(
    Type.Object({
      name: Type.String(),
      organisationSlug: Nullable(Type.String()),
      organisationName: Nullable(ml(300)),
      role: Nullable(ml(300)),
    }),
  ),
  languages: Type.Array(Type.Enum(LANGUAGES)),
  interpretation: Type.Array(Type.String()),
  version: Type.Integer(),
});
export type Session = Static<typeof SessionSchema>;
export const SessionListSchema = Type.Object({ items: Type.Array(SessionSchema) });

// delegations

const MemberInput = Type.Object(
  {
    name: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 200 }))),
    position: Type.Optional(Nullable(ml(300))),
    organisationSlug: Type.Optional(Nullable(SlugSchema)),
    organisationName: Type.Optional(Nullable(ml(300))),
    role: Type.Enum(DELEGATION_ROLES),
  },
  { additionalProperties: false },
);

const DelegationFields = {
  name: ml(300),
  fromRegionCode: RegionCodeSchema,
  arrivesOn: Type.Optional(Nullable(Day)),
  departsOn: Type.Optional(Nullable(Day)),
  notes: Type.Optional(Nullable(ml(5000))),
  members: Type.Array(MemberInput, { maxItems: 200 }),
};
export const DelegationInputSchema = Type.Object(DelegationFields, { additionalProperties: false });
export type DelegationInput = Static<typeof DelegationInputSchema>;
export const DelegationPatchSchema = Type.Partial(Type.Object(DelegationFields), { additionalProperties: false });
export type DelegationPatch = Static<typeof DelegationPatchSchema>;

export const DelegationSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: ml(300),
  fromRegionCode: Type.String(),
  arrivesOn: Nullable(Type.String()),
  departsOn: Nullable(Type.String()),
  notes: Nullable(ml(5000)),
  members: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Nullable(Type.String()),
      position: Nullable(ml(300)),
      organisation: Nullable(Type.Object({ slug: Type.String(), name: ml(300) })),
      organisationName: Nullable(ml(300)),
      role: Type.Enum(DELEGATION_ROLES),
    }),
  ),
  programme: Type.Array(SessionSchema),
  version: Type.Integer(),
});
export type Delegation = Static<typeof DelegationSchema>;
export const DelegationListSchema = Type.Object({ items: Type.Array(DelegationSchema) });

// reference

export const TimeZoneListSchema = Type.Object({
  items: Type.Array(Type.Object({ id: Type.String(), offset: Type.String({ description: 'its offset from UTC now, e.g. +03:00' }) })),
});
export type TimeZoneList = Static<typeof TimeZoneListSchema>;
