import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, SECTORS } from '../domain.js';
import { MultilingualTextSchema } from './common.js';
import { PublicContactSchema } from './public-contact.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';

/** The fields of an organisation profile its editors change; a coordinator validates them before they are public. */
export const ProfileChangesSchema = Type.Object(
  {
    kind: Type.Enum(ORGANISATION_KINDS),
    sector: Type.Enum(SECTORS),
    region: RegionCodeSchema,
    city: Type.Union([MultilingualTextSchema(200), Type.Null()]),
    name: MultilingualTextSchema(300),
    shortName: Type.Union([MultilingualTextSchema(100), Type.Null()]),
    description: Type.Union([MultilingualTextSchema(5000), Type.Null()]),
    website: Type.Union([Type.String({ format: 'uri', pattern: '^https?://', maxLength: 500 }), Type.Null()]),
    // any text: a code of no classification is refused by the service naming it (unknown_code), not as a bad form
    nace: Type.Array(Type.String({ minLength: 1, maxLength: 20, description: 'NACE Rev. 2 class (23.44), NAF rév. 2 subclass (23.44Z) or ОКВЭД 2 code (62.02.1); stored as its NACE class' }), { maxItems: 50 }),
    productCodes: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 30 }), {
        maxItems: 50,
        description:
          'product codes as typed: CPA 2.1 / ОКПД 2 (25.73.30, 9-digit 25.73.30.110), HS (8482, 8482.10, 8- or 10-digit); stored as cpa:25.73.30, hs:848210. Left out: they stay as they are',
      }),
    ),
    areas: Type.Array(SlugSchema, { maxItems: 50 }),
    /** Left out: the contact stays as it is (clients that predate it do not wipe it). */
    contact: Type.Optional(Type.Union([PublicContactSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type ProfileChanges = Static<typeof ProfileChangesSchema>;
