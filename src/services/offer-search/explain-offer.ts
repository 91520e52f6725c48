import { presentConceptRef } from '../../presenters/glossary.presenter.js';
import type { OfferMatchReason, OfferSummaryRow } from '../../presenters/offer.presenter.js';
import type { Repositories } from '../../repositories/index.js';
import type { OfferExplainedRow } from '../../repositories/offers/offer-search.repository.js';
import { foldText } from '../../shared/classification-codes.js';
import type { Language } from '../../shared/languages.js';
import { allTexts, resolveText, type MultilingualText } from '../../shared/multilingual.js';
import type { HitWay } from '../search/directory-index.js';
import { explainWords } from '../search/explain-matches.js';
import { marksAny } from '../search/highlight.js';
import type { ReadQuery } from '../search/read-query.js';

const inLanguage = (text: MultilingualText | Partial<Record<Language, string>> | undefined, lang: Language) =>
  text ? (resolveText({ original: 'en', ...text } as MultilingualText, lang)?.text ?? '') : '';

/** The words of a name, folded: what an explanation of an anonymous offer must not quote. */
const nameWords = (name: MultilingualText) => new Set(allTexts(name).flatMap((t) => foldText(t).match(/[\p{L}\p{N}]+/gu) ?? []));

/**
 * Why each offer of a result page matched, in the reader's language: each word of the query it met (as
 * typed, or through a translation, with the offer's own word it met), the glossary concepts it shares
 * with the query (their labels in the reader's language), and the codes (NACE class, product, area) whose
 * titles hold a word. Built from the offer's own texts and codes only: never from its owner. When the
 * owner is hidden from the reader, an offer's word that is also a word of the owner's name is not quoted.
 */
export async function explainOffers(
  repos: Repositories,
  rows: OfferSummaryRow[],
  shown: ReadonlyMap<string, boolean>,
  query: ReadQuery,
  hits: ReadonlyMap<string, { ways: (HitWay | null)[]; concepts: string[] }>,
  lang: Language,
): Promise<Map<string, OfferMatchReason[]>> {
  const result = new Map<string, OfferMatchReason[]>();
  if (query.required.length === 0 || rows.length === 0) {
    for (const row of rows) result.set(row.id, []);
    return result;
  }
  const concepts = [...new Set([...hits.values()].flatMap((h) => h.concepts))];
  const [terms, areas, explained] = await Promise.all([
    repos.recordSearch.conceptTerms(concepts),
    repos.areas.byCodes([...new Set(rows.flatMap((r) => r.areaCodes))]),
    repos.offerSearch.explained(rows.map((r) => r.id)),
  ]);
  const more = new Map<string, OfferExplainedRow>(explained.map((e) => [e.id, e]));
  for (const row of rows) {
    const hit = hits.get(row.id);
    const extra = more.get(row.id);
    const own = [row.title, row.summary, extra?.description ?? null, extra?.partnerRole ?? null].flatMap(allTexts);
    const codes: { kind: 'nace' | 'product' | 'area'; text: string; titles: string[] }[] = [
      ...(extra?.naceCodes ?? []).flatMap((code) => {
        const entry = repos.classifications.naceEntry(code);
        return entry
          ? [{ kind: 'nace' as const, text: `${code} ${inLanguage(entry.title, lang)}`, titles: Object.values(entry.title) }]
          : [];
      }),
      ...(extra?.productCodes ?? []).flatMap((code) => {
        const entry = repos.classifications.products.entry(code);
        return entry
          ? [
              {
                kind: 'product' as const,
                text: `${code.replace(/^[a-z]+:/, '')} ${inLanguage(entry.title, lang)}`,
                titles: Object.values(entry.title),
              },
            ]
          : [];
      }),
      ...areas
        .filter((a) => row.areaCodes.includes(a.code))
        .map((a) => ({ kind: 'area' as const, text: inLanguage(a.name, lang), titles: allTexts(a.name) })),
    ];
    const hidden = shown.get(row.id) === false ? nameWords(row.organisation.name) : null;
    const words = explainWords(
      query,
      hit?.ways,
      own,
      codes.flatMap((c) => c.titles),
      repos,
    );
    const reasons: OfferMatchReason[] = [];
    const add = (reason: OfferMatchReason) => {
      if (!reasons.some((r) => r.kind === reason.kind && r.text === reason.text)) reasons.push(reason);
    };
    words.forEach((match, i) => {
      if (match.way === null) return;
      if (match.way === 'code') {
        const stems = query.wordStems[i]!;
        const code = codes.find((c) => marksAny(c.titles)(stems));
        add(code ? { kind: code.kind, text: code.text.trim() } : { kind: 'word', text: match.word });
        return;
      }
      if (match.way === 'translation') {
        const term = match.via?.term;
        const quotable = term && !(hidden && hidden.has(foldText(term)));
        add({ kind: 'word', text: quotable ? `${match.word} → ${term}` : match.word });
        return;
      }
      if (match.way === 'concept') return; // said by the concept's own reason below
      add({ kind: 'word', text: match.word });
    });
    for (const code of hit?.concepts ?? []) {
      const label = presentConceptRef(code, terms).label;
      add({ kind: 'concept', text: inLanguage(label, lang) || code });
    }
    result.set(row.id, reasons);
  }
  return result;
}
