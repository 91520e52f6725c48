import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS } from '../domain.js';
import { INTEREST_STATES, OFFER_KINDS, OFFER_LIMITS, OFFER_STAGES } from '../offers.js';
import { AGREEMENT_TYPES } from '../registry.js';
import { LanguageSchema, MultilingualTextSchema } from './common.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';
import { PublicContactViewSchema } from './public-contact.js';
import { Nullable } from './registry-answers.js';

/**
 * Expressions of interest in an offer, their acceptance, and what the contacts led to.
 *
 *   POST   /api/v1/offers/:slug/interests                 InterestInputSchema → 201 InterestSchema (ETag)
 *   GET    /api/v1/offers/:slug/interests                 → InterestListSchema (the owner's people, administrators)
 *   GET    /api/v1/my/interests                           → InterestListSchema (those the reader's organisations expressed)
 *   GET    /api/v1/interests/:id                          → InterestSchema (ETag; either side)
 *   POST   /api/v1/interests/:id/accept    (If-Match)     → InterestSchema: a thread opens, contacts are shown
 *   POST   /api/v1/interests/:id/decline   (If-Match)     InterestDeclineSchema → InterestSchema
 *   POST   /api/v1/interests/:id/withdraw  (If-Match)     → InterestSchema (the interested side, while pending)
 *   POST   /api/v1/interests/:id/outcome   (If-Match)     InterestOutcomeInputSchema → InterestSchema
 *   DELETE /api/v1/interests/:id/outcome   (If-Match)     → InterestSchema
 *   GET    /api/v1/offers/outcomes?from=&to=&area=&region= → OutcomeCountsSchema (public: numbers, no names)
 *
 * The owner of an anonymous offer stays hidden to the interested side until the owner accepts:
 * `offer.organisation` and `owner` are null then, and nothing else names it.
 */

const Text = (max: number) => Type.String({ minLength: 1, maxLength: max, pattern: '\\S' });
const Month = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$', description: 'a month, YYYY-MM' });

export const InterestAnswersSchema = Type.Object(
  {
    offers: Text(OFFER_LIMITS.interestAnswer),
    expects: Text(OFFER_LIMITS.interestAnswer),
    timeline: Text(OFFER_LIMITS.interestAnswer),
  },
  { additionalProperties: false, description: 'what the interested organisation offers, what it expects, its timeline' },
);

export const InterestInputSchema = Type.Object(
  {
    /** Which of the author's organisations is interested; needed only when they have several. */
    organisation: Type.Optional(SlugSchema),
    message: Text(OFFER_LIMITS.interestMessage),
    answers: InterestAnswersSchema,
    language: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
);
export type InterestInput = Static<typeof InterestInputSchema>;

export const InterestDeclineSchema = Type.Object(
  { reason: Type.Optional(Text(OFFER_LIMITS.reason)) },
  { additionalProperties: false },
);
export type InterestDecline = Static<typeof InterestDeclineSchema>;

/** Exactly one of: an agreement of the registry both organisations are parties to, or a new one. */
export const InterestOutcomeInputSchema = Type.Object(
  {
    agreement: Type.Optional(SlugSchema),
    create: Type.Optional(
      Type.Object(
        {
          title: MultilingualTextSchema(300),
          type: Type.Enum(AGREEMENT_TYPES),
          summary: Type.Optional(Nullable(MultilingualTextSchema(2000))),
          /** The day it was signed, when it was: the agreement is then recorded as signed. */
          signed: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' })),
          areas: Type.Optional(Type.Array(SlugSchema, { maxItems: 20 })),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);
export type InterestOutcomeInput = Static<typeof InterestOutcomeInputSchema>;

export const InterestParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

const OrganisationRefSchema = Type.Object({
  slug: Type.String(),
  name: MultilingualTextSchema(300),
  regionCode: Type.String(),
  kind: Type.Enum(ORGANISATION_KINDS),
  website: Nullable(Type.String()),
  /** The public contact, shown to the other side once the interest is accepted. */
  contact: Nullable(PublicContactViewSchema),
});

export const InterestOfferSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  kind: Type.Enum(OFFER_KINDS),
  title: MultilingualTextSchema(OFFER_LIMITS.title),
  anonymous: Type.Boolean(),
  stage: Type.Enum(OFFER_STAGES),
  regionCode: Type.String(),
  expiresOn: Type.String(),
  /** Null when the owner is anonymous to this reader. */
  organisation: Nullable(Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300) })),
});

export const InterestSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  offer: InterestOfferSchema,
  state: Type.Enum(INTEREST_STATES),
  /** Which side the reader is on. */
  side: Type.Union([Type.Literal('owner'), Type.Literal('interested'), Type.Literal('staff')]),
  interested: OrganisationRefSchema,
  /** The offer's owner with its contact: null for the interested side of an anonymous offer until accepted. */
  owner: Nullable(OrganisationRefSchema),
  author: Nullable(Type.String({ description: 'the display name of who wrote it' })),
  message: Type.String(),
  answers: Type.Object({ offers: Type.String(), expects: Type.String(), timeline: Type.String() }),
  language: Type.String(),
  declineReason: Nullable(Type.String()),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  /** The message thread opened on accept. */
  threadId: Nullable(Type.String({ format: 'uuid' })),
  /** The registry agreement the contact led to. */
  agreement: Nullable(Type.Object({ id: Type.String(), slug: Type.String(), title: MultilingualTextSchema(300) })),
  outcomeAt: Nullable(Type.String({ format: 'date-time' })),
  can: Type.Object({ decide: Type.Boolean(), withdraw: Type.Boolean(), recordOutcome: Type.Boolean() }),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Interest = Static<typeof InterestSchema>;

export const InterestListSchema = Type.Object({ items: Type.Array(InterestSchema) });
export type InterestList = Static<typeof InterestListSchema>;

export const InterestListQuerySchema = Type.Object(
  { state: Type.Optional(Type.Enum(INTEREST_STATES)) },
  { additionalProperties: false },
);

export const OutcomeQuerySchema = Type.Object(
  {
    from: Type.Optional(Month),
    to: Type.Optional(Month),
    area: Type.Optional(SlugSchema),
    region: Type.Optional(RegionCodeSchema),
  },
  { additionalProperties: false },
);
export type OutcomeQuery = Static<typeof OutcomeQuerySchema>;

const Counts = { contacts: Type.Integer(), agreements: Type.Integer() };
const RegionRefSchema = Type.Object({ code: Type.String(), name: MultilingualTextSchema(300) });

/** Contacts (accepted interests) and the agreements they led to: numbers only, no names. */
export const OutcomeCountsSchema = Type.Object({
  totals: Type.Object(Counts),
  byArea: Type.Array(Type.Object({ area: Type.String(), ...Counts })),
  byRegionPair: Type.Array(Type.Object({ owner: RegionRefSchema, interested: RegionRefSchema, ...Counts })),
  byMonth: Type.Array(Type.Object({ month: Type.String(), ...Counts })),
});
export type OutcomeCounts = Static<typeof OutcomeCountsSchema>;
