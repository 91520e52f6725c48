import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, RECORD_SOURCES, SECTORS } from '../domain.js';
import { MultilingualTextSchema } from './common.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';

/**
 * One organisation in the JSON Lines exchange format (docs/import-export.md): one such object a line.
 * `nace` takes NACE classes, NAF subclasses or ОКВЭД 2 codes; they are stored as NACE classes. `productCodes`
 * takes CPA / ОКПД 2 and HS codes as typed; they are stored as `cpa:…` / `hs:…` at 6 digits at most.
 */
export const OrganisationRecordSchema = Type.Object(
  {
    slug: Type.Optional(SlugSchema),
    kind: Type.Enum(ORGANISATION_KINDS),
    sector: Type.Optional(Type.Enum(SECTORS)),
    region: RegionCodeSchema,
    city: Type.Optional(Type.Union([MultilingualTextSchema(200), Type.Null()])),
    name: MultilingualTextSchema(300),
    shortName: Type.Optional(Type.Union([MultilingualTextSchema(100), Type.Null()])),
    description: Type.Optional(Type.Union([MultilingualTextSchema(), Type.Null()])),
    website: Type.Optional(Type.Union([Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), Type.Null()])),
    nace: Type.Optional(Type.Array(Type.String({ minLength: 2, maxLength: 12 }), { maxItems: 50 })),
    productCodes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
        maxItems: 50,
        description: 'CPA 2.1 / ОКПД 2 (25.73.30, 9-digit items too) or HS (8482, 848210, 8- or 10-digit) codes; stored as cpa:25.73.30, hs:848210',
      }),
    ),
    areas: Type.Optional(Type.Array(SlugSchema, { maxItems: 50 })),
    people: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            nameLatin: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
            nameCyrillic: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
            role: Type.Optional(Type.Union([MultilingualTextSchema(300), Type.Null()])),
            email: Type.Optional(Type.Union([Type.String({ format: 'email', maxLength: 200 }), Type.Null()])),
            phone: Type.Optional(Type.Union([Type.String({ pattern: '^[+0-9 ().-]{4,40}$' }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 100 },
      ),
    ),
    source: Type.Optional(Type.Enum(RECORD_SOURCES)),
  },
  { additionalProperties: false },
);
export type OrganisationRecord = Static<typeof OrganisationRecordSchema>;
