import { and, eq, gte, sql } from 'drizzle-orm';
import { writeCount, type Database } from '../db/client.js';
import { organisations } from '../db/schema/index.js';
import type { NameSortKeys } from '../shared/sort-key.js';
import type { FeedPosition } from './change-feed-position.js';
import { codeList, profilesSince, type OrganisationProfile, type RevisionPage, type RevisionRead } from './revisions.js';

/** What the directory index keeps of an organisation: what search matches, ranks and filters on. */
export interface IndexedOrganisation extends OrganisationProfile {
  nameKeys: string[];
  /** The search document as PostgreSQL writes a tsvector ('filtr':3A,17): see search/text-rank.ts. */
  searchVector: string;
  /** The name's sort key for each language's readers (shared/sort-key.ts). */
  sortKeys: NameSortKeys;
  /** When it was created, in microseconds since 1970 (the database's precision, so both order ties alike). */
  createdAt: number;
}

/** How close a query word's sound key must come to a name's: "Vandenbruke" passes, "агентства" for "agence" not. */
const NAME_SIMILARITY = 0.7;

/**
 * Names of a sound read at most: a sound most names share ("kompania": 622,711 of a million) took 6–9 s
 * to read in full at 1M, 0.3 s to this bound; the first ones are kept and the answer says it is cut.
 */
export const NAMES_SOUNDING_LIKE_MAX = 5000;

/**
 * How long the trigram pass may take (ms): a short sound with many near trigrams ("limoj") rechecks a
 * quarter of a million names at 1M (1.6–2.2 s) for none kept, while a typo of a common name ("obninks")
 * reads its 5,000 first names in 0.4–0.7 s. Past it the pass says nothing.
 */
const NAMES_SOUNDING_LIKE_MS = 1000;

/** PostgreSQL's SQLSTATE for a statement cancelled by statement_timeout. */
const QUERY_CANCELED = '57014';

/** What search reads from the database beside the directory index. */
export class SearchRepository {
  constructor(private readonly db: Database) {}

  /** The organisations written since a position in the feed (profilesSince), a page; unpublished ones without texts. */
  async organisationsSince(since: FeedPosition | null, page: RevisionPage): Promise<RevisionRead<IndexedOrganisation>> {
    const more = [
      sql`array_to_string(name_key_list, ' ')`,
      sql`case when published then search_vector::text else '' end`,
      sql`sort_key_ru`,
      sql`sort_key_fr`,
      sql`sort_key_en`,
      sql`(extract(epoch from created_at) * 1000000)::bigint::text`,
    ];
    const changes = await profilesSince(this.db, more, since, page);
    return {
      ...changes,
      items: changes.items.map(({ profile, more: [keys, vector, ru, fr, en, created] }) => ({
        ...profile,
        nameKeys: codeList(keys),
        searchVector: vector ?? '',
        sortKeys: { ru: ru ?? '', fr: fr ?? '', en: en ?? '' },
        createdAt: Number(created),
      })),
    };
  }

  /** Writes committed to the database when this process is its only writer (PGlite), else null: see writeCount. */
  writeCount(): number | null {
    return writeCount(this.db);
  }

  /**
   * A fingerprint of the glossary, which changes with every concept or term written, whichever process
   * wrote it: a row's xmin is the transaction that wrote it, so an insert or an update moves the sum (terms
   * are removed by a mark, never deleted). About 2,000 small rows: a fraction of a millisecond.
   */
  async glossaryVersion(): Promise<string> {
    const result = (await this.db.execute(sql`
      select (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from glossary_terms) || '/' ||
             (select count(*) || ':' || coalesce(sum(xmin::text::bigint), 0) from glossary_concepts) as version`)) as unknown as {
      rows: { version: string }[];
    };
    return result.rows[0]!.version;
  }

  /**
   * The published organisations with a name whose sound key comes close to `key`, for the fuzzy pass
   * (%> finds candidates by the trigram index at similarity ≥ 0.6; the stricter bound keeps out
   * look-alikes): at most `max` of them, `cut` when there are more; none when the pass outlasts its time
   * (a sound that vague tells no name). The trigram index is asked for even where the planner, told of
   * the limit, would rather scan the table (4 s at 1M).
   */
  async namesSoundingLike(key: string, max = NAMES_SOUNDING_LIKE_MAX): Promise<{ ids: Set<string>; cut: boolean }> {
    try {
      const rows = await this.db.transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        await tx.execute(sql.raw(`set local statement_timeout = ${NAMES_SOUNDING_LIKE_MS}`));
        return tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(
            and(
              eq(organisations.published, true),
              sql`${organisations.nameKeys} %> ${key}::text`,
              gte(sql`word_similarity(${key}::text, ${organisations.nameKeys})`, NAME_SIMILARITY),
            ),
          )
          .limit(max + 1);
      });
      return { ids: new Set(rows.slice(0, max).map((r) => r.id)), cut: rows.length > max };
    } catch (error) {
      if (sqlState(error) === QUERY_CANCELED) return { ids: new Set(), cut: false };
      throw error;
    }
  }
}

/** The SQLSTATE of a database error, from node-postgres or PGlite (drizzle may wrap it as its cause). */
function sqlState(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === 'string') return e.code;
  }
  return undefined;
}
