import { Type, type Static } from 'typebox';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, QUERY_MAX_LENGTH, REGION_CODE_PATTERN, SLUG_PATTERN } from '../domain.js';
import { PARTIAL_DATE_PATTERN, PARTIAL_DATE_PRECISIONS } from '../partial-date.js';
import { ACADEMIC_PARTNERSHIP_KINDS, AGREEMENT_TYPES, ALL_STAGES, RECORD_KINDS } from '../registry.js';
import { LanguageSchema, MultilingualTextSchema } from './common.js';
import { ConceptRefSchema, TextSegmentSchema, WordMatchSchema } from './search.js';

const oneOrMany = <T extends Parameters<typeof Type.Array>[0]>(item: T, max: number) =>
  Type.Array(item, { maxItems: max, description: 'repeat the parameter for several values (any of them matches)' });

const RECORD_TYPES = [...AGREEMENT_TYPES, ...ACADEMIC_PARTNERSHIP_KINDS] as const;
const PartialDateSchema = (description: string) => Type.String({ pattern: PARTIAL_DATE_PATTERN, description });

export const RecordSearchQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ maxLength: QUERY_MAX_LENGTH, description: 'words to search in titles, summaries, commitments and parties’ names, any language' }),
    ),
    kind: Type.Optional(oneOrMany(Type.Enum(RECORD_KINDS), RECORD_KINDS.length)),
    type: Type.Optional(oneOrMany(Type.Enum(RECORD_TYPES, { description: 'an agreement’s type or an academic partnership’s kind' }), RECORD_TYPES.length)),
    stage: Type.Optional(oneOrMany(Type.Enum(ALL_STAGES), ALL_STAGES.length)),
    area: Type.Optional(oneOrMany(Type.String({ pattern: SLUG_PATTERN, maxLength: 120 }), 20)),
    region: Type.Optional(
      oneOrMany(Type.String({ pattern: REGION_CODE_PATTERN, description: 'a party’s region (ISO 3166-2); a region covers its subdivisions' }), 20),
    ),
    from: Type.Optional(PartialDateSchema('records whose date’s period ends on or after the start of this partial date (2004, 2004-06, 2004-06-15)')),
    to: Type.Optional(PartialDateSchema('records whose date’s period starts on or before the end of this partial date')),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: PAGE_SIZE_DEFAULT }),
  },
  { additionalProperties: false },
);
export type RecordSearchQuery = Static<typeof RecordSearchQuerySchema>;

/** A text of a record with the query's words marked, in the language it was written in. */
export const RecordSnippetSchema = Type.Object({ language: LanguageSchema, segments: Type.Array(TextSegmentSchema) });
export type RecordSnippet = Static<typeof RecordSnippetSchema>;

export const RecordSearchResultSchema = Type.Object({
  kind: Type.Enum(RECORD_KINDS),
  slug: Type.String(),
  title: MultilingualTextSchema(500),
  /** The title with the query's words marked (its original language). */
  titleHighlight: RecordSnippetSchema,
  /** A piece of the summary (or the commitments) around the first marked word; null without either. */
  summary: Type.Union([RecordSnippetSchema, Type.Null()]),
  types: Type.Array(Type.String()),
  stage: Type.String(),
  date: Type.Union([Type.Object({ value: Type.String(), precision: Type.Enum(PARTIAL_DATE_PRECISIONS) }), Type.Null()]),
  parties: Type.Array(MultilingualTextSchema(500)),
  match: Type.Object({
    words: Type.Array(WordMatchSchema, { description: 'each word of the query that had to match, in order, and how this record matched it' }),
    concepts: Type.Array(ConceptRefSchema, { description: 'glossary concepts the record shares with the query' }),
  }),
});
export type RecordSearchResult = Static<typeof RecordSearchResultSchema>;

export const RecordSearchListSchema = Type.Object({
  results: Type.Array(RecordSearchResultSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  facets: Type.Object({
    kind: Type.Record(Type.String(), Type.Integer(), { description: 'per kind, the records found with that kind and the other filters' }),
    stage: Type.Record(Type.String(), Type.Integer(), { description: 'per stage, the records found with that stage and the other filters' }),
  }),
  /** True when no record matched enough of the words, so those matching any are given. */
  partial: Type.Boolean(),
});
export type RecordSearchList = Static<typeof RecordSearchListSchema>;
