import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { glossaryTerms } from '../../db/schema/index.js';
import type { Database } from '../../db/client.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { RecordKind } from '../../shared/registry.js';
import { LANGUAGES } from '../../shared/languages.js';
import { termColumns, type TermRow } from '../glossary.repository.js';
import type { FeedPosition } from '../change-feed-position.js';
import { codeList, rowsSince, type RevisionPage, type RevisionRead } from '../revisions.js';
import { TEXT_SEARCH_CONFIG } from '../search-query.js';

/** What the registry's search index keeps of a record: what search matches, ranks and filters on. */
export interface IndexedRecord {
  id: string;
  published: boolean;
  kind: RecordKind;
  stage: string;
  types: string[];
  areaCodes: string[];
  regionCodes: string[];
  /** The first and last day its own date covers (YYYY-MM-DD); null without a date. */
  datedFirst: string | null;
  datedLast: string | null;
  /** The glossary concepts its texts name (glossary_concepts_of, as organisations are tagged). */
  conceptCodes: string[];
  /** Its search document as PostgreSQL writes a tsvector: see search/text-rank.ts. */
  searchVector: string;
  /** Its title as a lower-case text: ties of rank are shown in this order. */
  titleKey: string;
}

/** A result's record as its line in a result list shows it. */
export interface RecordResultRow {
  id: string;
  slug: string;
  kind: RecordKind;
  types: string[];
  stage: string;
  title: MultilingualText;
  summary: MultilingualText | null;
  commitments: MultilingualText | null;
  dated: string | null;
  areaCodes: string[];
  /** The parties' names, in their order. */
  parties: MultilingualText[];
}

/**
 * A weighted part of a record's search document from multilingual texts (jsonb): every value in the
 * 'simple' configuration (exact words, prefixes), each language's values stemmed in its own; the titles of
 * codes (weight D) stemmed only. The same shape as an organisation's document (search-query.ts).
 * `of(lang)` is the text of a language: a value, or the string_agg of several rows' values.
 */
function weighted(of: (lang: string) => SQL, weight: 'A' | 'B' | 'C' | 'D', exact = true): SQL {
  const vectors = LANGUAGES.map((lang) => sql`to_tsvector(${TEXT_SEARCH_CONFIG[lang]}::regconfig, unaccent(coalesce(${of(lang)}, '')))`);
  if (exact) vectors.unshift(sql`to_tsvector('simple', unaccent(concat_ws(' ', ${sql.join(LANGUAGES.map(of), sql`, `)})))`);
  return sql`setweight(${sql.join(vectors, sql` || `)}, ${weight}::"char")`;
}

/** The values of these jsonb texts in a language, as one text. */
const values = (texts: SQL[]) => (lang: string) => sql`concat_ws(' ', ${sql.join(texts.map((t) => sql`${t}->>${lang}::text`), sql`, `)})`;
/** The values of a jsonb text over several rows in a language, as one text. */
const aggregated = (text: SQL) => (lang: string) => sql`string_agg(${text}->>${lang}::text, ' ')`;

/** The parties' names of record r, as one weighted part (names of organisations and of named parties). */
const partyNames = sql`(select ${weighted(aggregated(sql`coalesce(o.name, np.name)`), 'B')}
  from record_parties p left join organisations o on o.id = p.organisation_id left join named_parties np on np.id = p.named_party_id
  where p.record_id = r.id)`;

/** The names of record r's areas of cooperation, stemmed only (as codes' titles in an organisation's document). */
const areaNames = sql`(select ${weighted(aggregated(sql`a.name`), 'D', false)} from areas a where a.code = any(r.area_codes))`;

/**
 * Record r's search document, built from its texts whenever it is read: the title (A), the parties' names
 * (B), the summary and the commitments (C), the areas' names (D). Built here rather than read from
 * search_vector so that every record, whoever wrote it and whenever, is matched by the same document.
 */
const recordDocument = sql`(${weighted(values([sql`r.title`]), 'A')} || coalesce(${partyNames}, ''::tsvector) || ${weighted(values([sql`r.summary`, sql`r.details->'commitments'`]), 'C')} || coalesce(${areaNames}, ''::tsvector))`;

const SEPARATOR = '\u001f';

/** What the registry's search reads from the database: records written since a position in the feed, and a page's rows. */
export class RecordSearchRepository {
  constructor(private readonly db: Database) {}

  /** The records written since a position in the feed (rowsSince), a page; unpublished ones without their texts. */
  async recordsSince(since: FeedPosition | null, page: RevisionPage): Promise<RevisionRead<IndexedRecord>> {
    const fields = [
      sql`r.id`,
      sql`r.published::text`,
      sql`r.kind`,
      sql`r.stage`,
      sql`array_to_string(r.types, ' ')`,
      sql`array_to_string(r.area_codes, ' ')`,
      sql`array_to_string(r.region_codes, ' ')`,
      sql`coalesce(r.dated_first::text, '')`,
      sql`coalesce(r.dated_last::text, '')`,
      // the document once, for its concepts and its text (two fields of one subquery's line)
      sql`case when r.published then (select concat_ws(${SEPARATOR}, array_to_string(glossary_concepts_of(d.v), ' '), d.v::text) from (select ${recordDocument} as v) d) else ${SEPARATOR} end`,
      // last, so that a separator in it could do no harm
      sql`lower(coalesce(r.title->>(r.title->>'original'), ''))`,
    ];
    const read = await rowsSince(this.db, 'record', sql`cooperation_records r`, fields, since, page);
    return {
      ...read,
      items: read.items.map(([id, published, kind, stage, types, areas, regions, first, last, concepts, vector, ...title]) => ({
        id: id!,
        published: published === 'true',
        kind: kind as RecordKind,
        stage: stage!,
        types: codeList(types),
        areaCodes: codeList(areas),
        regionCodes: codeList(regions),
        datedFirst: first || null,
        datedLast: last || null,
        conceptCodes: codeList(concepts),
        searchVector: vector ?? '',
        titleKey: title.join(SEPARATOR),
      })),
    };
  }

  /** The live terms of these concepts with their lexemes: what marks a concept's words in a result's texts. */
  async conceptTerms(conceptCodes: string[]): Promise<(TermRow & { lexemes: string[] })[]> {
    if (conceptCodes.length === 0) return [];
    const rows = await this.db
      .select({ ...termColumns, lexemes: glossaryTerms.lexemes })
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.removed, false), inArray(glossaryTerms.conceptCode, conceptCodes)))
      .orderBy(glossaryTerms.conceptCode, glossaryTerms.language, glossaryTerms.position);
    return rows as (TermRow & { lexemes: string[] })[];
  }

  /** These records as result lines show them, in the order given. */
  async inOrder(ids: string[]): Promise<RecordResultRow[]> {
    if (ids.length === 0) return [];
    const result = (await this.db.execute(sql`
      select r.id, r.slug, r.kind, r.types, r.stage, r.title, r.summary, r.details->'commitments' as commitments, r.dated,
             r.area_codes as "areaCodes",
             coalesce((select json_agg(coalesce(o.name, np.name) order by p.position)
                         from record_parties p left join organisations o on o.id = p.organisation_id
                         left join named_parties np on np.id = p.named_party_id where p.record_id = r.id), '[]'::json) as parties
        from cooperation_records r where r.id = any(${sql.param(ids)}::uuid[])`)) as unknown as { rows: RecordResultRow[] };
    const byId = new Map(result.rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }
}
