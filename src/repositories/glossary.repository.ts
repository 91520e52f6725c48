import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { glossaryConcepts, glossaryTerms, organisations, type GlossarySource } from '../db/schema/index.js';
import { LANGUAGES, type Language } from '../shared/languages.js';
import { TEXT_SEARCH_CONFIG } from './search-query.js';

export type ConceptRow = typeof glossaryConcepts.$inferSelect;

export interface TermRow {
  id: string;
  conceptCode: string;
  language: Language;
  term: string;
  position: number;
  source: GlossarySource;
}

export interface NewTerm {
  conceptCode: string;
  language: Language;
  term: string;
  position: number;
  source: GlossarySource;
  createdBy?: string | null;
}

/** What the glossary makes of one query word. */
export interface WordAnalysis {
  word: string;
  /** A stop word of the Russian, French or English configuration. */
  stop: boolean;
  /** Concepts of the glossary terms found in the query that cover this word. */
  concepts: string[];
  /** Concepts narrower than those, following `broader` links down. */
  narrower: string[];
  /** The word's lexemes, accents folded: as written ('simple'), and stemmed by the Russian and French configurations. */
  written: string[];
  russian: string[];
  french: string[];
}

/** The terms of some concepts, and which of them each of some organisations' texts contain (by term id). */
export interface TermsFound {
  terms: (TermRow & { lexemes: string[] })[];
  found: Map<string, Set<string>>;
}

/** A term's text-search configuration, chosen in SQL from its language's (TEXT_SEARCH_CONFIG). */
const configOf = (language: SQL) =>
  sql`(case ${language} ${sql.raw(LANGUAGES.map((l) => `when '${l}' then '${TEXT_SEARCH_CONFIG[l]}'`).join(' '))} end)::regconfig`;

/** The query document of a text, the same as a record's (search-query.ts) without weights. */
const queryDocument = (text: SQL) =>
  sql`(to_tsvector('simple', unaccent(${text})) || to_tsvector('russian', unaccent(${text})) || to_tsvector('french', unaccent(${text})))`;

export const termColumns = {
  id: glossaryTerms.id,
  conceptCode: glossaryTerms.conceptCode,
  language: glossaryTerms.language,
  term: glossaryTerms.term,
  position: glossaryTerms.position,
  source: glossaryTerms.source,
};

/** The trilingual concept glossary and the concept tags it puts on organisations. */
export class GlossaryRepository {
  constructor(private readonly db: Database) {}

  concepts(): Promise<ConceptRow[]> {
    return this.db.select().from(glossaryConcepts).orderBy(asc(glossaryConcepts.code));
  }

  async concept(code: string): Promise<ConceptRow | undefined> {
    const [row] = await this.db.select().from(glossaryConcepts).where(eq(glossaryConcepts.code, code));
    return row;
  }

