// Stems texts with the same PostgreSQL text-search configurations and accent folding as the records'
// search documents (src/repositories/search-query.ts), so a bridge's lexemes are the ones a search meets.
import { PGlite } from '@electric-sql/pglite';
import { PGLITE_EXTENSIONS } from '../../src/db/client.js';
import { TEXT_SEARCH_CONFIG } from '../../src/repositories/search-query.js';

export type Lang = 'ru' | 'fr' | 'en';
export const LANGS: readonly Lang[] = ['ru', 'fr', 'en'];

/** Texts sent in one statement: large enough to amortise a round trip, small enough for one JSON parameter. */
const BATCH = 2000;

/** A lexeme worth bridging: letters of the language's script, no digits (codes, sizes), two letters or more. */
const SCRIPT: Record<Lang, RegExp> = {
  ru: /^[а-яё][а-яё-]+$/u,
  fr: /^[a-z][a-z-]+$/u,
  en: /^[a-z][a-z-]+$/u,
};

export class Stemmer {
  private readonly cache = new Map<string, string[]>();

  private constructor(private readonly client: PGlite) {}

  static async open(): Promise<Stemmer> {
    const client = await PGlite.create(undefined, { extensions: PGLITE_EXTENSIONS });
    await client.exec('create extension if not exists unaccent');
    return new Stemmer(client);
  }

  /** Stems every text not stemmed yet, in batches; `lexemes` then answers from memory. */
  async prepare(lang: Lang, texts: Iterable<string>): Promise<void> {
    const pending = [...new Set([...texts].filter((text) => !this.cache.has(key(lang, text))))];
    for (let start = 0; start < pending.length; start += BATCH) {
      const batch = pending.slice(start, start + BATCH);
      const result = await this.client.query<{ lexemes: string[] }>(
        `select tsvector_to_array(to_tsvector($1::regconfig, unaccent(u.t))) as lexemes
           from json_array_elements_text($2::json) with ordinality as u(t, i) order by u.i`,
        [TEXT_SEARCH_CONFIG[lang], JSON.stringify(batch)],
      );
      result.rows.forEach((row, index) => {
        this.cache.set(
          key(lang, batch[index]!),
          row.lexemes.filter((lexeme) => SCRIPT[lang].test(lexeme)),
        );
      });
    }
  }

  /** The lexemes of a text stemmed by `prepare`, as a record's text would be indexed. */
  lexemes(lang: Lang, text: string): string[] {
    const found = this.cache.get(key(lang, text));
    if (!found) throw new Error(`text not prepared for ${lang}: ${text.slice(0, 60)}`);
    return found;
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

const key = (lang: Lang, text: string) => `${lang}\u0000${text}`;
