import { Type, type Static } from 'typebox';
import { LANGUAGES } from '../../languages.js';
import { MEETING_STATUSES, SESSION_KINDS } from '../../events.js';
import { SlugSchema } from '../organisations.js';

/**
 * The events' outputs: a participant's agenda (JSON, iCalendar file and subscription feed, PDF), badges,
 * the organisers' printable grid.
 *
 *   GET /api/v1/events/:slug/agenda/mine                            → AgendaSchema
 *   GET /api/v1/events/:slug/agenda/mine.ics                        → text/calendar (RFC 5545)
 *   GET /api/v1/events/:slug/agenda/feed/:registrationId/:token.ics → text/calendar, no sign-in (wrong token: 404)
 *   GET /api/v1/events/:slug/agenda/mine.pdf                        → application/pdf
 *   GET /api/v1/events/:slug/badges.pdf?registration=<id>           → application/pdf (organisers)
 *   GET /api/v1/registrations/:id/badge.pdf                         → application/pdf (the participant, or organisers)
 *   GET /api/v1/events/:slug/schedule.pdf                           → application/pdf (organisers)
 *
 * Participants see their meetings once the final schedule is published (docs/decisions.md, "Events:
 * agendas show the final schedule only"); a cancelled meeting stays in the agenda with status `cancelled`,
 * so that a subscribed calendar removes it.
 */

const Instant = Type.String({ format: 'date-time', description: 'an instant, ISO 8601 in UTC' });
const Uuid = Type.String({ format: 'uuid' });

export const AgendaItemSchema = Type.Object({
  kind: Type.Enum(['meeting', 'session'] as const),
  /** The meeting's or the session's id: stable, the iCalendar UID is made of it. */
  id: Uuid,
  startsAt: Instant,
  endsAt: Instant,
  /** "Meeting with …" in the reader's language, or the session's title in it. */
  title: Type.String(),
  tableNumber: Type.Optional(Type.Integer({ minimum: 1 })),
  counterpart: Type.Optional(Type.Object({ name: Type.String(), organisationName: Type.Union([Type.String(), Type.Null()]) })),
  room: Type.Optional(Type.Union([Type.String(), Type.Null()])),
  sessionKind: Type.Optional(Type.Enum(SESSION_KINDS)),
  status: Type.Optional(Type.Enum(MEETING_STATUSES)),
});
export type AgendaItem = Static<typeof AgendaItemSchema>;

export const AgendaSchema = Type.Object({
  /** The event's IANA time zone: every time is shown in it, with its name. */
  timeZone: Type.String(),
  registrationId: Uuid,
  /** Whether the meetings are the final schedule's (none are shown before it is published). */
  scheduleState: Type.Enum(['none', 'preliminary', 'final'] as const),
  items: Type.Array(AgendaItemSchema),
  /** The calendar subscription address (no sign-in: the token is the secret; whoever has it reads the agenda). */
  feedUrl: Type.String(),
  icsUrl: Type.String(),
  pdfUrl: Type.String(),
});
export type Agenda = Static<typeof AgendaSchema>;

export const EventSlugParamsSchema = Type.Object({ slug: SlugSchema }, { additionalProperties: false });

export const AgendaFeedParamsSchema = Type.Object(
  {
    slug: SlugSchema,
    registrationId: Uuid,
    token: Type.String({ pattern: '^[A-Za-z0-9_-]{16,128}$', description: 'the HMAC token of the subscription address' }),
  },
  { additionalProperties: false },
);

export const OutputLanguageQuerySchema = Type.Object(
  { lang: Type.Optional(Type.Enum(LANGUAGES, { description: 'the language of the texts (else the browser’s, else the account’s)' })) },
  { additionalProperties: false },
);

export const BadgesQuerySchema = Type.Object(
  {
    registration: Type.Optional(Uuid),
    lang: Type.Optional(Type.Enum(LANGUAGES)),
  },
  { additionalProperties: false },
);

export const RegistrationParamsSchema = Type.Object({ id: Uuid }, { additionalProperties: false });