  /** The live terms of these concepts (all when null), by concept, language and position. */
  terms(conceptCodes: string[] | null): Promise<TermRow[]> {
    if (conceptCodes?.length === 0) return Promise.resolve([]);
    return this.db
      .select(termColumns)
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.removed, false), conceptCodes ? inArray(glossaryTerms.conceptCode, conceptCodes) : undefined))
      .orderBy(
        asc(glossaryTerms.conceptCode),
        asc(glossaryTerms.language),
        asc(glossaryTerms.position),
        asc(glossaryTerms.term),
      ) as Promise<TermRow[]>;
  }

  async term(id: string): Promise<(TermRow & { removed: boolean }) | undefined> {
    const [row] = await this.db
      .select({ ...termColumns, removed: glossaryTerms.removed })
      .from(glossaryTerms)
      .where(eq(glossaryTerms.id, id));
    return row as (TermRow & { removed: boolean }) | undefined;
  }

  /** Concepts whose code or live terms contain the text, accents and case folded. */
  async conceptCodesMatching(text: string): Promise<string[]> {
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const rows = await this.db
      .selectDistinct({ code: glossaryTerms.conceptCode })
      .from(glossaryTerms)
      .where(
        and(
          eq(glossaryTerms.removed, false),
          sql`(unaccent(${glossaryTerms.term}) ilike unaccent(${pattern}::text) or ${glossaryTerms.conceptCode} ilike ${pattern})`,
        ),
      );
    return rows.map((r) => r.code).sort();
  }

  async insertConcepts(rows: { code: string; broader: string[]; naceClasses: string[]; source: GlossarySource }[]): Promise<number> {
    if (rows.length === 0) return 0;
    const inserted = await this.db
      .insert(glossaryConcepts)
      .values(rows)
      .onConflictDoNothing({ target: glossaryConcepts.code })
      .returning({ code: glossaryConcepts.code });
    return inserted.length;
  }

  /** Every term the shipped glossary brought, removed ones included, as "concept language term" keys. */
  async shippedTermKeys(): Promise<Set<string>> {
    const rows = await this.db
      .select({ c: glossaryTerms.conceptCode, l: glossaryTerms.language, t: glossaryTerms.term })
      .from(glossaryTerms)
      .where(eq(glossaryTerms.source, 'shipped'));
    return new Set(rows.map((r) => `${r.c} ${r.l} ${r.t}`));
  }

  /** The number of terms, removed ones included, that a concept has in one language: the next position. */
  async termCount(conceptCode: string, language: Language): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.conceptCode, conceptCode), eq(glossaryTerms.language, language)));
    return row?.n ?? 0;
  }

  /**
   * Inserts terms that are not there yet (a removed term counts as there), each compiled to a phrase query
   * in its language's configuration. Terms without a searchable word ("the") are skipped, so a term missing
   * from the result was either there already or not searchable. Returns the inserted terms' ids.
   */
  async insertTerms(rows: NewTerm[]): Promise<string[]> {
    if (rows.length === 0) return [];
    const result = (await this.db.execute(sql`
      insert into glossary_terms (concept_code, language, term, position, query, lexemes, key_lexeme, source, created_by)
      select x.c, x.l, x.t, x.p, phraseto_tsquery(${configOf(sql`x.l`)}, unaccent(x.t)), v.lexemes, v.lexemes[1], x.s, x.u
      from unnest(${sql.param(rows.map((r) => r.conceptCode))}::text[], ${sql.param(rows.map((r) => r.language))}::text[], ${sql.param(rows.map((r) => r.term))}::text[],
                  ${sql.param(rows.map((r) => r.position))}::int[], ${sql.param(rows.map((r) => r.source))}::text[], ${sql.param(rows.map((r) => r.createdBy ?? null))}::uuid[])
           as x(c, l, t, p, s, u)
      cross join lateral (select tsvector_to_array(to_tsvector(${configOf(sql`x.l`)}, unaccent(x.t))) as lexemes) v
      where cardinality(v.lexemes) > 0
      on conflict (concept_code, language, term) do nothing
      returning id`)) as unknown as { rows: { id: string }[] };
    return result.rows.map((r) => r.id);
  }

  /**
   * Moves a concept's version on, before a change to its terms; with an expected version, only if it is
   * still at it (in the same statement). The new version, or null when someone else changed it first. The
   * row stays locked until the transaction ends, so changes to one concept's terms go one at a time.
   */
  async moveConceptVersion(code: string, expected: number | null): Promise<number | null> {
    const [row] = await this.db
      .update(glossaryConcepts)
      .set({ version: sql`${glossaryConcepts.version} + 1` })
      .where(and(eq(glossaryConcepts.code, code), expected === null ? undefined : eq(glossaryConcepts.version, expected)))
      .returning({ version: glossaryConcepts.version });
    return row?.version ?? null;
  }

  async removeTerm(id: string): Promise<void> {
    await this.db.update(glossaryTerms).set({ removed: true }).where(eq(glossaryTerms.id, id));
  }

  async restoreTerm(id: string, position: number, createdBy: string | null): Promise<void> {
    await this.db.update(glossaryTerms).set({ removed: false, position, createdBy }).where(eq(glossaryTerms.id, id));
  }

  async findTerm(conceptCode: string, language: Language, term: string): Promise<(TermRow & { removed: boolean }) | undefined> {
    const [row] = await this.db
      .select({ ...termColumns, removed: glossaryTerms.removed })
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.conceptCode, conceptCode), eq(glossaryTerms.language, language), eq(glossaryTerms.term, term)));
    return row as (TermRow & { removed: boolean }) | undefined;
  }

  /**
   * Reads a query through the glossary in one round trip: for each word, whether it is a stop word, its
   * stems, the concepts of the terms found in the whole query that cover it (a term covers the words whose
   * stems it shares: "фильтрующие материалы" covers both words), and the concepts narrower than those.
   */
  async analyseQuery(words: string[]): Promise<WordAnalysis[]> {
    if (words.length === 0) return [];
    const wordVector = sql`(to_tsvector('russian', unaccent(w.word)) || to_tsvector('french', unaccent(w.word)))`;
    const result = (await this.db.execute(sql`
      with recursive w as (select x.word, x.i from unnest(${sql.param(words)}::text[]) with ordinality as x(word, i)),
      qv as materialized (select d.v, tsvector_to_array(d.v) as lexemes from (select ${queryDocument(sql`${words.join(' ')}::text`)} as v) d),
      hits as materialized (
        select t.concept_code, t.lexemes from qv join glossary_terms t on t.key_lexeme = any(qv.lexemes)
        where not t.removed and qv.v @@ t.query
      ),
      below(root, code) as (
        select distinct h.concept_code, h.concept_code from hits h
        union
        select b.root, c.code from below b join glossary_concepts c on b.code = any(c.broader)
      ),
      covered as (
        select w.i, w.word, coalesce((select array_agg(distinct h.concept_code order by h.concept_code) from hits h
                  where h.lexemes && tsvector_to_array(${wordVector})), '{}') as concepts
        from w
      )
      select w.word,
        (numnode(plainto_tsquery('russian', unaccent(w.word))) = 0 or numnode(plainto_tsquery('french', unaccent(w.word))) = 0) as stop,
        c.concepts,
        coalesce((select array_agg(distinct b.code order by b.code) from below b
                  where b.root = any(c.concepts) and not b.code = any(c.concepts)), '{}') as narrower,
        tsvector_to_array(to_tsvector('simple', unaccent(w.word))) as written,
        tsvector_to_array(to_tsvector('russian', unaccent(w.word))) as russian,
        tsvector_to_array(to_tsvector('french', unaccent(w.word))) as french
      from w join covered c on c.i = w.i order by w.i`)) as unknown as { rows: WordAnalysis[] };
    return result.rows;
  }

  /**
   * The live terms of these concepts with their lexemes, by concept, language and position (as terms());
   * and for each of these organisations, the ids of those terms that its texts contain. One statement of
   * text lines: PGlite hands rows over field by field, which doubled the time of these reads.
   */
  async termsFoundIn(organisationIds: string[], conceptCodes: string[]): Promise<TermsFound> {
    const found: TermsFound = { terms: [], found: new Map() };
    if (conceptCodes.length === 0) return found;
    const result = (await this.db.execute(sql`
      with q as materialized (select * from glossary_terms where not removed and concept_code = any(${sql.param(conceptCodes)}::text[])),
      o as materialized (
        select d.id, d.concept_codes, d.own, tsvector_to_array(d.own) as lexemes
        from (select id, concept_codes, ts_filter(search_vector, '{a,b,c}') as own from ${organisations}
              where id = any(${sql.param(organisationIds)}::uuid[])) d
      )
      (select 'term|' || concat_ws('|', id, concept_code, language, position, source, array_to_string(lexemes, ' '), term) as line
       from q order by concept_code, language, position, term)
      union all
      -- each organisation meets only the terms keyed by one of its lexemes: a few hundred phrase tests a page
      (select 'found|' || o.id::text || ' ' || string_agg(t.id::text, ' ')
       from o cross join lateral unnest(o.lexemes) l(lexeme) join q t on t.key_lexeme = l.lexeme
       where t.concept_code = any(o.concept_codes) and o.own @@ t.query
       group by o.id)`)) as unknown as { rows: { line: string }[] };
    for (const { line } of result.rows) {
      if (line.startsWith('found|')) {
        const [id, ...terms] = line.slice('found|'.length).split(' ');
        found.found.set(id!, new Set(terms));
        continue;
      }
      const [, id, conceptCode, language, position, source, lexemes, ...term] = line.split('|');
      found.terms.push({
        id: id!,
        conceptCode: conceptCode!,
        language: language as Language,
        position: Number(position),
        source: source as GlossarySource,
        lexemes: lexemes ? lexemes.split(' ') : [],
        // the term is last: a "|" in it stays
        term: term.join('|'),
      });
    }
    return found;
  }

  /**
   * Re-tags the organisations a glossary change can affect: those whose texts match one of these terms,
   * and those tagged with one of these concepts. Returns how many organisations' tags changed.
   */
  async retag(scope: { termIds: string[]; conceptCodes: string[] }): Promise<number> {
    const ways: SQL[] = [];
    // one condition per term, so that each can use the search index
    for (const id of scope.termIds) ways.push(sql`o.search_vector @@ (select t.query from glossary_terms t where t.id = ${id}::uuid)`);
    if (scope.conceptCodes.length > 0) ways.push(sql`o.concept_codes && ${sql.param(scope.conceptCodes)}::text[]`);
    if (ways.length === 0) return 0;
    return this.updateTags(sql`(${sql.join(ways, sql` or `)})`);
  }

  /** Re-tags every organisation (after the shipped glossary changed, or on request). */
  retagAll(): Promise<number> {
    return this.updateTags(sql`true`);
  }

  private async updateTags(where: SQL): Promise<number> {
    const result = (await this.db.execute(sql`
      with changed as (
        select o.id, glossary_concepts_of(o.search_vector) as codes from ${organisations} o where ${where}
      )
      update ${organisations} o set concept_codes = changed.codes from changed
      where o.id = changed.id and o.concept_codes is distinct from changed.codes
      returning o.id`)) as unknown as { rows: unknown[] };
    return result.rows.length;
  }
}
