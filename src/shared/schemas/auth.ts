import { Type, type Static } from 'typebox';
import { ORGANISATION_ROLES, ROLES } from '../roles.js';
import { LanguageSchema } from './common.js';

const Email = Type.String({ format: 'email', maxLength: 254 });
const Password = Type.String({ minLength: 1, maxLength: 200 });
const Token = Type.String({ minLength: 10, maxLength: 100 });

export const SignUpBodySchema = Type.Object(
  {
    email: Email,
    password: Password,
    displayName: Type.String({ minLength: 1, maxLength: 120 }),
    language: LanguageSchema,
    invitation: Type.Optional(Token),
  },
  { additionalProperties: false },
);
export const SignInBodySchema = Type.Object({ email: Email, password: Password }, { additionalProperties: false });
export const TokenBodySchema = Type.Object({ token: Token }, { additionalProperties: false });
export const EmailBodySchema = Type.Object({ email: Email }, { additionalProperties: false });
export const ResetBodySchema = Type.Object({ token: Token, password: Password }, { additionalProperties: false });
export const ChangePasswordBodySchema = Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false });
export const ChangeEmailBodySchema = Type.Object({ password: Password, email: Email }, { additionalProperties: false });

export const RoleGrantSchema = Type.Object({
  role: Type.Enum(ROLES),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  organisationId: Type.Union([Type.String(), Type.Null()]),
});

export const SessionSchema = Type.Object({
  user: Type.Union([
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      displayName: Type.String(),
      language: LanguageSchema,
      emailConfirmed: Type.Boolean(),
      roles: Type.Array(RoleGrantSchema),
    }),
    Type.Null(),
  ]),
  /** Send it back in the X-CSRF-Token header of every write. */
  csrfToken: Type.Union([Type.String(), Type.Null()]),
});
export type Session = Static<typeof SessionSchema>;

export const SessionListSchema = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      current: Type.Boolean(),
      createdAt: Type.String({ format: 'date-time' }),
      lastSeenAt: Type.String({ format: 'date-time' }),
      userAgent: Type.Union([Type.String(), Type.Null()]),
      ip: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});

export const InvitationBodySchema = Type.Object({ email: Email, role: Type.Enum(ORGANISATION_ROLES) }, { additionalProperties: false });
export const MemberListSchema = Type.Object({
  members: Type.Array(
    Type.Object({ userId: Type.String(), displayName: Type.String(), email: Type.String(), role: Type.Enum(ORGANISATION_ROLES) }),
  ),
  invitations: Type.Array(
    Type.Object({
      id: Type.String(),
      email: Type.String(),
      role: Type.Enum(ORGANISATION_ROLES),
      sentAt: Type.String({ format: 'date-time' }),
      expiresAt: Type.String({ format: 'date-time' }),
      invitedBy: Type.Union([Type.String(), Type.Null()], { description: "the inviter's name" }),
    }),
  ),
});
export type MemberList = Static<typeof MemberListSchema>;
