import { Type, type Static } from 'typebox';
import { PublicContactViewSchema } from './public-contact.js';
import {
  ACTIVITY_CODE_PATTERN,
  DIRECTORY_SORTS,
  NACE_CLASS_PATTERN,
  ORGANISATION_KINDS,
  PAGE_SIZE_DEFAULT,
  PAGE_SIZE_MAX,
  QUERY_MAX_LENGTH,
  RECORD_SOURCES,
  REGION_CODE_PATTERN,
  SECTORS,
  SLUG_PATTERN,
} from '../domain.js';
import { MultilingualTextSchema, PageMetaSchema } from './common.js';
import { SearchMatchSchema } from './search.js';
import { ProductCodeSchema } from './product-code.js';
import { LANGUAGES } from '../languages.js';

export const OrganisationKindSchema = Type.Enum(ORGANISATION_KINDS);
export const SectorSchema = Type.Enum(SECTORS);
export const RegionCodeSchema = Type.String({ pattern: REGION_CODE_PATTERN, description: 'ISO 3166-2 code, e.g. RU-KLU or FR-87' });
export const NaceClassSchema = Type.String({ pattern: NACE_CLASS_PATTERN, description: 'NACE Rev. 2 class, e.g. 23.43' });
export const ActivityCodeSchema = Type.String({
  pattern: ACTIVITY_CODE_PATTERN,
  description: 'NACE Rev. 2 class (23.44), NAF rév. 2 subclass (23.44Z) or ОКВЭД 2 code (62.02.1); matched as its NACE class',
});
export const SlugSchema = Type.String({ pattern: SLUG_PATTERN, maxLength: 120 });

const oneOrMany = <T extends Parameters<typeof Type.Array>[0]>(item: T, max: number) =>
  Type.Array(item, { maxItems: max, description: 'repeat the parameter for several values (any of them matches)' });

export const OrganisationListQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: QUERY_MAX_LENGTH, description: 'words to search in names, descriptions and cities, any language' }),
    ),
    region: Type.Optional(oneOrMany(RegionCodeSchema, 20)),
    country: Type.Optional(
      oneOrMany(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2: every region of the country' }), 20),
    ),
    kind: Type.Optional(oneOrMany(OrganisationKindSchema, ORGANISATION_KINDS.length)),
    sector: Type.Optional(oneOrMany(SectorSchema, SECTORS.length)),
    area: Type.Optional(oneOrMany(SlugSchema, 20)),
    nace: Type.Optional(oneOrMany(ActivityCodeSchema, 20)),
    lang: Type.Optional(
      Type.Enum(LANGUAGES, {
        description:
          "the reader's language (BCP 47): names are sorted as its readers see them (their language, else the original) by its collation; without it, the best of Accept-Language, else en",
      }),
    ),
    sort: Type.Optional(
      Type.Enum(DIRECTORY_SORTS, {
        description:
          'relevance (the default with words; without words it lists by name), name (the default without words), newest (most recently created first); ties by id',
      }),
    ),
    facets: Type.Optional(
      Type.Boolean({ description: 'also count, for each choice of kind, sector, region and area, the organisations it would give' }),
    ),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  { additionalProperties: false },
);
export type OrganisationListQuery = Static<typeof OrganisationListQuerySchema>;

export const OrganisationSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  kind: OrganisationKindSchema,
  sector: SectorSchema,
  regionCode: Type.String(),
  city: Type.Union([MultilingualTextSchema(200), Type.Null()]),
  name: MultilingualTextSchema(300),
  shortName: Type.Union([MultilingualTextSchema(100), Type.Null()]),
  description: Type.Union([MultilingualTextSchema(), Type.Null()]),
  naceClasses: Type.Array(Type.String()),
  productCodes: Type.Array(Type.String({ description: 'cpa:25.73.30 (CPA 2.1 / ОКПД 2), hs:848210 (HS)' })),
  areaCodes: Type.Array(Type.String()),
  source: Type.Enum(RECORD_SOURCES),
  match: Type.Optional(SearchMatchSchema),
});
export type OrganisationSummary = Static<typeof OrganisationSummarySchema>;

const FacetCountsSchema = Type.Record(Type.String(), Type.Integer({ minimum: 1 }));

/** Each choice's count with the other filters as they are; a choice that would give none is left out. */
export const DirectoryFacetsSchema = Type.Object(
  { region: FacetCountsSchema, kind: FacetCountsSchema, sector: FacetCountsSchema, area: FacetCountsSchema },
  {
    description:
      'with `facets=true`, once the directory index has loaded; regions as organisations hold them (a parent region adds up its subdivisions)',
  },
);

export type DirectoryFacets = Static<typeof DirectoryFacetsSchema>;

export const OrganisationListSchema = Type.Object({
  items: Type.Array(OrganisationSummarySchema),
  meta: Type.Object({
    ...PageMetaSchema.properties,
    totalEstimated: Type.Optional(
      Type.Boolean({
        description:
          'true when `total` (and so `pageCount`) is an estimate, to two significant digits: a listing without words counts exactly up to 10,000 organisations, then estimates from the share of its candidates seen; a search answered by names that sound like its words counts among the first 5,000 such names when a sound has more (a lower bound)',
      }),
    ),
  }),
  facets: Type.Optional(DirectoryFacetsSchema),
  partial: Type.Optional(
    Type.Boolean({
      description:
        'true when no organisation matched enough of the query words (all of one or two, all but one of three or four, three in five of longer ones): these match some of them',
    }),
  ),
});
export type OrganisationList = Static<typeof OrganisationListSchema>;

export const PersonRoleSchema = Type.Object({
  personId: Type.String({ format: 'uuid' }),
  name: Type.String({ description: 'in its original script' }),
  nameLatin: Type.Union([Type.String(), Type.Null()], { description: 'the name in Latin letters, when the original is not' }),
  nameCyrillic: Type.Union([Type.String(), Type.Null()], { description: 'the name in Cyrillic, when the original is not' }),
  role: Type.Union([MultilingualTextSchema(300), Type.Null()]),
  email: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'for signed-in people of validated organisations only' })),
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'for signed-in people of validated organisations only' })),
});
export type PersonRole = Static<typeof PersonRoleSchema>;

const TitleSchema = Type.Object({ en: Type.String(), fr: Type.String(), ru: Type.Optional(Type.String()) });

export const OrganisationDetailSchema = Type.Object({
  ...OrganisationSummarySchema.properties,
  website: Type.Union([Type.String(), Type.Null()]),
  region: Type.Object({ code: Type.String(), name: MultilingualTextSchema(200), countryCode: Type.String() }),
  nace: Type.Array(Type.Object({ code: Type.String(), title: TitleSchema })),
  products: Type.Array(ProductCodeSchema, { description: 'its product codes with their titles, in the languages that have one' }),
  areas: Type.Array(Type.Object({ code: Type.String(), name: MultilingualTextSchema(300) })),
  people: Type.Array(PersonRoleSchema),
  contact: Type.Union([PublicContactViewSchema, Type.Null()], {
    description: 'the way in its admins chose; e-mail and phone as for people',
  }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type OrganisationDetail = Static<typeof OrganisationDetailSchema>;

export const OrganisationParamsSchema = Type.Object({ slug: SlugSchema });
