import { Type, type Static } from 'typebox';
import { LanguageSchema, MultilingualTextSchema } from './common.js';

/** A piece of a record's text; `hit` pieces are what the query matched. */
export const TextSegmentSchema = Type.Object({ text: Type.String(), hit: Type.Boolean() });
export type TextSegment = Static<typeof TextSegmentSchema>;

export const HighlightSchema = Type.Object({
  field: Type.Union([Type.Literal('name'), Type.Literal('description')]),
  language: LanguageSchema,
  segments: Type.Array(TextSegmentSchema),
});
export type Highlight = Static<typeof HighlightSchema>;

/** A glossary concept: its code and its label in each language (the first term of each). */
export const ConceptRefSchema = Type.Object({
  code: Type.String(),
  label: MultilingualTextSchema(300),
});
export type ConceptRef = Static<typeof ConceptRefSchema>;

export const MatchReasonSchema = Type.Object({
  concept: ConceptRefSchema,
  /** The concept's terms as they occur in the record (in the record's language). */
  found: Type.Array(Type.Object({ language: LanguageSchema, term: Type.String() })),
});
export type MatchReason = Static<typeof MatchReasonSchema>;

/** How a record matched one word of the query: by its text, a code's title, a glossary concept, a name that sounds like it, a vocabulary's translation; null: not matched. */
export const WordMatchSchema = Type.Object({
  word: Type.String(),
  way: Type.Union([
    Type.Literal('text'),
    Type.Literal('code'),
    Type.Literal('concept'),
    Type.Literal('name'),
    Type.Literal('translation'),
    Type.Null(),
  ]),
  /** For a translation: the record's word it met, as written there, and the vocabulary entry that translates it (e.g. `hs:8482`), with its title. */
  via: Type.Optional(
    Type.Object({
      source: Type.String(),
      term: Type.Optional(Type.String()),
      label: Type.Optional(Type.Object({ en: Type.Optional(Type.String()), fr: Type.Optional(Type.String()), ru: Type.Optional(Type.String()) })),
    }),
  ),
});
export type WordMatch = Static<typeof WordMatchSchema>;

/** Why a record matched a search: the query's words highlighted in its own language, the shared concepts, and its codes whose titles matched. */
export const SearchMatchSchema = Type.Object({
  words: Type.Array(WordMatchSchema, { description: 'each word of the query that had to match, in order, and how this record matched it' }),
  highlights: Type.Array(HighlightSchema),
  reasons: Type.Array(MatchReasonSchema),
  areas: Type.Array(Type.Object({ code: Type.String(), name: MultilingualTextSchema(300) }), {
    description: 'areas of cooperation of the record whose names match the query',
  }),
  nace: Type.Array(
    Type.Object({ code: Type.String(), title: Type.Object({ en: Type.String(), fr: Type.String(), ru: Type.Optional(Type.String()) }) }),
    {
      description: 'NACE classes of the record whose titles match the query',
    },
  ),
});
export type SearchMatch = Static<typeof SearchMatchSchema>;
