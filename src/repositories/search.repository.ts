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
