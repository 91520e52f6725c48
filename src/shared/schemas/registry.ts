import { Type, type Static, type TSchema } from 'typebox';
import { ORGANISATION_KINDS, PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from '../domain.js';
import { PARTIAL_DATE_PATTERN } from '../partial-date.js';
import {
  ACADEMIC_PARTNERSHIP_KINDS,
  ACADEMIC_YEAR_PATTERN,
  AGREEMENT_TYPES,
  ALL_STAGES,
  COMMITMENT_ROLES,
  LINK_TARGET_KINDS,
  RESIDENCY_SERVICES,
  type RecordKind,
} from '../registry.js';
import { MultilingualTextSchema } from './common.js';
import { Nullable, PartyRoleSchema, REGISTRY_LIMITS } from './registry-answers.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';

/**
 * The cooperation registry's API: agreements, joint initiatives, academic partnerships and technopark
 * residencies, one collection per kind (/api/v1/agreements, /initiatives, /academic-partnerships,
 * /residencies) with the same routes, and the named parties not yet on the platform.
 *
 *   GET    /api/v1/<collection>?…                    RecordListQuerySchema → RecordListSchema
 *   POST   /api/v1/<collection>                      RecordCreateSchemas[kind] → 201 RecordSchema (ETag)
 *   GET    /api/v1/<collection>/:slug                → RecordSchema (ETag)
 *   PATCH  /api/v1/<collection>/:slug  (If-Match)    RecordPatchSchemas[kind] → RecordSchema; stale → 409 version_conflict
 *   DELETE /api/v1/<collection>/:slug                → 204 (drafts / proposed only)
 *   POST   /api/v1/<collection>/:slug/stage          StageChangeBodySchema → RecordSchema
 *   POST   /api/v1/<collection>/:slug/links          LinkBodySchema → RecordSchema
 *   DELETE /api/v1/<collection>/:slug/links/:targetKind/:targetId → RecordSchema
 *   POST   /api/v1/initiatives/:slug/milestones      MilestoneInputSchema → RecordSchema
 *   PATCH  /api/v1/initiatives/:slug/milestones/:id  MilestonePatchSchema → RecordSchema
 *   DELETE /api/v1/initiatives/:slug/milestones/:id  → RecordSchema
 *   GET    /api/v1/named-parties?q=&region=          → NamedPartyListSchema (type-ahead; merged ones left out)
 *   POST   /api/v1/named-parties/:id/merge           MergeBodySchema → MergeResultSchema
 * Every write answers the record as it is now, with its new version (also its ETag); If-Match is
 * optional on every write of a record (stage, links, milestones too) and checked when sent.
 */

/** Each kind's collection in the API's addresses. */
export const RECORD_COLLECTIONS = {
  agreement: 'agreements',
  initiative: 'initiatives',
  academic_partnership: 'academic-partnerships',
  residency: 'residencies',
} as const satisfies Record<RecordKind, string>;


export const RecordStageSchema = Type.Enum(ALL_STAGES, { description: 'a stage of the record’s kind (STAGES in shared/registry.ts)' });

/** A date known to a year, a month or a day: "2004", "2004-06", "2004-06-15". 2023-02-30 is refused (no_such_day). */
export const PartialDateSchema = Type.String({
  pattern: PARTIAL_DATE_PATTERN,
  description: 'a year (2004), a year-month (2004-06) or a day (2004-06-15)',
});

/** A full day (milestones): YYYY-MM-DD, a day that exists. */
export const DaySchema = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'a day, YYYY-MM-DD' });


// ---------------------------------------------------------------------------------------------- requests

/** A party not on the platform yet, as a press release names it. */
export const NamedPartyInputSchema = Type.Object(
  {
    name: MultilingualTextSchema(REGISTRY_LIMITS.title),
    kind: Type.Enum(ORGANISATION_KINDS),
    /** Its region when the source tells it; else at least its country. */
    region: Type.Optional(RegionCodeSchema),
    country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2; taken from the region when a region is given' })),
  },
  { additionalProperties: false, description: 'a region, or a country when the source tells no region ("a French technopark")' },
);

/**
 * A party: exactly one of `organisation` (an organisation's slug), `named` (a new named party) or
 * `namedParty` (the id of a named party recorded before, from GET /named-parties).
 */
export const PartyInputSchema = Type.Object(
  {
    organisation: Type.Optional(SlugSchema),
    named: Type.Optional(NamedPartyInputSchema),
    namedParty: Type.Optional(Type.String({ format: 'uuid' })),
    role: PartyRoleSchema,
  },
  { additionalProperties: false },
);
export type PartyInput = Static<typeof PartyInputSchema>;

