import { ProductCodeSchema } from './product-code.js';
import { Type, type Static } from 'typebox';
import { PROFILE_STATUSES } from '../roles.js';
import { LanguageSchema } from './common.js';
import { ProfileChangesSchema } from './profile.js';
import { ResolvedCodeSchema } from './reference.js';

/** One difference between the profile as last decided and as submitted now: a field (in one language). */
export const ProfileChangeSchema = Type.Object({
  field: Type.String({ description: 'a profile field: name, shortName, description, city, kind, sector, region, website, nace, productCodes, areas, contact.kind, contact.personName, contact.label, contact.email, contact.phone' }),
  language: Type.Union([LanguageSchema, Type.Null()], { description: 'the language of a multilingual field' }),
  change: Type.Enum(['added', 'removed', 'changed'] as const),
  before: Type.Union([Type.String(), Type.Null()]),
  after: Type.Union([Type.String(), Type.Null()]),
});
export type ProfileChange = Static<typeof ProfileChangeSchema>;

/** A submitted profile in full for its coordinators, with what changed since it was last decided on. */
export const ProfileReviewSchema = Type.Object({
  slug: Type.String(),
  status: Type.Enum(PROFILE_STATUSES),
  regionCode: Type.String({ description: 'the region the organisation is in now' }),
  version: Type.Integer({ description: 'send it back as If-Match with the decision; also the ETag' }),
  canDecide: Type.Boolean({ description: 'false for the coordinators of a region the profile is leaving (read-only)' }),
  submittedAt: Type.String({ format: 'date-time' }),
  profile: ProfileChangesSchema,
  since: Type.Union(
    [
      Type.Object({
        decision: Type.Enum(['validated', 'returned', 'published'] as const, {
          description: 'published: the public profile, decided before decisions kept their profile',
        }),
        reason: Type.Union([Type.String(), Type.Null()]),
        at: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
      }),
      Type.Null(),
    ],
    { description: 'the decision the changes are counted from; null for a first submission' },
  ),
  changes: Type.Array(ProfileChangeSchema),
  codes: Type.Array(ResolvedCodeSchema, {
    description: 'every activity code of the profile and of the changes, with its NACE class and titles',
  }),
  products: Type.Array(ProductCodeSchema, { description: 'every product code of the profile and of the changes, with its titles' }),
});
export type ProfileReview = Static<typeof ProfileReviewSchema>;
