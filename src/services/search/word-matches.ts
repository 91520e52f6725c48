import { feature } from '../profile-features.js';
import type { HitWay, IndexWord } from './directory-index.js';
import { Postings, postingsLength } from './postings.js';
import { admitSlots, anyInEnough, type SlotBits } from './admitted-slots.js';
import type { SlotFilter } from './directory-filter.js';
import { MatchScratch } from './match-scratch.js';
import type { RankItem } from './text-rank.js';

/** How a record matched a query word: by its text, a glossary concept, a name that sounds like it, or a vocabulary bridge. */
export type WordWay = 'text' | 'concept' | 'name' | 'bridge';
const WAYS: (WordWay | null)[] = [null, 'text', 'concept', 'name', 'bridge'];
const TEXT = 1;
const CONCEPT = 2;
const NAME = 3;
const BRIDGE = 4;

/**
 * What a word found through a vocabulary bridge counts for: at least BRIDGE_FLOOR, and more the surer the
 * translation (its weight, 0–1). Bridge weights are association scores learnt from aligned code titles
 * and a dictionary, not probabilities: a fair translation must still outweigh a common word matched as
 * typed, or a cross-language record would never rank beside a same-language one (measured on the
 * described evaluation set: weight × 0.6 gave en 0.67, this 0.73).
 */
export const BRIDGE_FLOOR = 0.7;
export const bridgeStrength = (weight: number) => Math.fround(BRIDGE_FLOOR + (1 - BRIDGE_FLOOR) * weight);

/**
 * A lexeme's part of the text rank below this was found only at weight D, the titles of the record's codes
 * (NACE classes, products, areas): one D position gives 0.1, any number of them less than 0.1 × π²/6 ≈ 0.165,
 * one description (C) position 0.2 (text-rank.ts). Such a match counts CODE_TITLE_STRENGTH of a word: a
 * long official title ("… for laboratory, chemical or other technical uses") holds many words its holder
 * does not mean.
 */
const CODE_TITLES_ONLY = 0.18;
const CODE_TITLE_STRENGTH = 0.6;

/** Bridged lexemes this long also match as the start of a record's lexemes (резин → резиновые): derivations stem apart. */
export const BRIDGE_PREFIX_MIN_LENGTH = 5;

/** How a bridged lexeme is looked up: matching and the explanation of a result must agree. */
export const bridgeItem = (lexeme: string): RankItem => ({ lexeme, prefix: lexeme.length >= BRIDGE_PREFIX_MIN_LENGTH });

/** What matching reads of the directory index. */
export interface MatchSource {
  /** Slots, live and dead. */
  size: number;
  live: Uint8Array;
  /** How many slots are live: the records rarity is counted over. */
  records: number;
  lexemes(item: RankItem): Postings[];
  features(keys: string[]): Postings[];
  /** The slots of these organisations (names that sound close, from the fuzzy pass). */
  slotsOf(ids: ReadonlySet<string>): Postings;
}

/** The query words matched against every live record: who has enough of them, and how much of the query each covers. */
export interface WordMatches {
  /** Per slot, 1 when it matches enough words. */
  enough: Uint8Array;
  /** The live slots that match enough words, in no order. */
  slots: number[];
  /** Per slot, the share of the query it covers: Σ rarity × strength of the words it matches over Σ rarity of all. */
  coverage: Float32Array;
  /** Per required word, per slot: how it matched (an index into WAYS; 0 not). */
  ways: Uint8Array[];
  /** Per required word, its rarity (BM25's idf over the live records). */
  rarity: number[];
  /** True when no record matched enough words, so those matching any are given (the answer says so). */
  relaxed: boolean;
}

/**
 * How many of a query's words a record must match. One or two words: all of them, so a short query stays
 * precise; three: two. Four and more are descriptions rather than keywords ("системы очистки воздуха для
 * чистых помещений"): any one of them, the records then ranked by how much of the query's rarity they
 * cover, as a search engine ranks (on the described evaluation set, two in five found 0.53 of the
 * relevant records in the first ten, one word 0.73). From three words on, a record covering more than
 * half of the query's rarity passes too (one rare word, such as "SCADA", says more than two common ones).
 */
export function minimumMatched(words: number): number {
  if (words <= 2) return words;
  return words === 3 ? 2 : 1;
}

/** The share of a query's rarity that passes a record whatever the number of words it matches. */
export const ENOUGH_COVERAGE = 0.5;