/** "⟨party⟩ is national coordinator of ⟨event series⟩ for ⟨country⟩"; `party` is the index in `parties`. */
export const CommitmentRoleInputSchema = Type.Object(
  {
    role: Type.Enum(COMMITMENT_ROLES),
    party: Type.Integer({ minimum: 0, maximum: REGISTRY_LIMITS.parties - 1 }),
    eventSeries: MultilingualTextSchema(REGISTRY_LIMITS.title),
    country: Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  },
  { additionalProperties: false },
);

export const ParticipationInputSchema = Type.Object(
  {
    academicYear: Type.String({ pattern: ACADEMIC_YEAR_PATTERN, description: 'e.g. 2024/2025' }),
    participants: Type.Integer({ minimum: 0, maximum: 1_000_000 }),
  },
  { additionalProperties: false },
);

export const MilestoneInputSchema = Type.Object(
  {
    title: MultilingualTextSchema(REGISTRY_LIMITS.title),
    dueOn: Type.Optional(Nullable(DaySchema)),
    doneOn: Type.Optional(Nullable(DaySchema)),
  },
  { additionalProperties: false },
);
export type MilestoneInput = Static<typeof MilestoneInputSchema>;

/** What every kind's record has. */
const commonFields = {
  title: MultilingualTextSchema(REGISTRY_LIMITS.title),
  summary: Type.Optional(Nullable(MultilingualTextSchema(REGISTRY_LIMITS.summary))),
  areas: Type.Optional(Type.Array(SlugSchema, { maxItems: REGISTRY_LIMITS.areas, description: 'area of cooperation codes' })),
  dated: Type.Optional(Nullable(PartialDateSchema)),
  validFrom: Type.Optional(Nullable(PartialDateSchema)),
  validUntil: Type.Optional(Nullable(PartialDateSchema)),
  published: Type.Optional(Type.Boolean({ description: 'readable by everyone (default true); else by its parties and coordinators' })),
  parties: Type.Array(PartyInputSchema, { maxItems: REGISTRY_LIMITS.parties }),
  /** The partnership between regions it is filed under (its slug), when its parties do not tell it alone. */
  partnership: Type.Optional(Nullable(SlugSchema)),
};

/** Kind-specific fields, per kind (a field of another kind is refused as unknown_field). */
const kindFields = {
  agreement: {
    type: Type.Enum(AGREEMENT_TYPES),
    commitments: Type.Optional(Nullable(MultilingualTextSchema(REGISTRY_LIMITS.commitments))),
    commitmentRoles: Type.Optional(Type.Array(CommitmentRoleInputSchema, { maxItems: REGISTRY_LIMITS.commitmentRoles })),
  },
  initiative: {
    milestones: Type.Optional(Type.Array(MilestoneInputSchema, { maxItems: REGISTRY_LIMITS.milestones, description: 'at creation only' })),
  },
  academic_partnership: {
    kinds: Type.Array(Type.Enum(ACADEMIC_PARTNERSHIP_KINDS), {
      maxItems: ACADEMIC_PARTNERSHIP_KINDS.length,
      description: 'the kinds the partnership covers; none when the source does not tell',
    }),
    participation: Type.Optional(Type.Array(ParticipationInputSchema, { maxItems: REGISTRY_LIMITS.participation })),
  },
  residency: {
    services: Type.Optional(Type.Array(Type.Enum(RESIDENCY_SERVICES), { maxItems: RESIDENCY_SERVICES.length })),
  },
} as const;

/** The first stage change's, at creation. */
const firstStageFields = { stage: Type.Optional(RecordStageSchema), happened: Type.Optional(PartialDateSchema) };
const strict = { additionalProperties: false } as const;

/**
 * POST /api/v1/<collection>. `stage` (default the kind's first) and `happened` (default today; the
 * record's `dated` when it starts at a later stage) are the first stage change's. Editors may record a
 * record at a later stage (history: an agreement in force since 2004); a residency's host stages stay
 * the host's or a coordinator's.
 * Agreements need two parties or more; residencies exactly one `resident` and one `host`.
 */
export const AgreementCreateSchema = Type.Object({ ...commonFields, ...kindFields.agreement, ...firstStageFields }, strict);
export const InitiativeCreateSchema = Type.Object({ ...commonFields, ...kindFields.initiative, ...firstStageFields }, strict);
export const AcademicPartnershipCreateSchema = Type.Object({ ...commonFields, ...kindFields.academic_partnership, ...firstStageFields }, strict);
export const ResidencyCreateSchema = Type.Object({ ...commonFields, ...kindFields.residency, ...firstStageFields }, strict);
export const RecordCreateSchemas = {
  agreement: AgreementCreateSchema,
  initiative: InitiativeCreateSchema,
  academic_partnership: AcademicPartnershipCreateSchema,
  residency: ResidencyCreateSchema,
} as const;

