import { Type, type Static } from 'typebox';
import { MultilingualTextSchema } from './common.js';

export const ContactEmailSchema = Type.String({ format: 'email', maxLength: 254 });
/** Digits, spaces, brackets, dots, dashes and one leading +: what people write on a business card. */
export const ContactPhoneSchema = Type.String({ pattern: '^\\+?[0-9][0-9 ().-]{3,38}$', maxLength: 40 });

/**
 * The one way in an organisation's admins choose for outsiders: a role address ("international office",
 * international@…) or one named person (their name, their role in ru/fr/en). Its e-mail and phone are shown
 * only to signed-in people of validated organisations (access.ts canSeeContacts).
 */
export const PublicContactSchema = Type.Object(
  {
    kind: Type.Union([Type.Literal('role'), Type.Literal('person')], { description: 'a role address or one named person' }),
    /** The person's name in its original script; required for a person, absent for a role address. */
    personName: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 200 }), Type.Null()])),
    /** The office ("international office") or the person's role. */
    label: Type.Union([MultilingualTextSchema(200), Type.Null()]),
    email: ContactEmailSchema,
    phone: Type.Union([ContactPhoneSchema, Type.Null()]),
  },
  { additionalProperties: false },
);
export type PublicContact = Static<typeof PublicContactSchema>;

/** The public contact as a reader sees it: without e-mail and phone for those who may not see contacts. */
export const PublicContactViewSchema = Type.Object({
  kind: Type.Union([Type.Literal('role'), Type.Literal('person')]),
  personName: Type.Union([Type.String(), Type.Null()]),
  label: Type.Union([MultilingualTextSchema(200), Type.Null()]),
  email: Type.Optional(Type.String({ description: 'for signed-in people of validated organisations only' })),
  phone: Type.Optional(Type.Union([Type.String(), Type.Null()], { description: 'for signed-in people of validated organisations only' })),
});
export type PublicContactView = Static<typeof PublicContactViewSchema>;
