import { feature } from '../profile-features.js';
import type { HitWay, IndexWord } from './directory-index.js';
import { Postings } from './postings.js';
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

/**
 * Every required word against every live record, each way it can match (text as written, by prefix or
 * stemmed in each language; a glossary concept or a narrower one; the sound of a name; a vocabulary
 * bridge into another language, at a lower strength). A record's coverage is the rarity-weighted share of
 * the words it matches; those that match at least `minimumMatched` words are the results. When none
 * does, those matching any word are: a query that shares something with a record never finds nothing.
 */
export function matchWords(source: MatchSource, required: IndexWord[], scratch = new MatchScratch()): WordMatches {
  const { live, records } = source;
  const { coverage, matched, strength, enough, ways: wordWays } = scratch.take(source.size, required.length);
  const touched: number[] = [];
  const ways: Uint8Array[] = [];
  const weights: number[] = [];
  for (const word of required) {
    const way = wordWays[ways.length]!;
    const found: number[] = [];
    const mark = (lists: Postings[], how: number, full: number) => {
      for (const list of lists) {
        const entries = list.slots;
        // lexemes' postings carry their part of the text rank; concepts' and names' none
        const parts = list.values;
        for (let i = 0; i < list.length; i++) {
          const slot = entries[i]!;
          // a word (or its translation) only in the titles of the record's codes says less than one in its own texts
          const value = parts && parts[i]! < CODE_TITLES_ONLY ? Math.min(full, CODE_TITLE_STRENGTH) : full;
          if (!live[slot] || strength[slot]! >= value) continue;
          if (strength[slot] === 0) found.push(slot);
          strength[slot] = value;
          way[slot] = how;
        }
      }
    };
    for (const text of word.texts) {
      if (text.lexemes.length === 0) continue;
      const each = text.lexemes.map((lexeme) => source.lexemes({ lexeme, prefix: text.prefix }));
      // a word the parser cut in two: each part must occur (a rare case, so built by sets)
      mark(each.length === 1 ? each[0]! : intersection(each), TEXT, 1);
    }
    mark(source.features([...word.concepts, ...word.narrower].map(feature.concept)), CONCEPT, 1);
    if (word.nameKey) mark(source.features([feature.name(word.nameKey)]), NAME, 1);
    if (word.soundsLike) mark([source.slotsOf(word.soundsLike)], NAME, 1);
    for (const bridge of word.bridges ?? [])
      mark(
        source.lexemes({ lexeme: bridge.lexeme, prefix: bridge.lexeme.length >= BRIDGE_PREFIX_MIN_LENGTH }),
        BRIDGE,
        bridgeStrength(bridge.weight),
      );
    const weight = rarity(found.length, records);
    weights.push(weight);
    ways.push(way);
    for (const slot of found) {
      if (matched[slot] === 0) touched.push(slot);
      coverage[slot] = coverage[slot]! + weight * strength[slot]!;
      matched[slot] = matched[slot]! + 1;
      strength[slot] = 0;
    }
  }
  const total = weights.reduce((a, b) => a + b, 0);
  if (total > 0) for (const slot of touched) coverage[slot] = coverage[slot]! / total;
  const minimum = minimumMatched(required.length);
  // the rarity rule is for descriptions: a short query stays precise
  const byCoverage = required.length >= 3;
  let slots = touched.filter((slot) => matched[slot]! >= minimum || (byCoverage && coverage[slot]! > ENOUGH_COVERAGE));
  const relaxed = slots.length === 0 && touched.length > 0;
  if (relaxed) slots = touched;
  for (const slot of slots) enough[slot] = 1;
  scratch.wrote(touched);
  return { enough, slots, coverage, ways, rarity: weights, relaxed };
}

/**
 * The per-slot arrays matching writes, kept by an index from one query to the next: before each query
 * only the slots the previous one wrote are cleared, so that a rare word over a million organisations
 * costs its postings, not four arrays of a million zeroed and collected. What a query returned is good
 * until the next query taken from the same scratch.
 */
export class MatchScratch {
  private coverage = new Float32Array(0);
  private matched = new Uint8Array(0);
  private strength = new Float32Array(0);
  private enough = new Uint8Array(0);
  private ways: Uint8Array[] = [];
  private written: number[] = [];

  /** Clean arrays of at least `size` slots, and one array of ways per word. */
  take(size: number, words: number) {
    if (this.coverage.length < size) {
      // a first query takes what it needs; an index that grew since takes room to grow on
      const room = this.coverage.length === 0 ? size : size * 2;
      this.coverage = new Float32Array(room);
      this.matched = new Uint8Array(room);
      this.strength = new Float32Array(room);
      this.enough = new Uint8Array(room);
      this.ways = [];
    } else {
      for (const slot of this.written) {
        this.coverage[slot] = 0;
        this.matched[slot] = 0;
        this.enough[slot] = 0;
        for (const way of this.ways) way[slot] = 0;
      }
    }
    this.written = [];
    while (this.ways.length < words) this.ways.push(new Uint8Array(this.coverage.length));
    const { coverage, matched, strength, enough, ways } = this;
    return { coverage, matched, strength, enough, ways };
  }

  /** The slots a query wrote (every other slot is still clean). */
  wrote(slots: number[]): void {
    this.written = slots;
  }
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
  const result = new Postings(false);
  for (const slot of sets[0]!) if (sets.every((set) => set.has(slot))) result.push(slot);
  return [result];
}
