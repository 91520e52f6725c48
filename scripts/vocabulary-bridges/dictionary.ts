// Word pairs from the fr→ru dictionary (FreeDict/WikDict, from Wiktionary), read both ways. A headword and a
// translation that are one lexeme each make a pair; their weight is Dice's coefficient on the dictionary's
// own graph, 2 / (translations of the French lexeme + French lexemes of the Russian one), so a word with
// one translation that no other word shares is nearly certain and a homograph with many senses is not.
import type { Association } from './align.js';
import type { VocabularyEntry } from './sources.js';
import type { Stemmer } from './stem.js';

/**
 * The weight of a headword's only translation. Wiktionary gives the everyday senses first ("rouler" →
 * "ездить" for the stem of "roulement"), so a pair the product classifications make with some confidence
 * should outrank it in the merged table: lower than the aligned bridges' strong pairs (0.5–0.8).
 */
export const DICTIONARY_WEIGHT = 0.6;

export function dictionaryTexts(entries: readonly VocabularyEntry[]): Record<'fr' | 'ru', string[]> {
  return { fr: entries.flatMap((entry) => entry.labels.fr ?? []), ru: entries.flatMap((entry) => entry.labels.ru ?? []) };
}

/** fr → ru and ru → fr associations, each lexeme's best `keep`, cited as `wiktionary:<headword>`. */
export function dictionaryPairs(
  entries: readonly VocabularyEntry[],
  stemmer: Stemmer,
  options: { minWeight: number; keep: number },
): { fr: Map<string, Association[]>; ru: Map<string, Association[]>; cited: Map<string, VocabularyEntry> } {
  const pairs = new Map<string, { fr: string; ru: string; via: string }>();
  const cited = new Map<string, VocabularyEntry>();
  for (const entry of entries) {
    const headword = entry.labels.fr?.[0];
    // proper names (Aalen → Аален) bridge nothing a directory search needs and are a fifth of the headwords
    if (!headword || headword[0] !== headword[0]!.toLowerCase()) continue;
    const source = stemmer.lexemes('fr', headword);
    if (source.length !== 1) continue;
    for (const translation of entry.labels.ru ?? []) {
      const target = stemmer.lexemes('ru', translation);
      if (target.length !== 1) continue;
      const key = `${source[0]}|${target[0]}`;
      if (pairs.has(key)) continue;
      const via = `wiktionary:${headword}`;
      pairs.set(key, { fr: source[0]!, ru: target[0]!, via });
      cited.set(via, entry);
    }
  }
  const degree = { fr: new Map<string, number>(), ru: new Map<string, number>() };
  for (const pair of pairs.values()) {
    for (const lang of ['fr', 'ru'] as const) degree[lang].set(pair[lang], (degree[lang].get(pair[lang]) ?? 0) + 1);
  }
  const out = { fr: new Map<string, Association[]>(), ru: new Map<string, Association[]>() };
  for (const pair of pairs.values()) {
    const weight = (DICTIONARY_WEIGHT * 2) / (degree.fr.get(pair.fr)! + degree.ru.get(pair.ru)!);
    if (weight < options.minWeight) continue;
    for (const [from, to] of [
      ['fr', 'ru'],
      ['ru', 'fr'],
    ] as const) {
      const list = out[from].get(pair[from]) ?? [];
      list.push({ target: pair[to], weight, via: pair.via });
      out[from].set(pair[from], list);
    }
  }
  for (const lang of ['fr', 'ru'] as const) {
    for (const [lexeme, list] of out[lang]) {
      list.sort((a, b) => b.weight - a.weight || a.target.localeCompare(b.target));
      out[lang].set(lexeme, list.slice(0, options.keep));
    }
  }
  return { ...out, cited };
}
