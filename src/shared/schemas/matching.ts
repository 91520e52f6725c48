import { ProductCodeSchema } from './product-code.js';
import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, SECTORS } from '../domain.js';
import { MultilingualTextSchema } from './common.js';
import { OrganisationKindSchema, OrganisationSummarySchema, RegionCodeSchema, SectorSchema, SlugSchema } from './organisations.js';
import { ConceptRefSchema } from './search.js';

export const PARTNER_LIMIT_MAX = 50;

export const PartnerQuerySchema = Type.Object(
  {
    region: Type.Optional(
      Type.Array(RegionCodeSchema, {
        maxItems: 20,
        description: 'only partners in these regions (a region covers its subdivisions); by default, any region but the organisation’s own',
      }),
    ),
    kind: Type.Optional(Type.Array(OrganisationKindSchema, { maxItems: ORGANISATION_KINDS.length })),
    sector: Type.Optional(Type.Array(SectorSchema, { maxItems: SECTORS.length })),
    area: Type.Optional(Type.Array(SlugSchema, { maxItems: 20, description: 'only partners working in one of these areas' })),
    limit: Type.Integer({ minimum: 1, maximum: PARTNER_LIMIT_MAX, default: 20 }),
  },
  { additionalProperties: false },
);
export type PartnerQuery = Static<typeof PartnerQuerySchema>;

const Contribution = (description: string) => Type.Number({ description });

/** One suggested partner: the score and every signal that made it, for a person to check. */
export const PartnerSuggestionSchema = Type.Object({
  organisation: OrganisationSummarySchema,
  score: Type.Number(),
  explanation: Type.Object({
    areas: Type.Array(Type.Object({ code: Type.String(), name: MultilingualTextSchema(300) }), {
      description: 'shared areas of cooperation',
    }),
    nace: Type.Array(
      Type.Object({ code: Type.String(), title: Type.Object({ en: Type.String(), fr: Type.String(), ru: Type.Optional(Type.String()) }) }),
      {
        description: 'shared NACE Rev. 2 classes',
      },
    ),
    products: Type.Array(Type.Object({ ...ProductCodeSchema.properties, weight: Type.Number() }), {
      description: 'shared product codes, each at the narrowest level shared (the code, its 4-digit heading or class, its 2-digit chapter), the weightiest first',
    }),
    concepts: Type.Array(Type.Object({ ...ConceptRefSchema.properties, weight: Type.Number() }), {
      description: 'shared glossary concepts, the rarest (weightiest) first',
    }),
    complementarity: Type.Union([Type.Object({ kinds: Type.Array(OrganisationKindSchema), weight: Type.Number() }), Type.Null()], {
      description: 'a company and a university, a technopark…',
    }),
    regionPair: Type.Union([Type.Object({ partnership: Type.String(), name: MultilingualTextSchema(300) }), Type.Null()], {
      description: 'the partnership whose other side the partner is in',
    }),
    contributions: Type.Object({
      areas: Contribution('points from shared areas'),
      nace: Contribution('points from shared NACE classes'),
      products: Contribution('points from shared product codes'),
      concepts: Contribution('points from shared concepts'),
      complementarity: Contribution('points from complementary kinds'),
      regionPair: Contribution('points from the region pair'),
    }),
  }),
});
export type PartnerSuggestion = Static<typeof PartnerSuggestionSchema>;

export const PartnerSuggestionsSchema = Type.Object({
  items: Type.Array(PartnerSuggestionSchema),
  /** Candidates set aside with "not interested": left out of items. */
  dismissedCount: Type.Integer(),
  /** Regions left out by default: the organisation's own region and its neighbours (empty when a region filter is given). */
  excludedRegions: Type.Array(Type.String()),
});
export type PartnerSuggestions = Static<typeof PartnerSuggestionsSchema>;

export const DismissalBodySchema = Type.Object({ candidate: SlugSchema }, { additionalProperties: false });

export const DismissedPartnersSchema = Type.Object({
  items: Type.Array(Type.Object({ organisation: OrganisationSummarySchema, dismissedAt: Type.String({ format: 'date-time' }) })),
});
export type DismissedPartners = Static<typeof DismissedPartnersSchema>;
