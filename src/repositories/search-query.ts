import { sql, type SQL } from 'drizzle-orm';

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
  /** A stop word in Russian, French or English ("de", "the", "для"): it does not have to match. */
  optional: boolean;
  /** Concepts of the glossary terms the query contains that cover this word. */
  concepts: string[];
  /** Narrower concepts of those: they match too, a little lower. */
  narrower: string[];
  /** The word's sound key (soundKey), for names in another script or spelling; null when too short. */
  nameKey: string | null;
}

/**
 * The search document of a record: its texts in the 'simple' configuration (exact words, any script) and
 * stemmed by the russian configuration (Cyrillic words by the Russian stemmer, Latin ones by the English)
 * and the french one, all accent-folded. Weight A for names, B for other short texts, C for descriptions,
 * D for the titles of its codes (NACE classes, areas) in every language.
 */
export function searchDocument(parts: { names: string[]; other: string[]; descriptions: string[]; codes: string[] }): SQL {
  const weighted = (texts: string[], weight: 'A' | 'B' | 'C' | 'D') => {
    const text = texts.join(' \n ');
    return sql`setweight(to_tsvector('simple', unaccent(${text}::text)) || to_tsvector('russian', unaccent(${text}::text)) || to_tsvector('french', unaccent(${text}::text)), ${weight}::"char")`;
  };
  return sql`(${weighted(parts.names, 'A')} || ${weighted(parts.other, 'B')} || ${weighted(parts.descriptions, 'C')} || ${weighted(parts.codes, 'D')})`;
}

/**
 * A word as a tsquery: by prefix as written (so "Obni" finds Obninsk) or by its Russian, English or French
 * stem. The word goes in as a bound parameter; words hold only letters and digits, so the ':*' suffix
 * cannot inject tsquery syntax.
 */
export function wordQuery(word: string): SQL {
  return sql`(to_tsquery('simple', unaccent(${word}::text) || ':*') || plainto_tsquery('russian', unaccent(${word}::text)) || plainto_tsquery('french', unaccent(${word}::text)))`;
}

/** All words as one tsquery, any of them: what text ranking and the keyword part of a match weigh. */
export function anyWordQuery(words: string[]): SQL {
  return sql`(${sql.join(
    words.map((w) => wordQuery(w)),
    sql` || `,
  )})`;
}
