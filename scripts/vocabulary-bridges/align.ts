// Word associations from aligned entries: two texts of one code or concept in two languages are an aligned
// pair of bags of lexemes; a source lexeme s and a target lexeme t are associated by Dice's coefficient
// 2·c(s,t) / (f(s) + f(t)) over those pairs, counts weighted by how closely the two texts correspond.
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

interface Unit {
  source: string[];
  target: string[];
  weight: number;
  via: string;
}

export interface Association {
  target: string;
  dice: number;
  support: number;
  via: string;
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

function unitsOf(entries: readonly AlignedEntry[], from: Lang, to: Lang, bag: (lang: Lang, texts: string[]) => string[]): Unit[] {
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
 * For each source lexeme, its target lexemes with Dice ≥ minDice and a weighted co-occurrence ≥ minSupport,
 * best first. `generic` lexemes (too common to mean anything) are left out of both sides.
 */
export function associate(
  entries: readonly AlignedEntry[],
  from: Lang,
  to: Lang,
  stemmer: Stemmer,
  generic: { [L in Lang]?: Set<string> },
  options: { minDice: number; minSupport: number; keep: number },
): Map<string, Association[]> {
  const bag = (lang: Lang, texts: string[]) =>
    [...new Set(texts.flatMap((text) => stemmer.lexemes(lang, text)))].filter((lexeme) => !generic[lang]?.has(lexeme)).sort();
  const units = unitsOf(entries, from, to, bag);

  const sourceIds = new Map<string, number>();
  const targetIds = new Map<string, number>();
  const id = (ids: Map<string, number>, lexeme: string) => {
    let found = ids.get(lexeme);
    if (found === undefined) ids.set(lexeme, (found = ids.size));
    return found;
  };
  const sourceFrequency: number[] = [];
  const targetFrequency: number[] = [];
  const together = new Map<number, number>();
  const bestVia = new Map<number, { score: number; via: string }>();
  const PAIR = 2 ** 21;

  for (const unit of units) {
    const sources = unit.source.map((lexeme) => id(sourceIds, lexeme));
    const targets = unit.target.map((lexeme) => id(targetIds, lexeme));
    for (const s of sources) sourceFrequency[s] = (sourceFrequency[s] ?? 0) + unit.weight;
    for (const t of targets) targetFrequency[t] = (targetFrequency[t] ?? 0) + unit.weight;
    // the most specific text that holds both words explains the bridge best: a weighty pair of short texts
    const specificity = unit.weight / (sources.length * targets.length);
    for (const s of sources) {
      for (const t of targets) {
        const pair = s * PAIR + t;
        together.set(pair, (together.get(pair) ?? 0) + unit.weight);
        const best = bestVia.get(pair);
        if (!best || best.score < specificity) bestVia.set(pair, { score: specificity, via: unit.via });
      }
    }
  }

  const sourceLexemes = [...sourceIds.keys()];
  const targetLexemes = [...targetIds.keys()];
  const result = new Map<string, Association[]>();
  for (const [pair, count] of together) {
    if (count < options.minSupport) continue;
    const s = Math.floor(pair / PAIR);
    const t = pair % PAIR;
    const dice = (2 * count) / (sourceFrequency[s]! + targetFrequency[t]!);
    if (dice < options.minDice) continue;
    const lexeme = sourceLexemes[s]!;
    const list = result.get(lexeme) ?? [];
    list.push({ target: targetLexemes[t]!, dice, support: count, via: bestVia.get(pair)!.via });
    result.set(lexeme, list);
  }
  for (const [lexeme, list] of result) {
    list.sort((a, b) => b.dice - a.dice || b.support - a.support || a.target.localeCompare(b.target));
    result.set(lexeme, list.slice(0, options.keep));
  }
  return result;
}
