import { Type, type Static } from 'typebox';
import { RECORD_KINDS, type RecordKind } from '../../../shared/registry.js';
import { RecordCreateSchemas } from '../../../shared/schemas/registry.js';
import { SlugSchema } from '../../../shared/schemas/organisations.js';

/**
 * One line of a registry import or export (JSON Lines): a record as its create takes it, with its kind, its
 * slug (kept, so links and addresses survive the move) and the slugs of the records it links to. The
 * export writes this shape, so an export imports back as it was.
 */
const lineSchema = <K extends RecordKind>(kind: K) =>
  Type.Object(
    {
      ...RecordCreateSchemas[kind].properties,
      kind: Type.Literal(kind),
      slug: Type.Optional(SlugSchema),
      links: Type.Optional(Type.Array(SlugSchema, { maxItems: 200, description: 'slugs of records it links to' })),
    },
    { additionalProperties: false },
  );

export const RecordLineSchemas = Object.fromEntries(RECORD_KINDS.map((k) => [k, lineSchema(k)])) as {
  [K in RecordKind]: ReturnType<typeof lineSchema<K>>;
};
export type RecordLine = Static<(typeof RecordLineSchemas)[RecordKind]>;

export const RecordKindLineSchema = Type.Object({ kind: Type.Enum(RECORD_KINDS) });
