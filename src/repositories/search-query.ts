import { sql, type SQL } from 'drizzle-orm';

const MAX_WORDS = 12;

/** The words of a query: runs of letters and digits in any script. Everything else is a separator. */
export function queryWords(q: string): string[] {
  return (q.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, MAX_WORDS);
}

/**
 * The search document of a record: its texts in the 'simple' configuration (exact words, any script) and
 * stemmed by the russian configuration (Cyrillic words by the Russian stemmer, Latin ones by the English)
 * and the french one, all accent-folded. Weight A for names, C for descriptions.
 */
export function searchDocument(parts: { names: string[]; other: string[]; descriptions: string[] }): SQL {
  const weighted = (texts: string[], weight: 'A' | 'B' | 'C') => {
    const text = texts.join(' \n ');
    return sql`setweight(to_tsvector('simple', unaccent(${text}::text)) || to_tsvector('russian', unaccent(${text}::text)) || to_tsvector('french', unaccent(${text}::text)), ${weight}::"char")`;
  };
  return sql`(${weighted(parts.names, 'A')} || ${weighted(parts.other, 'B')} || ${weighted(parts.descriptions, 'C')})`;
}

/**
 * A tsquery that every word must match: by prefix as written (so "Obni" finds Obninsk) or by its
 * Russian, English or French stem. Each word goes in as a bound parameter; words hold only letters and
 * digits, so the ':*' suffix cannot inject tsquery syntax.
 */
export function searchQuery(words: string[]): SQL {
  const perWord = words.map(
    (w) =>
      sql`(to_tsquery('simple', unaccent(${w}::text) || ':*') || plainto_tsquery('russian', unaccent(${w}::text)) || plainto_tsquery('french', unaccent(${w}::text)))`,
  );
  return sql`(${sql.join(perWord, sql` && `)})`;
}
