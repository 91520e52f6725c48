import { Type, type Static, type TNull, type TSchema, type TUnion } from 'typebox';
import { ORGANISATION_KINDS } from '../domain.js';
import { PARTIAL_DATE_PRECISIONS } from '../partial-date.js';
import { COMMITMENT_ROLES, LINK_TARGET_KINDS, PARTY_ROLES, RECORD_KINDS } from '../registry.js';
import { MultilingualTextSchema, PageMetaSchema } from './common.js';

/** The cooperation registry's answers (the requests and the routes: registry.ts, which re-exports these). */

/**
 * A value or null. A number, an integer or a boolean is one schema of two types (`type: ['integer', 'null']`),
 * not a union: the server coerces request values to their schema's type, and in a union the first branch turns
 * null into 0 (or false) before the null branch is tried, so "no capacity" became a capacity of 0. With two
 * types, ajv coerces only a value that is neither.
 */
export const Nullable = <T extends TSchema>(schema: T): TUnion<[T, TNull]> => {
  const type = (schema as { type?: unknown }).type;
  if (type === 'integer' || type === 'number' || type === 'boolean')
    return Type.Unsafe<Static<T> | null>({ ...schema, type: [type, 'null'] }) as unknown as TUnion<[T, TNull]>;
  return Type.Union([schema, Type.Null()]);
};

export const REGISTRY_LIMITS = {
  title: 300,
  summary: 5000,
  commitments: 10000,
  parties: 50,
  areas: 20,
  commitmentRoles: 50,
  participation: 60,
  milestones: 100,
  reason: 1000,
  namedPartyQuery: 100,
} as const;

export const RecordKindSchema = Type.Enum(RECORD_KINDS);
export const PartyRoleSchema = Type.Enum(PARTY_ROLES);

/** A partial date as the API answers it: the text as known, its precision, and the days it covers. */
export const PartialDateViewSchema = Type.Object({
  value: Type.String(),
  precision: Type.Enum(PARTIAL_DATE_PRECISIONS),
  first: Type.String({ description: 'the first day it covers, YYYY-MM-DD' }),
  last: Type.String({ description: 'the last day it covers, YYYY-MM-DD' }),
});
export type PartialDateView = Static<typeof PartialDateViewSchema>;

const OrganisationPartySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  name: MultilingualTextSchema(300),
  kind: Type.Enum(ORGANISATION_KINDS),
  regionCode: Type.String(),
});

export const NamedPartySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: MultilingualTextSchema(REGISTRY_LIMITS.title),
  kind: Type.Enum(ORGANISATION_KINDS),
  /** null when the source tells its country only. */
  regionCode: Nullable(Type.String()),
  countryCode: Type.String(),
  /** The organisation it was merged into, once it joined the platform. */
  mergedInto: Nullable(Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300) })),
  recordCount: Type.Integer({ description: 'records it is a party of' }),
});
export type NamedParty = Static<typeof NamedPartySchema>;

/** A party of a record: an organisation of the platform, or a named party ("not yet on the platform"). */
export const PartySchema = Type.Object({
  position: Type.Integer(),
  role: PartyRoleSchema,
  organisation: Nullable(OrganisationPartySchema),
  named: Nullable(
    Type.Object({
      id: Type.String({ format: 'uuid' }),
      name: MultilingualTextSchema(REGISTRY_LIMITS.title),
      kind: Type.Enum(ORGANISATION_KINDS),
      regionCode: Nullable(Type.String()),
      countryCode: Type.String(),
    }),
  ),
});
export type Party = Static<typeof PartySchema>;

export const StageChangeSchema = Type.Object({
  from: Nullable(Type.String()),
  to: Type.String(),
  happened: PartialDateViewSchema,
  reason: Nullable(Type.String()),
  by: Nullable(Type.String({ description: 'the display name of who recorded it; null once the account is gone' })),
  recordedAt: Type.String({ format: 'date-time' }),
});
export type StageChange = Static<typeof StageChangeSchema>;

