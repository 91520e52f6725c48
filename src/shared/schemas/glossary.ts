import { Type, type Static } from 'typebox';
import { PAGE_SIZE_MAX, SLUG_PATTERN } from '../domain.js';
import { LanguageSchema, MultilingualTextSchema, PageMetaSchema } from './common.js';
import { ActivityCodeSchema } from './organisations.js';
import { ConceptRefSchema } from './search.js';

export const TERM_MAX_LENGTH = 200;

export const ConceptCodeSchema = Type.String({ pattern: SLUG_PATTERN, maxLength: 80, description: 'e.g. air-filtration' });

export const TermSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  language: LanguageSchema,
  term: Type.String(),
  source: Type.Union([Type.Literal('shipped'), Type.Literal('user')]),
});

export const ConceptSchema = Type.Object({
  code: Type.String(),
  label: MultilingualTextSchema(300),
  broader: Type.Array(Type.String()),
  broaderConcepts: Type.Array(ConceptRefSchema, { description: 'the wider concepts with their labels, for people to read' }),
  naceClasses: Type.Array(Type.String()),
  source: Type.Union([Type.Literal('shipped'), Type.Literal('user')]),
  terms: Type.Array(TermSchema),
  version: Type.Integer({ description: 'one more at each term added or removed; send it back as If-Match' }),
});
export type Concept = Static<typeof ConceptSchema>;

export const ConceptListQuerySchema = Type.Object(
  {
    q: Type.Optional(
      Type.String({ minLength: 1, maxLength: TERM_MAX_LENGTH, description: 'part of a term or a concept code, any language' }),
    ),
    /** sort by the label in this language (its alphabetical order); by default English */
    lang: Type.Optional(LanguageSchema),
    page: Type.Integer({ minimum: 1, maximum: 10000, default: 1 }),
    pageSize: Type.Integer({ minimum: 1, maximum: PAGE_SIZE_MAX, default: 20 }),
  },
  { additionalProperties: false },
);
export type ConceptListQuery = Static<typeof ConceptListQuerySchema>;

export const ConceptListSchema = Type.Object({ items: Type.Array(ConceptSchema), meta: PageMetaSchema });
export type ConceptList = Static<typeof ConceptListSchema>;

export const NewTermSchema = Type.Object(
  {
    language: LanguageSchema,
    term: Type.String({
      minLength: 1,
      maxLength: TERM_MAX_LENGTH,
      description: 'a word or phrase as written in texts; matched by stem, accents ignored',
    }),
  },
  { additionalProperties: false },
);
export type NewTermBody = Static<typeof NewTermSchema>;

export const NewConceptSchema = Type.Object(
  {
    code: ConceptCodeSchema,
    broader: Type.Array(ConceptCodeSchema, { maxItems: 10, default: [] }),
    nace: Type.Array(ActivityCodeSchema, { maxItems: 20, default: [] }),
    terms: Type.Array(NewTermSchema, { minItems: 1, maxItems: 50, description: 'at least one; the first of each language is its label' }),
  },
  { additionalProperties: false },
);
export type NewConceptBody = Static<typeof NewConceptSchema>;

/** After a change: the concept as it is now, and how many organisations' concept tags changed. */
export const GlossaryChangeSchema = Type.Object({ concept: ConceptSchema, retagged: Type.Integer() });
export type GlossaryChange = Static<typeof GlossaryChangeSchema>;