/** BM25's inverse document frequency: a word most records have says little about any of them. */
export function rarity(found: number, records: number): number {
  return Math.log(1 + (records - found + 0.5) / (found + 0.5));
}

/** A word's postings, each group with the way it matches by and what a match counts for. */
type WordLists = { lists: Postings[]; how: number; full: number }[];

function wordLists(source: MatchSource, word: IndexWord): WordLists {
  const groups: WordLists = [];
  for (const text of word.texts) {
    if (text.lexemes.length === 0) continue;
    const each = text.lexemes.map((lexeme) => source.lexemes({ lexeme, prefix: text.prefix }));
    // a word the parser cut in two: each part must occur (a rare case, so built by sets)
    groups.push({ lists: each.length === 1 ? each[0]! : intersection(each), how: TEXT, full: 1 });
  }
  groups.push({ lists: source.features([...word.concepts, ...word.narrower].map(feature.concept)), how: CONCEPT, full: 1 });
  if (word.nameKey) groups.push({ lists: source.features([feature.name(word.nameKey)]), how: NAME, full: 1 });
  if (word.soundsLike) groups.push({ lists: [source.slotsOf(word.soundsLike)], how: NAME, full: 1 });
  for (const bridge of word.bridges ?? [])
    groups.push({
      lists: source.lexemes({ lexeme: bridge.lexeme, prefix: bridge.lexeme.length >= BRIDGE_PREFIX_MIN_LENGTH }),
      how: BRIDGE,
      full: bridgeStrength(bridge.weight),
    });
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
 * Every required word against every live record, each way it can match (text as written, by prefix or
 * stemmed in each language; a glossary concept or a narrower one; the sound of a name; a vocabulary
 * bridge into another language, at a lower strength). A record's coverage is the rarity-weighted share of
 * the words it matches; those that match at least `minimumMatched` words are the results. When none
 * does, those matching any word are: a query that shares something with a record never finds nothing.
 *
 * With a filter, only the matches that pass it are given (`slots`; `enough` may mark others too). When
 * the filter holds fewer entries than the words' postings, only the slots it admits are matched in full;
 * the others are only counted, for each word's rarity and for whether any record anywhere matches enough
 * words (`relaxed`), so that both keep their meaning over all live records.
 */
export function matchWords(
  source: MatchSource,
  required: IndexWord[],
  scratch = new MatchScratch(),
  filter: SlotFilter | null = null,
): WordMatches {
  const words = required.map((word) => wordLists(source, word));
  if (filter) {
    const entries = words.reduce((sum, groups) => groups.reduce((s, g) => s + postingsLength(g.lists), sum), 0);
    if (postingsLength(filter.shortest ?? []) < entries) {
      admitSlots(filter, source.size, source.live, scratch.admitted);
      const narrowed = matchAll(source, words, scratch, scratch.admitted);
      if (narrowed) return narrowed;
    }
    const all = matchAll(source, words, scratch, null)!;
    return { ...all, slots: all.slots.filter(filter.passes) };
  }
  return matchAll(source, words, scratch, null)!;
}

/**
 * The words matched against the live records, in full where `admitted` says (everywhere without it).
 * Null when, with `admitted`, whether the minimum of words is given up cannot be told from the counts
 * (three words and no record anywhere with two of them: the coverage of records outside would decide).
 */
function matchAll(source: MatchSource, words: WordLists[], scratch: MatchScratch, admitted: SlotBits | null): WordMatches | null {
  const { live, records } = source;
  const { coverage, matched, strength, enough, ways: wordWays } = scratch.take(source.size, words.length);
  const inside = admitted?.words;
  // per word, the slots it matched anywhere, when whether one record has two of them is to be told
  const apart = words.length === 2 || words.length === 3;
  const { touched, found } = scratch;
  let touchedCount = 0;
  const ways: Uint8Array[] = [];
  const weights: number[] = [];
  let anywhere = 0;
  for (const [w, groups] of words.entries()) {
    const way = wordWays[ways.length]!;
    let foundCount = 0;
    const seen = scratch.seen[apart ? w : 0]!;
    if (inside) seen.clear(source.size);
    const seenWords = seen.words;
    // the word's matches outside the filter: counted once each, not matched
    let outside = 0;
    for (const { lists, how, full } of groups) {
      for (const list of lists) {
        const entries = list.slots;
        const length = list.length;
        // what a match counts for, by its code: lexemes' postings carry their part of the text rank as a
        // code into a table, and a part below CODE_TITLES_ONLY counts less; concepts' and names' carry none
        const codes = list.codes;
        const values = codes ? valuesByCode(list.rankParts!.values, full, scratch) : null;
        for (let i = 0; i < length; i++) {
          const slot = entries[i]!;
          if (inside) {
            const at = slot >>> 5;
            const bit = 1 << (slot & 31);
            if ((inside[at]! & bit) === 0) {
              if ((seenWords[at]! & bit) === 0 && live[slot]) {
                seenWords[at]! |= bit;
                outside++;
              }
              continue;
            }
          }
          const value = values ? values[codes![i]!]! : full;
          if (!live[slot] || strength[slot]! >= value) continue;
          if (strength[slot] === 0) {
            found[foundCount++] = slot;
            if (inside) seen.add(slot);
          }
          strength[slot] = value;
          way[slot] = how;
        }
      }
    }
    anywhere += foundCount + outside;
    const weight = rarity(foundCount + outside, records);
    weights.push(weight);
    ways.push(way);
    for (let i = 0; i < foundCount; i++) {
      const slot = found[i]!;
      if (matched[slot] === 0) touched[touchedCount++] = slot;
      coverage[slot] = coverage[slot]! + weight * strength[slot]!;
      matched[slot] = matched[slot]! + 1;
      strength[slot] = 0;
    }
  }
  scratch.wrote(touchedCount);
  const total = weights.reduce((a, b) => a + b, 0);
  if (total > 0) for (let i = 0; i < touchedCount; i++) coverage[touched[i]!] = coverage[touched[i]!]! / total;
  const minimum = minimumMatched(words.length);
  // the rarity rule is for descriptions: a short query stays precise
  const byCoverage = words.length >= 3;
  let slots: number[] = [];
  for (let i = 0; i < touchedCount; i++) {
    const slot = touched[i]!;
    if (matched[slot]! >= minimum || (byCoverage && coverage[slot]! > ENOUGH_COVERAGE)) slots.push(slot);
  }
  let relaxed = slots.length === 0 && touchedCount > 0;
  if (inside) {
    // given up or not as over every record: with one word, or four and more, any match is enough
    const somewhere = minimum === 1 || anywhere === 0 || anyInEnough(scratch.seen.slice(0, words.length), 2, source.size);
    if (!somewhere && words.length === 3) return null;
    relaxed = !somewhere;
  }
  if (relaxed) slots = Array.from(touched.subarray(0, touchedCount));
  for (const slot of slots) enough[slot] = 1;
  return { enough, slots, coverage, ways, rarity: weights, relaxed };
}

/**
 * Per rank part's code, what a match counts for at `full`: a word (or its translation) only in the titles
 * of the record's codes says less than one in its own texts. Worked out once a list, not at each entry.
 */
function valuesByCode(parts: Float32Array, full: number, scratch: MatchScratch): Float32Array {
  const values = scratch.values(parts.length);
  const low = Math.min(full, CODE_TITLE_STRENGTH);
  for (let code = 0; code < parts.length; code++) values[code] = parts[code]! < CODE_TITLES_ONLY ? low : full;
  return values;
}

/** How a slot matched each required word, in words (null: not matched). */
export function waysOf(matches: WordMatches, slot: number): (WordWay | null)[] {
  return matches.ways.map((way) => WAYS[way[slot]!]!);
}

/** How a slot matched each required word; for a bridge, which one (postings are in slot order: a binary search each). */
export function hitWays(
  matches: WordMatches,
  required: IndexWord[],
  slot: number,
  lexemes: (item: RankItem) => Postings[],
): (HitWay | null)[] {
  return waysOf(matches, slot).map((way, i) => {
    if (way !== 'bridge') return way && { way };
    const bridge = (required[i]!.bridges ?? []).find((b) => lexemes(bridgeItem(b.lexeme)).some((list) => list.has(slot)));
    return bridge ? { way, bridge } : { way };
  });
}

function intersection(each: Postings[][]): Postings[] {
  const sets = each.map((lists) => new Set(lists.flatMap((list) => [...list.slots.subarray(0, list.length)])));
  const result = new Postings();
  for (const slot of sets[0]!) if (sets.every((set) => set.has(slot))) result.push(slot);
  return [result];
}
