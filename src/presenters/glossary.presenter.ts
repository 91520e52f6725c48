import type { ConceptRow, TermRow } from '../repositories/glossary.repository.js';
import type { Concept } from '../shared/schemas/glossary.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { ConceptRef } from '../shared/schemas/search.js';

/** A concept's label: its first term in each language; English counts as the original when there is one. */
export function conceptLabel(code: string, terms: TermRow[]): MultilingualText {
  const label: MultilingualText = { original: 'en' };
  for (const t of terms.filter((x) => x.conceptCode === code).sort((a, b) => a.position - b.position)) label[t.language] ??= t.term;
  if (!label.en) label.original = label.fr ? 'fr' : label.ru ? 'ru' : 'en';
  if (!label.en && !label.fr && !label.ru) label.en = code;
  return label;
}

export function presentConceptRef(code: string, terms: TermRow[]): ConceptRef {
  return { code, label: conceptLabel(code, terms) };
}

export function presentConcept(concept: ConceptRow, terms: TermRow[]): Concept {
  const own = terms.filter((t) => t.conceptCode === concept.code);
  return {
    code: concept.code,
    label: conceptLabel(concept.code, own),
    broader: concept.broader,
    broaderConcepts: concept.broader.map((code) => presentConceptRef(code, terms)),
    naceClasses: concept.naceClasses,
    source: concept.source,
    terms: own.map((t) => ({ id: t.id, language: t.language, term: t.term, source: t.source })),
    version: concept.version,
  };
}
