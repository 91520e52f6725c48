import { Type, type Static } from 'typebox';
import { ORGANISATION_ROLES } from '../roles.js';
import { MultilingualTextSchema } from './common.js';
import { SlugSchema } from './organisations.js';

/** What an invitation link shows before it is accepted; nothing else about the organisation or the inviter. */
export const InvitationPreviewSchema = Type.Object({
  email: Type.String({ description: 'the invited address' }),
  role: Type.Enum(ORGANISATION_ROLES),
  inviter: Type.Union([Type.String(), Type.Null()], { description: "the inviter's name" }),
  organisation: Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300) }),
});
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

export const InvitationParamsSchema = Type.Object({ slug: SlugSchema, invitationId: Type.String({ format: 'uuid' }) });
