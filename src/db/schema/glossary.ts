import { boolean, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/languages.js';
import { tsquery } from './types.js';

export type GlossarySource = 'shipped' | 'user';

/**
 * A concept of the trilingual glossary: what a Russian, a French and an English term have in common.
 * Organisations are tagged with the concepts their texts mention (organisations.concept_codes).
 */
export const glossaryConcepts = pgTable('glossary_concepts', {
  code: text('code').primaryKey(),
  /** Wider concepts: a search for "filtration" also finds what is tagged "air-filtration". */
  broader: text('broader').array().notNull().default([]),
  /** NACE Rev. 2 classes the concept points to. */
  naceClasses: text('nace_classes').array().notNull().default([]),
  source: text('source').$type<GlossarySource>().notNull().default('user'),
  /** The concept's version (its ETag): one more whenever a term is added or removed. */
  version: integer('version').notNull().default(1),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A term of a concept in one language. The first (lowest position) term of a language is the concept's label. */
export const glossaryTerms = pgTable(
  'glossary_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conceptCode: text('concept_code')
      .notNull()
      .references(() => glossaryConcepts.code, { onDelete: 'cascade', onUpdate: 'cascade' }),
    language: text('language').$type<Language>().notNull(),
    term: text('term').notNull(),
    position: integer('position').notNull().default(0),
    /** The term as a phrase query in its language's configuration, accents folded. */
    query: tsquery('query').notNull(),
    /** The query's lexemes (sorted), for highlighting and for telling which query words a term covers. */
    lexemes: text('lexemes').array().notNull(),
    /** One of them (the first): a document without it cannot match, so tagging looks terms up by it first. */
    keyLexeme: text('key_lexeme').notNull(),
    /** Removed terms stay as tombstones, so that the shipped glossary does not bring them back at start. */
    removed: boolean('removed').notNull().default(false),
    source: text('source').$type<GlossarySource>().notNull().default('user'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('glossary_terms_concept_language_term_key').on(t.conceptCode, t.language, t.term),
    index('glossary_terms_key_lexeme_idx').on(t.keyLexeme),
  ],
);
