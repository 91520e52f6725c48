import { presentConceptRef } from '../../presenters/glossary.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { OrganisationRow } from '../../repositories/organisation.repository.js';
import type { TermRow } from '../../repositories/glossary.repository.js';
import type { Language } from '../../shared/languages.js';
import { allTexts } from '../../shared/multilingual.js';
import type { Highlight, SearchMatch, WordMatch } from '../../shared/schemas/search.js';
import type { HitWay } from './directory-index.js';
import { hasHits, highlight, marksAny } from './highlight.js';
import type { ReadQuery } from './read-query.js';

/**
 * Why each record of a result page matched: the concepts it shares with the query, with the terms of those
 * concepts as they occur in its texts, and its name and description (in the language they were written in)
 * with the query's words and those terms highlighted.
 */
export async function explainMatches(
  repos: Repositories,
  rows: OrganisationRow[],
  query: ReadQuery,
  ways: ReadonlyMap<string, (HitWay | null)[]> = new Map(),
): Promise<Map<string, SearchMatch>> {
  // nothing to explain: no statement (its terms of a long query's concepts took 12–28 ms for nothing)
  if (rows.length === 0) return new Map();
  // every term of the query's concepts (the labels of the concepts), and those found in each row, by id
  const [{ terms, found }, areas] = await Promise.all([
    repos.glossary.termsFoundIn(
      rows.map((r) => r.id),
      query.concepts,
    ),
    repos.areas.byCodes([...new Set(rows.flatMap((r) => r.areaCodes))]),
  ]);
  // a code explains a match when one of its titles holds every word of the query
  const matches = (texts: string[]) => texts.some((text) => query.wordStems.every((stems) => hasHits(highlight(text, stems))));
  const result = new Map<string, SearchMatch>();
  for (const row of rows) {
    const termIds = found.get(row.id);
    const mine = termIds ? terms.filter((t) => termIds.has(t.id)) : [];
    const stems = [...query.wordStems.flat(), ...mine.flatMap((f) => f.lexemes)];
    const highlights: Highlight[] = [];
    for (const field of ['name', 'description'] as const) {
      const text = row[field];
      const original = text?.[text.original];
      if (!text || !original) continue;
      const segments = highlight(original, stems);
      if (hasHits(segments)) highlights.push({ field, language: text.original, segments });
    }
    const codes = [...new Set(mine.map((f) => f.conceptCode))];
    const language = row.description?.original ?? row.name.original;
    const nace = row.naceClasses.flatMap((code) => repos.classifications.naceEntry(code) ?? []);
    const products = (row.productCodes ?? []).flatMap((code) => repos.classifications.products.entry(code) ?? []);
    const codeTitles = [
      ...nace.flatMap((n) => Object.values(n.title)),
      ...products.flatMap((p) => Object.values(p.title)),
      ...areas.filter((a) => row.areaCodes.includes(a.code)).flatMap((a) => allTexts(a.name)),
    ];
    result.set(row.id, {
      words: explainWords(
        query,
        ways.get(row.id),
        [row.name, row.description].flatMap((t) => (t ? allTexts(t) : [])),
        codeTitles,
        repos,
      ),
      highlights,
      areas: areas.filter((a) => row.areaCodes.includes(a.code) && matches(allTexts(a.name))).map((a) => ({ code: a.code, name: a.name })),
      nace: row.naceClasses.flatMap((code) => {
        const entry = repos.classifications.naceEntry(code);
        return entry && matches(Object.values(entry.title)) ? [{ code, title: entry.title }] : [];
      }),
      reasons: codes.map((code) => ({
        concept: presentConceptRef(code, terms),
        found: foundTerms(
          mine.filter((f) => f.conceptCode === code),
          language,
        ),
      })),
    });
  }
  return result;
}

/**
 * Each required word and how the record matched it. A text match that is neither in its own texts (an
 * organisation's name and description, a registry record's title, summary and parties) was in the title of
 * one of its codes (NACE class, area): said so, as that is what a reader would look for.
 */
export function explainWords(
  query: ReadQuery,
  ways: (HitWay | null)[] | undefined,
  ownTexts: string[],
  codeTitles: string[],
  repos: Repositories,
): WordMatch[] {
  let marksOwn: ((stems: string[]) => boolean) | undefined;
  let marksCode: ((stems: string[]) => boolean) | undefined;
  return query.required.map((word, i) => {
    const hit = ways?.[i] ?? null;
    if (!hit) return { word, way: null };
    if (hit.way === 'bridge') {
      const source = hit.bridge?.via ?? 'vocabulary';
      const label = repos.bridges?.label(source);
      // the record's own word the translation met, as it is written there: what a reader recognises; a
      // translation met only in a code's or product's title is said to be there
      const term = hit.bridge ? firstHit(ownTexts, [hit.bridge.lexeme]) : undefined;
      if (!term && hit.bridge && firstHit(codeTitles, [hit.bridge.lexeme])) return { word, way: 'code' };
      return { word, way: 'translation', via: { source, ...(label ? { label } : {}), ...(term ? { term } : {}) } };
    }
    if (hit.way !== 'text') return { word, way: hit.way };
    const stems = query.wordStems[i]!;
    const inOwn = (marksOwn ??= marksAny(ownTexts))(stems);
    const inCode = !inOwn && (marksCode ??= marksAny(codeTitles))(stems);
    return { word, way: inCode ? 'code' : 'text' };
  });
}

/** The first word of these texts that the stems mark, as written. */
function firstHit(texts: string[], stems: string[]): string | undefined {
  for (const text of texts) {
    const hit = highlight(text, stems).find((segment) => segment.hit);
    if (hit) return hit.text;
  }
  return undefined;
}

const FOUND_TERMS_SHOWN = 3;

/** A concept's terms found in a record, those of the record's own language first, one per stem set. */
function foundTerms(terms: (TermRow & { lexemes: string[] })[], language: Language): { language: Language; term: string }[] {
  const seen = new Set<string>();
  return [...terms]
    .sort((a, b) => Number(b.language === language) - Number(a.language === language) || a.position - b.position)
    .filter((t) => {
      const key = [...t.lexemes].sort().join(' ');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, FOUND_TERMS_SHOWN)
    .map((t) => ({ language: t.language, term: t.term }));
}
