import { sql, type SQL } from 'drizzle-orm';
import { LANGUAGES, type Language } from '../shared/languages.js';

const MAX_WORDS = 12;

/** The words of a query: runs of letters and digits in any script. Everything else is a separator. */
export function queryWords(q: string): string[] {
  return (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/**
 * One word of a query, as the glossary understood it. A record matches the word by its text (stem or
 * prefix), by a concept whose term covers the word, or by a name that sounds like it.
 */
export interface SearchWord {
  word: string;
  /**
   * The lexemes the word's text matches by, each way on its own: as written, by prefix (so "Obni" finds
   * Obninsk), and its Russian and French stems (the Russian configuration stems Latin words the English
   * way). A way's lexemes must all occur; a plain word has one.
   */
  texts: TextMatch[];
  /** A stop word in Russian, French or English ("de", "the", "для"): it does not have to match. */
  optional: boolean;
  /** Concepts of the glossary terms the query contains that cover this word. */
  concepts: string[];
  /** Narrower concepts of those: they match too, a little lower. */
  narrower: string[];
  /** The word's sound key (soundKey), for names in another script or spelling; null when too short. */
  nameKey: string | null;
  /**
   * Lexemes of other languages the shared vocabularies translate the word to (roulement → подшипник,
   * bearing), each with how sure the translation is (0–1) and the entry or dictionary that says so.
   */
  bridges?: Bridged[];
}

/** A translation of a query word into a record's lexeme, from a vocabulary (e.g. `hs:8482`) or a dictionary. */
export interface Bridged {
  lexeme: string;
  weight: number;
  via: string;
}

/** Lexemes of a query word that must all occur in a record, exactly or as the start of its lexemes. */
export interface TextMatch {
  lexemes: string[];
  prefix: boolean;
}

/** A text and the language it is written in; null when unknown (people's names, transliterations). */
export interface DocumentText {
  text: string;
  lang: Language | null;
}

/** Each language's text-search configuration. */
export const TEXT_SEARCH_CONFIG: Record<Language, string> = { ru: 'russian', fr: 'french', en: 'english' };

/** The words that must match: all but the stop words, or all of them when the query is nothing else. */
export function requiredWords<W extends { optional: boolean }>(words: W[]): W[] {
  return words.some((w) => !w.optional) ? words.filter((w) => !w.optional) : words;
}

/**
 * The search document of a record, accent-folded: every text in the 'simple' configuration (exact words
 * and prefixes, any script) and each text stemmed in its own language's configuration (the russian one
 * also stems Latin words the English way, which is how a query word meets an English record). Weight A for
 * names, B for other short texts, C for descriptions, D for the titles of its codes (NACE classes, areas),
 * those stemmed only.
 */
export function searchDocument(parts: {
  names: DocumentText[];
  other: DocumentText[];
  descriptions: DocumentText[];
  codes: DocumentText[];
}): SQL {
  const weighted = (texts: DocumentText[], weight: 'A' | 'B' | 'C' | 'D', exact: boolean) => {
    const vectors: SQL[] = [];
    const all = texts.map((t) => t.text).join(' \n ');
    if (exact) vectors.push(sql`to_tsvector('simple', unaccent(${all}::text))`);
    for (const lang of LANGUAGES) {
      const own = texts.filter((t) => t.lang === lang).map((t) => t.text);
      if (own.length > 0) vectors.push(sql`to_tsvector(${TEXT_SEARCH_CONFIG[lang]}::regconfig, unaccent(${own.join(' \n ')}::text))`);
    }
    return vectors.length === 0 ? sql`''::tsvector` : sql`setweight(${sql.join(vectors, sql` || `)}, ${weight}::"char")`;
  };
  return sql`(${weighted(parts.names, 'A', true)} || ${weighted(parts.other, 'B', true)} || ${weighted(parts.descriptions, 'C', true)} || ${weighted(parts.codes, 'D', false)})`;
}
