import { Type, type Static } from 'typebox';
import { ORGANISATION_KINDS, SECTORS } from '../domain.js';
import { MultilingualTextSchema } from './common.js';
import { PublicContactSchema } from './public-contact.js';
import { ActivityCodeSchema, RegionCodeSchema, SlugSchema } from './organisations.js';

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
    nace: Type.Array(ActivityCodeSchema, { maxItems: 50 }),
    areas: Type.Array(SlugSchema, { maxItems: 50 }),
    /** Left out: the contact stays as it is (clients that predate it do not wipe it). */
    contact: Type.Optional(Type.Union([PublicContactSchema, Type.Null()])),
  },
  { additionalProperties: false },
);
export type ProfileChanges = Static<typeof ProfileChangesSchema>;
