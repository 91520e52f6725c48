import { feature } from '../profile-features.js';
import type { IndexWord } from './directory-index.js';
import { Postings } from './postings.js';
import { rankItems, type RankItem } from './text-rank.js';
import type { MatchSource } from './word-matches.js';

/** Codes of how a record matched a word (word-matches.ts WAYS). */
export const TEXT = 1;
export const CONCEPT = 2;
export const NAME = 3;
export const BRIDGE = 4;

/**
 * What the rank reads of a match besides its strength, per word and slot, set while the postings are
 * walked (so that ranking does not walk them again): bits of a byte.
 */
export const MARK_NARROWER = 1;
export const MARK_CONCEPT = 2;
export const MARK_NAMED = 4;

/**
 * What a word found through a vocabulary bridge counts for: at least BRIDGE_FLOOR, and more the surer the
 * translation (its weight, 0–1). Bridge weights are association scores learnt from aligned code titles
 * and a dictionary, not probabilities: a fair translation must still outweigh a common word matched as
 * typed, or a cross-language record would never rank beside a same-language one (measured on the
 * described evaluation set: weight × 0.6 gave en 0.67, this 0.73).
 */
export const BRIDGE_FLOOR = 0.7;
export const bridgeStrength = (weight: number) => Math.fround(BRIDGE_FLOOR + (1 - BRIDGE_FLOOR) * weight);

/** Bridged lexemes this long also match as the start of a record's lexemes (резин → резиновые): derivations stem apart. */
export const BRIDGE_PREFIX_MIN_LENGTH = 5;

/** How a bridged lexeme is looked up: matching and the explanation of a result must agree. */
export const bridgeItem = (lexeme: string): RankItem => ({ lexeme, prefix: lexeme.length >= BRIDGE_PREFIX_MIN_LENGTH });

/** A word's postings, each group with the way it matches by, what a match counts for, and what it marks. */
export type WordLists = { lists: Postings[]; how: number; full: number; mark: number }[];

export function wordLists(source: MatchSource, word: IndexWord): WordLists {
  const groups: WordLists = [];
  for (const text of word.texts) {
    if (text.lexemes.length === 0) continue;
    const each = text.lexemes.map((lexeme) => source.lexemes({ lexeme, prefix: text.prefix }));
    // a word the parser cut in two: each part must occur (a rare case, so built by sets)
    groups.push({ lists: each.length === 1 ? each[0]! : intersection(each), how: TEXT, full: 1, mark: 0 });
  }
  // a concept before its narrower ones: a record that has both is marked as having the concept
  groups.push({ lists: source.features(word.concepts.map(feature.concept)), how: CONCEPT, full: 1, mark: MARK_CONCEPT });
  groups.push({ lists: source.features(word.narrower.map(feature.concept)), how: CONCEPT, full: 1, mark: MARK_NARROWER });
  if (word.nameKey) groups.push({ lists: source.features([feature.name(word.nameKey)]), how: NAME, full: 1, mark: MARK_NAMED });
  if (word.soundsLike) groups.push({ lists: [source.slotsOf(word.soundsLike)], how: NAME, full: 1, mark: 0 });
  for (const bridge of word.bridges ?? [])
    groups.push({ lists: source.lexemes(bridgeItem(bridge.lexeme)), how: BRIDGE, full: bridgeStrength(bridge.weight), mark: 0 });
  // a posting walked already at a strength no lower would change nothing (a stem that is also the start of
  // a longer lexeme, a bridge's lexeme the word's own): walked once
  const walked = new Map<Postings, number>();
  for (const group of groups)
    group.lists = group.lists.filter((list) => {
      const before = walked.get(list);
      if (before !== undefined && before >= group.full) return false;
      walked.set(list, group.full);
      return true;
    });
  return groups;
}

/**
 * The postings the text rank sums, with how many times each (a lexeme found by two of the query's items,
 * such as "filt:*" and "filtr", counts for both, as in ts_rank), in the order of the items: the words' own
 * lexemes, stop words' included (text-rank.ts rankItems).
 */
export function rankedLists(source: MatchSource, words: IndexWord[]): { items: number; times: Map<Postings, number> } {
  const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
  const times = new Map<Postings, number>();
  for (const item of items) for (const list of source.lexemes(item)) times.set(list, (times.get(list) ?? 0) + 1);
  return { items: items.length, times };
}

function intersection(each: Postings[][]): Postings[] {
  const sets = each.map((lists) => new Set(lists.flatMap((list) => [...list.slots.subarray(0, list.length)])));
  const result = new Postings();
  for (const slot of sets[0]!) if (sets.every((set) => set.has(slot))) result.push(slot);
  return [result];
}
