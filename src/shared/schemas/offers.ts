import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain.js';
import { LANGUAGES } from '../languages.js';
import {
  DEVELOPMENT_STAGES,
  IP_STATUSES,
  OFFER_KINDS,
  OFFER_LIMITS,
  OFFER_STAGES,
  PARTNER_SIZES,
  PARTNERSHIP_KINDS_SOUGHT,
  TRL_MAX,
  TRL_MIN,
} from '../offers.js';
import { MultilingualTextSchema } from './common.js';
import { ProductCodeSchema } from './product-code.js';
import { Nullable } from './registry-answers.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';

/**
 * The marketplace's API: cooperation offers and requests (shared/offers.ts).
 *
 *   GET    /api/v1/offers?q=&kind=&area=&region=&…        OfferListQuerySchema → OfferListSchema (published only)
 *   POST   /api/v1/offers                                 OfferInputSchema → 201 OfferSchema (ETag), a draft
 *   GET    /api/v1/offers/:slug                           → OfferSchema (ETag)
 *   PATCH  /api/v1/offers/:slug  (If-Match)               OfferPatchSchema → OfferSchema; stale → 409 version_conflict
 *   DELETE /api/v1/offers/:slug                           → 204 (drafts only)
 *   POST   /api/v1/offers/:slug/stage  (If-Match)         OfferStageBodySchema → OfferSchema
 *   GET    /api/v1/my/offers?organisation=&stage=         → OfferListSchema (the offers of the reader's organisations)
 *   GET    /api/v1/review/offers?region=                  → OfferListSchema (submitted offers a coordinator reviews)
 *   GET    /api/v1/offers/:slug/tagging                   → OfferTaggingSchema (how matching sees it)
 *
 * An anonymous offer answers `organisation: null` and `anonymous: true` to everyone but its own people,
 * the coordinators of its region, platform administrators, and an organisation whose expression of
 * interest the owner accepted. No field (slug, texts aside) carries the organisation then.
 */

const ml = (max: number) => MultilingualTextSchema(max);
const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' });

const OfferFields = {
  kind: Type.Enum(OFFER_KINDS),
  /** The organisation (one of the author's) the offer is of; fixed once created. */
  title: ml(OFFER_LIMITS.title),
  summary: Nullable(ml(OFFER_LIMITS.summary)),
  description: Nullable(ml(OFFER_LIMITS.description)),
  areas: Type.Array(SlugSchema, { maxItems: 20 }),
  // any text: a code of no classification is refused by the service naming it (unknown_code), as profiles' are
  nace: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), {
    maxItems: 20,
    description: 'NACE, NAF or ОКВЭД 2 codes; stored as NACE classes',
  }),
  productCodes: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
    maxItems: 20,
    description: 'CPA / ОКПД 2 or HS codes as typed (see profiles)',
  }),
  // one type list, not a union with null: the body's type coercion would turn a refused 0 into null
  trl: Type.Unsafe<number | null>({
    type: ['integer', 'null'],
    minimum: TRL_MIN,
    maximum: TRL_MAX,
    description: 'technology readiness level, 1–9, or null',
  }),
  developmentStage: Nullable(Type.Enum(DEVELOPMENT_STAGES)),
  ipStatus: Nullable(Type.Enum(IP_STATUSES)),
  partnershipKinds: Type.Array(Type.Enum(PARTNERSHIP_KINDS_SOUGHT), { maxItems: PARTNERSHIP_KINDS_SOUGHT.length, uniqueItems: true }),
  partnerKinds: Type.Array(Type.Enum(ORGANISATION_KINDS), { maxItems: ORGANISATION_KINDS.length, uniqueItems: true }),
  partnerSizes: Type.Array(Type.Enum(PARTNER_SIZES), { maxItems: PARTNER_SIZES.length, uniqueItems: true }),
  partnerRole: Nullable(ml(OFFER_LIMITS.partnerRole)),
  targetRegions: Type.Array(RegionCodeSchema, { maxItems: 50, description: 'where partners are sought; empty is anywhere' }),
  deadline: Nullable(Day),
  expiresOn: Day,
  anonymous: Type.Boolean(),
};

export const OfferInputSchema = Type.Object({ organisation: SlugSchema, ...OfferFields }, { additionalProperties: false });
export type OfferInput = Static<typeof OfferInputSchema>;

// Partial drops the object's options: unknown fields (an `organisation`, fixed once created) are refused on the partial itself
export const OfferPatchSchema = Type.Partial(Type.Object(OfferFields), { additionalProperties: false });
export type OfferPatch = Static<typeof OfferPatchSchema>;

/** Who moves an offer where: the owner submits, closes, renews (with a new expiry); a coordinator returns (with reasons) or publishes. */
export const OfferStageBodySchema = Type.Object(
  {
    to: Type.Enum(['submitted', 'returned', 'published', 'closed'] as const),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: OFFER_LIMITS.reason, pattern: '\\S' })),
    /** A renewal: an expired (or published) offer published again until this day. */
    expiresOn: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type OfferStageBody = Static<typeof OfferStageBodySchema>;

export const OfferParamsSchema = Type.Object({ slug: SlugSchema });

const OrganisationRef = Type.Object({ slug: Type.String(), name: ml(300), regionCode: Type.String(), kind: Type.Enum(ORGANISATION_KINDS) });

export const OfferStageChangeSchema = Type.Object({
  from: Nullable(Type.Enum(OFFER_STAGES)),
  to: Type.Enum(OFFER_STAGES),
  reason: Nullable(Type.String()),
  by: Nullable(
    Type.String({
      description: 'the display name of who changed it; null once the account is gone, and for an anonymous offer’s owner seen by others',
    }),
  ),
  at: Type.String({ format: 'date-time' }),
});

