// Word associations from aligned entries: the texts of one code or concept in two languages are an aligned
// pair of bags of lexemes, weighted by how closely they correspond. Translation probabilities are estimated
// both ways with IBM model 1 (model1.ts), which explains a co-occurrence by the word that best accounts for it
// ("шариковые" takes "billes", so "подшипники" keeps "roulements"); a pair's weight is the geometric mean of
// the two directions' probabilities, so a frequent word that follows everything gets little from either side.
import { estimate, type AlignedPairs } from './model1.js';
import type { VocabularyEntry } from './sources.js';
import type { Lang, Stemmer } from './stem.js';

/** Label against label: the two official titles of one code say the same thing. */
export const LABEL_WEIGHT = 1;
/** A term (a 9-digit item, a note line, a synonym) against the other language's label: looser. */
export const TERM_WEIGHT = 0.3;
/** Terms that the source pairs line by line (CN English and French lines of one code). */
export const PAIRED_TERM_WEIGHT = 0.8;

export interface AlignedEntry extends VocabularyEntry {
  /** `hs:8482`, `cpa:28.15.10`, `unesco:concept1234`: what a bridge cites. */
  via: string;
  /** The source lists this entry's terms in the same order in every language. */
  termsPaired?: boolean;
}

export interface Unit {
  source: string[];
  target: string[];
  weight: number;
  via: string;
}

export interface Association {
  target: string;
  weight: number;
  via: string;
}

export interface AssociationOptions {
  minWeight: number;
  minSupport: number;
  /** A pair below minSupport is kept when a text pair of this specificity holds it (model1.ts). */
  sureSpecificity: number;
  keep: number;
  iterations: number;
}

/** Share of entries whose text in one language holds each lexeme: the generic-word cut reads it. */
export function documentFrequencies(entries: readonly AlignedEntry[], lang: Lang, stemmer: Stemmer): Map<string, number> {
  const counts = new Map<string, number>();
  let withText = 0;
  for (const entry of entries) {
    const texts = [...(entry.labels[lang] ?? []), ...(entry.terms?.[lang] ?? [])];
    if (texts.length === 0) continue;
    withText++;
    for (const lexeme of new Set(texts.flatMap((text) => stemmer.lexemes(lang, text)))) {
      counts.set(lexeme, (counts.get(lexeme) ?? 0) + 1);
    }
  }
  for (const [lexeme, count] of counts) counts.set(lexeme, count / withText);
  return counts;
}

export function unitsOf(entries: readonly AlignedEntry[], from: Lang, to: Lang, bag: (lang: Lang, texts: string[]) => string[]): Unit[] {
  // the same pair of texts often stands at several levels (a class and its only subcategory): counted once,
  // cited by the first (broadest) entry, whose label reads best in an explanation
  const units = new Map<string, Unit>();
  const add = (source: string[], target: string[], weight: number, via: string) => {
    if (source.length === 0 || target.length === 0) return;
    const key = `${source.join(' ')}|${target.join(' ')}`;
    const known = units.get(key);
    if (!known) units.set(key, { source, target, weight, via });
    else if (known.weight < weight) known.weight = weight;
  };
  for (const entry of entries) {
    const sourceLabels = bag(from, entry.labels[from] ?? []);
    const targetLabels = bag(to, entry.labels[to] ?? []);
    add(sourceLabels, targetLabels, LABEL_WEIGHT, entry.via);
    const sourceTerms = entry.terms?.[from] ?? [];
    const targetTerms = entry.terms?.[to] ?? [];
    for (const term of sourceTerms) add(bag(from, [term]), targetLabels, TERM_WEIGHT, entry.via);
    for (const term of targetTerms) add(sourceLabels, bag(to, [term]), TERM_WEIGHT, entry.via);
    if (entry.termsPaired && sourceTerms.length === targetTerms.length) {
      sourceTerms.forEach((term, index) => add(bag(from, [term]), bag(to, [targetTerms[index]!]), PAIRED_TERM_WEIGHT, entry.via));
    }
  }
  return [...units.values()];
}

/**
 * Both directions between two languages: for each lexeme of `from` its best `to` lexemes, and back. Pairs
 * seen together less than `minSupport` (weighted) are left out, one shared title cannot tell its words
 * apart, unless that title is one word in both languages. `generic` lexemes (boilerplate) are left out of both sides before counting.
 */
export function associate(
  entries: readonly AlignedEntry[],
  languages: [Lang, Lang],
  stemmer: Stemmer,
  generic: Partial<Record<Lang, Set<string>>>,
  options: AssociationOptions,
): [Map<string, Association[]>, Map<string, Association[]>] {
  const bag = (lang: Lang, texts: string[]) =>
    [...new Set(texts.flatMap((text) => stemmer.lexemes(lang, text)))].filter((lexeme) => !generic[lang]?.has(lexeme)).sort();
  const pairs: AlignedPairs = estimate(unitsOf(entries, languages[0], languages[1], bag), options.iterations);
  const forward = new Map<string, Association[]>();
  const backward = new Map<string, Association[]>();
  const push = (map: Map<string, Association[]>, lexeme: string, association: Association) => {
    const list = map.get(lexeme);
    if (list) list.push(association);
    else map.set(lexeme, [association]);
  };
  for (let pair = 0; pair < pairs.size; pair++) {
    // two one-word labels of one concept ("Керамика" / "Céramique") need no second witness
    if (pairs.support[pair]! < options.minSupport && pairs.specificity[pair]! < options.sureSpecificity) continue;
    const weight = Math.sqrt(pairs.forward[pair]! * pairs.backward[pair]!);
    if (weight < options.minWeight) continue;
    const source = pairs.sourceLexemes[pairs.source[pair]!]!;
    const target = pairs.targetLexemes[pairs.target[pair]!]!;
    push(forward, source, { target, weight, via: pairs.via[pair]! });
    push(backward, target, { target: source, weight, via: pairs.via[pair]! });
  }
  for (const map of [forward, backward]) {
    for (const [lexeme, list] of map) {
      list.sort((a, b) => b.weight - a.weight || (a.target < b.target ? -1 : 1));
      map.set(lexeme, list.slice(0, options.keep));
    }
  }
  return [forward, backward];
}
