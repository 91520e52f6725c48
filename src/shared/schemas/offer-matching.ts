import { Type, type Static } from 'typebox';
import { LANGUAGES } from '../languages.js';
import { OFFER_KINDS } from '../offers.js';
import { OfferSummarySchema } from './offers.js';
import { OrganisationSummarySchema, RegionCodeSchema } from './organisations.js';

/**
 * Matching of the marketplace (docs/matching.md, "Offers and requests"), and following an offer.
 *
 *   GET    /api/v1/offers/:slug/matches?kind=&region=&limit=&lang=     → OfferMatchesSchema
 *   GET    /api/v1/offers/:slug/suggested-partners?region=&limit=&lang= → SuggestedPartnersSchema (owner's people, reviewers, admins)
 *   GET    /api/v1/organisations/:slug/suggested-offers?kind=&limit=&lang= → SuggestedOffersSchema (its people, admins)
 *   PUT    /api/v1/offers/:slug/follow                                  → FollowStateSchema (signed in; published offers)
 *   DELETE /api/v1/offers/:slug/follow                                  → FollowStateSchema
 *   GET    /api/v1/my/follows                                           → MyFollowsSchema
 */

export const OFFER_MATCH_LIMIT_MAX = 50;

export const MATCH_SIGNALS = [
  'complementarity',
  'areas',
  'nace',
  'products',
  'concepts',
  'partnerSought',
  'targetRegion',
  'regionPair',
] as const;
export type MatchSignal = (typeof MATCH_SIGNALS)[number];

const Limit = Type.Integer({ minimum: 1, maximum: OFFER_MATCH_LIMIT_MAX, default: 20 });
const Lang = Type.Optional(Type.Enum(LANGUAGES, { description: 'the language of the explanations; by default Accept-Language' }));

export const OfferMatchQuerySchema = Type.Object(
  {
    kind: Type.Optional(
      Type.Array(Type.Enum(OFFER_KINDS), { maxItems: OFFER_KINDS.length, description: 'among the complementary kinds, only these' }),
    ),
    region: Type.Optional(
      Type.Array(RegionCodeSchema, {
        maxItems: 20,
        description: 'only offers of owners in these regions (a region covers its subdivisions)',
      }),
    ),
    limit: Limit,
    lang: Lang,
  },
  { additionalProperties: false },
);
export type OfferMatchQuery = Static<typeof OfferMatchQuerySchema>;

export const SuggestedPartnersQuerySchema = Type.Object(
  {
    region: Type.Optional(
      Type.Array(RegionCodeSchema, {
        maxItems: 20,
        description: 'only organisations in these regions (within the offer’s target regions)',
      }),
    ),
    limit: Limit,
    lang: Lang,
  },
  { additionalProperties: false },
);
export type SuggestedPartnersQuery = Static<typeof SuggestedPartnersQuerySchema>;

export const SuggestedOffersQuerySchema = Type.Object(
  {
    kind: Type.Optional(Type.Array(Type.Enum(OFFER_KINDS), { maxItems: OFFER_KINDS.length })),
    limit: Limit,
    lang: Lang,
  },
  { additionalProperties: false },
);
export type SuggestedOffersQuery = Static<typeof SuggestedOffersQuerySchema>;

/** One signal of a match: its points, the shared items in the reader's language, and a sentence saying so. */
export const MatchSignalSchema = Type.Object({
  signal: Type.Enum(MATCH_SIGNALS),
  points: Type.Number(),
  items: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  text: Type.String({ description: 'the signal in a sentence, in the reader’s language' }),
});
export type MatchSignalExplained = Static<typeof MatchSignalSchema>;

export const MatchExplanationSchema = Type.Object({
  language: Type.Enum(LANGUAGES),
  /** Each signal that scored, the weightiest first; the score is the sum of their points. */
  signals: Type.Array(MatchSignalSchema),
});
export type MatchExplanation = Static<typeof MatchExplanationSchema>;

export const OfferMatchSchema = Type.Object({ offer: OfferSummarySchema, score: Type.Number(), explanation: MatchExplanationSchema });
export type OfferMatch = Static<typeof OfferMatchSchema>;

export const OfferMatchesSchema = Type.Object({ items: Type.Array(OfferMatchSchema) });
export type OfferMatches = Static<typeof OfferMatchesSchema>;

export const SuggestedPartnersSchema = Type.Object({
  items: Type.Array(Type.Object({ organisation: OrganisationSummarySchema, score: Type.Number(), explanation: MatchExplanationSchema })),
});
export type SuggestedPartners = Static<typeof SuggestedPartnersSchema>;

export const SuggestedOffersSchema = OfferMatchesSchema;
export type SuggestedOffers = OfferMatches;

export const FollowStateSchema = Type.Object({ offer: Type.String(), following: Type.Boolean() });
export type FollowState = Static<typeof FollowStateSchema>;

export const MyFollowsSchema = Type.Object({
  items: Type.Array(Type.Object({ offer: OfferSummarySchema, followedAt: Type.String({ format: 'date-time' }) })),
});
export type MyFollows = Static<typeof MyFollowsSchema>;