export const OfferSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  ...OfferFields,
  nace: Type.Array(Type.String()),
  products: Type.Array(ProductCodeSchema),
  productCodes: Type.Array(Type.String()),
  /** Null when anonymous to this reader. */
  organisation: Nullable(OrganisationRef),
  /** The owner's region (kept when anonymous: a region is not an identity, and partners seek by it). */
  regionCode: Type.String(),
  stage: Type.Enum(OFFER_STAGES),
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  history: Type.Array(OfferStageChangeSchema),
  /** What the reader may do: edit (the owner's people), review (a coordinator of its region), express interest. */
  can: Type.Object({
    edit: Type.Boolean(),
    review: Type.Boolean(),
    expressInterest: Type.Boolean(),
    /** Why the reader may not express interest, when not: the offer is their organisation's, each of their organisations expressed it already, or it is not open. */
    interestRefused: Type.Optional(Type.Enum(['own_offer', 'already_expressed', 'not_open'] as const)),
  }),
  version: Type.Integer(),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type Offer = Static<typeof OfferSchema>;

export const OfferListQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: 500, description: 'words in any language: matched across ru/fr/en as the directory matches' }),
    ),
    kind: Type.Optional(Type.Array(Type.Enum(OFFER_KINDS), { maxItems: OFFER_KINDS.length })),
    area: Type.Optional(Type.Array(SlugSchema, { maxItems: 20 })),
    region: Type.Optional(
      Type.Array(RegionCodeSchema, { maxItems: 20, description: 'the owner’s region (a region covers its subdivisions)' }),
    ),
    target: Type.Optional(
      Type.Array(RegionCodeSchema, { maxItems: 20, description: 'offers that seek partners in these regions (or anywhere)' }),
    ),
    nace: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
    partnership: Type.Optional(Type.Array(Type.Enum(PARTNERSHIP_KINDS_SOUGHT), { maxItems: PARTNERSHIP_KINDS_SOUGHT.length })),
    lang: Type.Optional(Type.Enum(LANGUAGES)),
    publishedAfter: Type.Optional(
      Type.String({ format: 'date-time', description: 'only offers published after this moment (a digest’s new offers)' }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  { additionalProperties: false },
);
export type OfferListQuery = Static<typeof OfferListQuerySchema>;

/** Why a result matched, in the words of the directory's explanations (concepts, words, codes). */
export const OfferMatchReasonSchema = Type.Object({
  kind: Type.String({ description: 'word, concept, area, nace, product' }),
  text: Type.String({ description: 'what matched, in the reader’s language where it has one' }),
});

export const OfferSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  kind: Type.Enum(OFFER_KINDS),
  title: ml(OFFER_LIMITS.title),
  summary: Nullable(ml(OFFER_LIMITS.summary)),
  areas: Type.Array(Type.String()),
  organisation: Nullable(OrganisationRef),
  anonymous: Type.Boolean(),
  regionCode: Type.String(),
  stage: Type.Enum(OFFER_STAGES),
  trl: Nullable(Type.Integer()),
  deadline: Nullable(Day),
  expiresOn: Day,
  publishedAt: Nullable(Type.String({ format: 'date-time' })),
  why: Type.Array(OfferMatchReasonSchema),
});
export type OfferSummary = Static<typeof OfferSummarySchema>;

export const OfferListSchema = Type.Object({
  items: Type.Array(OfferSummarySchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Optional(Type.Object({ kind: Type.Record(Type.String(), Type.Integer()) })),
});
export type OfferList = Static<typeof OfferListSchema>;

/** How matching sees an offer: the glossary concepts its texts name, its codes with their titles. */
export const OfferTaggingSchema = Type.Object({
  concepts: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
  nace: Type.Array(Type.Object({ code: Type.String(), title: Type.String() })),
  products: Type.Array(ProductCodeSchema),
  areas: Type.Array(Type.Object({ code: Type.String(), label: Type.String() })),
});
export type OfferTagging = Static<typeof OfferTaggingSchema>;

// ---- the editor's and the queues' requests (added with the offers' routes) ----

/** GET /api/v1/my/offers: the offers of the reader's organisations, one of them or all; any stage or some. */
export const MyOffersQuerySchema = Type.Object(
  {
    organisation: Type.Optional(SlugSchema),
    stage: Type.Optional(Type.Array(Type.Enum(OFFER_STAGES), { maxItems: OFFER_STAGES.length })),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  { additionalProperties: false },
);
export type MyOffersQuery = Static<typeof MyOffersQuerySchema>;

/** GET /api/v1/review/offers: the submitted offers of the regions the coordinator reviews (one of them, or all). */
export const ReviewOffersQuerySchema = Type.Object(
  {
    region: Type.Optional(RegionCodeSchema),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  { additionalProperties: false },
);
export type ReviewOffersQuery = Static<typeof ReviewOffersQuerySchema>;

/** POST /api/v1/offers/tagging: an unsaved draft's texts and codes, for the editor's preview of how matching sees it. */
export const OfferTaggingBodySchema = Type.Object(
  {
    title: Type.Optional(OfferFields.title),
    summary: Type.Optional(OfferFields.summary),
    description: Type.Optional(OfferFields.description),
    partnerRole: Type.Optional(OfferFields.partnerRole),
    areas: Type.Optional(OfferFields.areas),
    nace: Type.Optional(OfferFields.nace),
    productCodes: Type.Optional(OfferFields.productCodes),
  },
  { additionalProperties: false },
);
export type OfferTaggingBody = Static<typeof OfferTaggingBodySchema>;

/** The language labels are given in (else the reader's, from Accept-Language). */
export const OfferLanguageQuerySchema = Type.Object({ lang: Type.Optional(Type.Enum(LANGUAGES)) }, { additionalProperties: false });
