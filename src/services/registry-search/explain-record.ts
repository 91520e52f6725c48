import { presentConceptRef } from '../../presenters/glossary.presenter.js';
import type { RecordExplanation } from '../../presenters/registry-search.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { RecordResultRow } from '../../repositories/registry/record-search.repository.js';
import { allTexts, type MultilingualText } from '../../shared/multilingual.js';
import type { HitWay } from '../search/directory-index.js';
import { explainWords } from '../search/explain-matches.js';
import { highlight, marksAny } from '../search/highlight.js';
import type { ReadQuery } from '../search/read-query.js';

/** A multilingual text in its original language with the stems marked; null when it has none. */
function marked(text: MultilingualText | null, stems: string[]) {
  const original = text?.[text.original];
  return text && original ? { language: text.original, segments: highlight(original, stems) } : null;
}

/**
 * Why each record of a result page matched, as the directory says it of organisations (explain-matches.ts):
 * how it matched each word (its text, a code's title, a concept, a translation and the record's word it
 * met), the concepts it shares with the query, and its title and summary with the words marked.
 */
export async function explainRecords(
  repos: Repositories,
  rows: RecordResultRow[],
  query: ReadQuery,
  hits: ReadonlyMap<string, { ways: (HitWay | null)[]; concepts: string[] }>,
): Promise<Map<string, RecordExplanation>> {
  const concepts = [...new Set([...hits.values()].flatMap((h) => h.concepts))];
  const [terms, areas] = await Promise.all([
    repos.recordSearch.conceptTerms(concepts),
    repos.areas.byCodes([...new Set(rows.flatMap((r) => r.areaCodes))]),
  ]);
  const result = new Map<string, RecordExplanation>();
  for (const row of rows) {
    const hit = hits.get(row.id);
    const own = [row.title, row.summary, row.commitments, ...row.parties].flatMap(allTexts);
    // the query's words, and the words of its concepts' terms that the record's texts hold (every word of a term)
    const shared = new Set(hit?.concepts ?? []);
    const marks = marksAny(own);
    const holds = (lexeme: string) => marks([lexeme]);
    const found = terms.filter((term) => shared.has(term.conceptCode) && term.lexemes.every(holds));
    const stems = [...query.wordStems.flat(), ...found.flatMap((term) => term.lexemes)];
    const codeTitles = areas.filter((a) => row.areaCodes.includes(a.code)).flatMap((a) => allTexts(a.name));
    // a summary that does not say the words, but commitments that do: those are shown
    const summary = marked(row.summary, stems);
    const commitments = marked(row.commitments, stems);
    const shown =
      summary?.segments.some((s) => s.hit) || !commitments?.segments.some((s) => s.hit) ? (summary ?? commitments) : commitments;
    result.set(row.id, {
      words: explainWords(query, hit?.ways, own, codeTitles, repos),
      concepts: (hit?.concepts ?? []).map((code) => presentConceptRef(code, terms)),
      title: marked(row.title, stems) ?? { language: row.title.original, segments: [{ text: '', hit: false }] },
      summary: shown,
    });
  }
  return result;
}