/** Every field any kind's create takes (the service reads the body as this). */
export type RecordCreateBody = Static<typeof AgreementCreateSchema> &
  Partial<Static<typeof InitiativeCreateSchema>> &
  Partial<Static<typeof AcademicPartnershipCreateSchema>> &
  Partial<Static<typeof ResidencyCreateSchema>>;

const patchSchema = <K extends RecordKind>(kind: K) => {
  const { milestones: _m, ...fields } = { ...commonFields, ...kindFields[kind] } as Record<string, TSchema>;
  return Type.Partial(Type.Object(fields, { additionalProperties: false }), { additionalProperties: false });
};

/** PATCH /api/v1/<collection>/:slug with If-Match: the fields sent replace the record's (`parties` all of them). */
export const RecordPatchSchemas = {
  agreement: patchSchema('agreement'),
  initiative: patchSchema('initiative'),
  academic_partnership: patchSchema('academic_partnership'),
  residency: patchSchema('residency'),
} as const;
export type RecordPatchBody = Partial<Omit<RecordCreateBody, 'milestones' | 'stage' | 'happened'>>;

/** POST /api/v1/<collection>/:slug/stage (If-Match optional). */
export const StageChangeBodySchema = Type.Object(
  {
    to: RecordStageSchema,
    happened: Type.Optional(PartialDateSchema),
    reason: Type.Optional(Type.String({ minLength: 1, maxLength: REGISTRY_LIMITS.reason })),
  },
  { additionalProperties: false },
);
export type StageChangeBody = Static<typeof StageChangeBodySchema>;

/** PATCH /api/v1/initiatives/:slug/milestones/:id: the fields sent replace the milestone's. */
export const MilestonePatchSchema = Type.Partial(MilestoneInputSchema, { additionalProperties: false });
export type MilestonePatch = Static<typeof MilestonePatchSchema>;

/** POST /api/v1/<collection>/:slug/links: another record, by id or slug. */
export const LinkBodySchema = Type.Object(
  {
    targetKind: Type.Enum(LINK_TARGET_KINDS),
    targetId: Type.Optional(Type.String({ format: 'uuid' })),
    targetSlug: Type.Optional(SlugSchema),
  },
  { additionalProperties: false },
);
export type LinkBody = Static<typeof LinkBodySchema>;

export const RecordParamsSchema = Type.Object({ slug: SlugSchema });
export const MilestoneParamsSchema = Type.Object({ slug: SlugSchema, id: Type.String({ format: 'uuid' }) });
/** DELETE /api/v1/<collection>/:slug/links/:targetKind/:targetId */
export const LinkParamsSchema = Type.Object({
  slug: SlugSchema,
  targetKind: Type.Enum(LINK_TARGET_KINDS),
  targetId: Type.String({ format: 'uuid' }),
});

const oneOrMany = <T extends TSchema>(item: T, max: number) =>
  Type.Array(item, { maxItems: max, description: 'repeat the parameter for several values (any of them matches)' });

/** GET /api/v1/<collection>: newest first (by the date's period; a year before its days). */
export const RecordListQuerySchema = Type.Object(
  {
    type: Type.Optional(oneOrMany(Type.String({ maxLength: 60 }), 10)),
    stage: Type.Optional(oneOrMany(RecordStageSchema, ALL_STAGES.length)),
    area: Type.Optional(oneOrMany(SlugSchema, 20)),
    region: Type.Optional(oneOrMany(RegionCodeSchema, 20)),
    organisation: Type.Optional(SlugSchema),
    from: Type.Optional(PartialDateSchema),
    to: Type.Optional(PartialDateSchema),
    host: Type.Optional(SlugSchema),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  {
    additionalProperties: false,
    description:
      'type: an agreement type or academic partnership kind; region: a party’s region (a region covers its subdivisions); from/to: a record matches when its date’s period meets them; host: residencies of that host',
  },
);
export type RecordListQuery = Static<typeof RecordListQuerySchema>;

export const NamedPartyQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: REGISTRY_LIMITS.namedPartyQuery })),
    region: Type.Optional(RegionCodeSchema),
    limit: Type.Integer({ minimum: 1, maximum: 50, default: 10 }),
  },
  { additionalProperties: false },
);
export type NamedPartyQuery = Static<typeof NamedPartyQuerySchema>;

export const NamedPartyParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const MergeBodySchema = Type.Object({ organisation: SlugSchema }, { additionalProperties: false });
export type MergeBody = Static<typeof MergeBodySchema>;

export * from './registry-answers.js';
