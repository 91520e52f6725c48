import { Type, type Static } from 'typebox';
import { DIGEST_FREQUENCIES, OFFER_KINDS } from '../offers.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';
import { Nullable } from './registry-answers.js';

/**
 * The marketplace's alerts: a member's saved searches (or areas) and their digests.
 *
 *   GET    /api/v1/my/saved-searches               → SavedSearchListSchema
 *   POST   /api/v1/my/saved-searches               SavedSearchInputSchema → 201 SavedSearchSchema (ETag); at most 20
 *   PATCH  /api/v1/my/saved-searches/:id (If-Match) SavedSearchPatchSchema → SavedSearchSchema; stale → 409 version_conflict
 *   DELETE /api/v1/my/saved-searches/:id           → 204
 *   GET    /api/v1/unsubscribe/:token              → asks to confirm (never unsubscribes: mail scanners follow links)
 *   POST   /api/v1/unsubscribe/:token              List-Unsubscribe=One-Click → unsubscribed (RFC 8058; no sign-in)
 */

/** A member keeps at most this many saved searches. */
export const SAVED_SEARCHES_MAX = 20;

/** What a saved search asks of the marketplace (SavedOfferQuery): the search box's words and filters; an area alone is a saved area. */
export const SavedOfferQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 500, description: 'words in any language, as the search box takes them' })),
    kind: Type.Optional(Type.Array(Type.Enum(OFFER_KINDS), { maxItems: OFFER_KINDS.length, uniqueItems: true })),
    area: Type.Optional(Type.Array(SlugSchema, { maxItems: 20, uniqueItems: true })),
    region: Type.Optional(Type.Array(RegionCodeSchema, { maxItems: 20, uniqueItems: true, description: 'the owner’s region' })),
    nace: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
export type SavedOfferQueryInput = Static<typeof SavedOfferQuerySchema>;

const Name = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'what the member calls it' });

export const SavedSearchInputSchema = Type.Object(
  {
    name: Name,
    query: SavedOfferQuerySchema,
    frequency: Type.Enum(DIGEST_FREQUENCIES, { default: 'weekly' }),
  },
  { additionalProperties: false },
);
export type SavedSearchInput = Static<typeof SavedSearchInputSchema>;

export const SavedSearchPatchSchema = Type.Object(
  {
    name: Type.Optional(Name),
    query: Type.Optional(SavedOfferQuerySchema),
    frequency: Type.Optional(Type.Enum(DIGEST_FREQUENCIES)),
    /** true: the digest again after a one-click unsubscribe; false: no digest (the search stays saved). */
    subscribed: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type SavedSearchPatch = Static<typeof SavedSearchPatchSchema>;

export const SavedSearchParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const SavedSearchSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  query: SavedOfferQuerySchema,
  frequency: Type.Enum(DIGEST_FREQUENCIES),
  /** Offers published after this moment were not in a digest yet. */
  coveredUntil: Type.String({ format: 'date-time' }),
  subscribed: Type.Boolean(),
  unsubscribedAt: Nullable(Type.String({ format: 'date-time' })),
  version: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
});
export type SavedSearch = Static<typeof SavedSearchSchema>;

export const SavedSearchListSchema = Type.Object({ items: Type.Array(SavedSearchSchema), max: Type.Integer() });
export type SavedSearchList = Static<typeof SavedSearchListSchema>;

/** An administrator's "send the digests now" (POST /api/v1/admin/jobs/digests). */
export const DigestRunBodySchema = Type.Object(
  { frequency: Type.Enum(DIGEST_FREQUENCIES, { description: 'the saved searches of this frequency get their digest now' }) },
  { additionalProperties: false },
);
