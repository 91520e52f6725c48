import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, SECTORS } from '../domain.js';
import { MultilingualTextSchema } from './common.js';
import { OrganisationSummarySchema } from './organisations.js';

export const RegionSchema = Type.Object({
  code: Type.String({ description: 'ISO 3166-2' }),
  countryCode: Type.String({ description: 'ISO 3166-1 alpha-2' }),
  parentCode: Type.Union([Type.String(), Type.Null()]),
  nuts: Type.Union([Type.String(), Type.Null()], { description: "the EU's NUTS 2021 code, where the subdivision is one NUTS region" }),
  name: MultilingualTextSchema(200),
});
export type Region = Static<typeof RegionSchema>;

export const RegionListQuerySchema = Type.Object(
  {
    country: Type.Optional(
      Type.Array(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }), {
        maxItems: 60,
        description: 'only these countries’ regions (repeat the parameter for several)',
      }),
    ),
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: 100, description: 'words of a name in any language, or the start of a code (DE-B)' }),
    ),
  },
  { additionalProperties: false },
);
export type RegionListQuery = Static<typeof RegionListQuerySchema>;

export const AreaSchema = Type.Object({
  code: Type.String(),
  name: MultilingualTextSchema(300),
  description: Type.Union([MultilingualTextSchema(), Type.Null()]),
  naceClasses: Type.Array(Type.String()),
});
export type Area = Static<typeof AreaSchema>;

export const ClassificationSystemSchema = Type.Enum(['nace2', 'naf2', 'okved2'] as const);
export const NaceEntrySchema = Type.Object({
  code: Type.String(),
  level: Type.Enum(['section', 'division', 'group', 'class'] as const),
  parent: Type.Union([Type.String(), Type.Null()]),
  title: Type.Object({ en: Type.String(), fr: Type.String(), ru: Type.Optional(Type.String()) }),
});
export type NaceEntry = Static<typeof NaceEntrySchema>;

export const ResolvedCodeSchema = Type.Object({
  input: Type.String(),
  system: ClassificationSystemSchema,
  code: Type.String(),
  title: Type.String({ description: "the code's own title in its system's language" }),
  naceClass: NaceEntrySchema,
});
export const NationalCodeSchema = Type.Object({
  code: Type.String(),
  title: Type.String({ description: "the code's title in its system's language" }),
  nace: Type.String({ description: 'the NACE class it is stored as' }),
});

export type ResolvedCode = Static<typeof ResolvedCodeSchema>;

export { ProductCodeSchema, type ProductCode } from './product-code.js';

const CountSchema = <T extends readonly string[]>(values: T) =>
  Type.Array(Type.Object({ value: Type.Enum(values), count: Type.Integer() }));

export const OrganisationStatsSchema = Type.Object({
  total: Type.Integer(),
  byKind: CountSchema(ORGANISATION_KINDS),
  bySector: CountSchema(SECTORS),
});
export type OrganisationStats = Static<typeof OrganisationStatsSchema>;

export const PartnershipSideSchema = Type.Object({
  name: MultilingualTextSchema(200),
  regions: Type.Array(RegionSchema),
  institutions: Type.Array(OrganisationSummarySchema),
  stats: OrganisationStatsSchema,
});

export const PartnershipSchema = Type.Object({
  slug: Type.String(),
  name: MultilingualTextSchema(300),
  description: Type.Union([MultilingualTextSchema(), Type.Null()]),
  sides: Type.Array(PartnershipSideSchema),
  areas: Type.Array(AreaSchema),
  version: Type.Integer({ description: 'the version to send back as If-Match when editing; also the ETag' }),
});
export type Partnership = Static<typeof PartnershipSchema>;
