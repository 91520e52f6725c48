import { and, eq, gte, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations } from '../db/schema/index.js';
import { profilesSince, type OrganisationProfile, type RevisionPage } from './revisions.js';

/** What the directory index keeps of an organisation: what search matches, ranks and filters on. */
export interface IndexedOrganisation extends OrganisationProfile {
  nameKeys: string[];
  /** The search document as PostgreSQL writes a tsvector ('filtr':3A,17): read it with readSearchVector. */
  searchVector: string;
}

export interface IndexedOrganisationChanges {
  organisations: IndexedOrganisation[];
  horizon: number;
}

/** How close a query word's sound key must come to a name's: "Vandenbruke" passes, "агентства" for "agence" not. */
const NAME_SIMILARITY = 0.7;

/** What search reads from the database beside the directory index. */
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /** The organisations written since the horizon (profilesSince), a page; unpublished ones without texts. */
  async organisationsSince(horizon: number, page: RevisionPage): Promise<IndexedOrganisationChanges> {
    const more = [sql`array_to_string(name_key_list, ' ')`, sql`case when published then search_vector::text else '' end`];
    const changes = await profilesSince(this.db, more, horizon, page);
    return {
      horizon: changes.horizon,
      organisations: changes.read.map(({ profile, more: [keys, vector] }) => ({
        ...profile,
        nameKeys: keys ? keys.split(' ') : [],
        searchVector: vector ?? '',
      })),
    };
  }

  /**
   * Published organisations with a name close to the sound key by trigrams, for the fuzzy pass (%> finds
   * candidates by the trigram index at similarity ≥ 0.6; the stricter bound keeps out look-alikes).
   */
  async namesSoundingLike(key: string): Promise<Set<string>> {
    const rows = await this.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        and(
          eq(organisations.published, true),
          sql`${organisations.nameKeys} %> ${key}::text`,
          gte(sql`word_similarity(${key}::text, ${organisations.nameKeys})`, NAME_SIMILARITY),
        ),
      );
    return new Set(rows.map((r) => r.id));
  }
}

/**
 * Visits the lexemes of a tsvector's text ("'filtr':3A,17 'it''s':2B"), each with its positions' weights in
 * position order ("AD"): A, B or C after a position, D when none. Quotes and backslashes inside a lexeme
 * come doubled. A visitor, not a list: 100,000 documents hold four million lexemes.
 */
export function readSearchVector(text: string, visit: (lexeme: string, weights: string) => void): void {
  let i = text.indexOf("'");
  while (i >= 0 && i < text.length) {
    let end = text.indexOf("'", i + 1);
    let lexeme = text.slice(i + 1, end);
    if (text[end + 1] === "'" || lexeme.includes('\\')) {
      // the rare lexeme with a quote or a backslash: read character by character
      lexeme = '';
      for (end = i + 1; end < text.length; end++) {
        const c = text[end]!;
        if (c === '\\' || (c === "'" && text[end + 1] === "'")) lexeme += text[++end];
        else if (c === "'") break;
        else lexeme += c;
      }
    }
    i = end + 1;
    let weights = '';
    if (text[i] === ':') {
      for (i++; i < text.length && text[i] !== ' '; i++) {
        const c = text[i]!;
        // a weight letter follows its position's digits; a position without one weighs D
        if (c === 'A' || c === 'B' || c === 'C') weights += c;
        else if (c !== ',' && (i + 1 === text.length || text[i + 1] === ',' || text[i + 1] === ' ')) weights += 'D';
      }
    } else weights = 'D';
    visit(lexeme, weights);
    i = text.indexOf("'", i);
  }
}