export const MilestoneSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  position: Type.Integer(),
  title: MultilingualTextSchema(REGISTRY_LIMITS.title),
  dueOn: Nullable(Type.String()),
  doneOn: Nullable(Type.String()),
  overdue: Type.Boolean({ description: 'due before today and not done' }),
});
export type Milestone = Static<typeof MilestoneSchema>;

export const CommitmentRoleSchema = Type.Object({
  role: Type.Enum(COMMITMENT_ROLES),
  party: Type.Integer({ description: 'the position of the party in `parties`' }),
  eventSeries: MultilingualTextSchema(REGISTRY_LIMITS.title),
  country: Type.String(),
});

export const RecordLinkSchema = Type.Object({
  kind: Type.Enum(LINK_TARGET_KINDS),
  id: Type.String({ format: 'uuid' }),
  slug: Nullable(Type.String()),
  title: Nullable(MultilingualTextSchema(REGISTRY_LIMITS.title)),
  /** 'out' when this record links to it, 'in' when it links to this record. */
  direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
});
export type RecordLink = Static<typeof RecordLinkSchema>;

const summaryFields = {
  id: Type.String({ format: 'uuid' }),
  slug: Type.String(),
  kind: RecordKindSchema,
  /** Agreements: the agreement type; null for the other kinds. */
  type: Nullable(Type.String()),
  /** Academic partnerships: their kinds (student_exchange, …); empty for the other kinds. */
  kinds: Type.Array(Type.String()),
  title: MultilingualTextSchema(REGISTRY_LIMITS.title),
  stage: Type.String(),
  areaCodes: Type.Array(Type.String()),
  dated: Nullable(PartialDateViewSchema),
  validFrom: Nullable(PartialDateViewSchema),
  /** null: open-ended. */
  validUntil: Nullable(PartialDateViewSchema),
  published: Type.Boolean(),
  parties: Type.Array(PartySchema),
  regionCodes: Type.Array(Type.String()),
};

export const RecordSummarySchema = Type.Object(summaryFields);
export type RecordSummary = Static<typeof RecordSummarySchema>;

export const RecordListSchema = Type.Object({
  items: Type.Array(RecordSummarySchema),
  meta: PageMetaSchema,
  capped: Type.Optional(
    Type.Boolean({ description: 'true when more records match than meta.total counts (the count stops at 10,000): narrow the filters' }),
  ),
});
export type RecordList = Static<typeof RecordListSchema>;

export const RecordSchema = Type.Object({
  ...summaryFields,
  summary: Nullable(MultilingualTextSchema(REGISTRY_LIMITS.summary)),
  areas: Type.Array(Type.Object({ code: Type.String(), name: MultilingualTextSchema(300) })),
  commitments: Nullable(MultilingualTextSchema(REGISTRY_LIMITS.commitments)),
  commitmentRoles: Type.Array(CommitmentRoleSchema),
  services: Type.Array(Type.String()),
  participation: Type.Array(Type.Object({ academicYear: Type.String(), participants: Type.Integer() })),
  milestones: Type.Array(MilestoneSchema),
  stageHistory: Type.Array(StageChangeSchema, { description: 'oldest first' }),
  links: Type.Array(RecordLinkSchema),
  /** The partnership between regions it is filed under, if any. */
  partnership: Nullable(Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300) })),
  /** Whether the reader may edit it (PATCH, milestones, links, stage changes along the pipeline). */
  canEdit: Type.Boolean(),
  /** Whether the reader coordinates it (a party's region or an admin): any stage change is theirs. */
  canCoordinate: Type.Boolean(),
  /** The stages the reader may move it to now. */
  allowedStages: Type.Array(Type.String()),
  version: Type.Integer({ description: 'also the ETag; send it back as If-Match' }),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
});
export type RegistryRecord = Static<typeof RecordSchema>;

export const NamedPartyListSchema = Type.Object({ items: Type.Array(NamedPartySchema) });
export type NamedPartyList = Static<typeof NamedPartyListSchema>;

export const MergeResultSchema = Type.Object({
  namedParty: NamedPartySchema,
  movedRecords: Type.Integer({ description: 'the records whose party row moved to the organisation' }),
});
export type MergeResult = Static<typeof MergeResultSchema>;
