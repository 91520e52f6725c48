import { Postings, postingsLength } from './postings.js';
import { admitSlots, anyInEnough, type SlotBits } from './admitted-slots.js';
import type { SlotFilter } from './directory-filter.js';
import { MatchScratch } from './match-scratch.js';
import { walkPosting, type WordWalk } from './posting-walk.js';
import type { RankItem } from './text-rank.js';
import type { HitWay, IndexWord } from './directory-index.js';
import { bridgeItem, rankedLists, wordLists, type WordLists } from './word-lists.js';
import { requiredWords } from '../../repositories/search-query.js';

export { BRIDGE_FLOOR, BRIDGE_PREFIX_MIN_LENGTH, bridgeItem, bridgeStrength } from './word-lists.js';

/** How a record matched a query word: by its text, a glossary concept, a name that sounds like it, or a vocabulary bridge. */
export type WordWay = 'text' | 'concept' | 'name' | 'bridge';
const WAYS: (WordWay | null)[] = [null, 'text', 'concept', 'name', 'bridge'];

/**
 * A lexeme's part of the text rank below this was found only at weight D, the titles of the record's codes
 * (NACE classes, products, areas): one D position gives 0.1, any number of them less than 0.1 × π²/6 ≈ 0.165,
 * one description (C) position 0.2 (text-rank.ts). Such a match counts CODE_TITLE_STRENGTH of a word: a
 * long official title ("… for laboratory, chemical or other technical uses") holds many words its holder
 * does not mean.
 */
const CODE_TITLES_ONLY = 0.18;
const CODE_TITLE_STRENGTH = 0.6;

/** What a feature's posting (no rank parts) is walked with in place of the tables of codes. */
const NONE = new Float32Array(0);
const NO_RANK = new Float64Array(0);

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
  /** Per required word, per slot: what the rank reads besides the strength (word-lists.ts MARK_…). */
  marks: Uint8Array[];
  /** The text rank's sums (text-rank.ts), summed while the postings were walked (read at the matches only). */
  text: TextSums;
}

/**
 * Per slot, the sum of its parts of ts_rank over the query's items, before the division by their number,
 * as the walk of the postings added them; the items' postings it did not walk (a stop word's, a word cut
 * in two) are left to add (`pending`, by rankMatches), after the others, in the same order for every slot.
 */
export interface TextSums {
  sums: Float32Array;
  /** How many items the text rank is over (it divides by them). */
  items: number;
  pending: Map<Postings, number>;
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
 * Every required word (all but stop words: requiredWords) against every live record, each way it can match (text as written, by prefix or
 * stemmed in each language; a glossary concept or a narrower one; the sound of a name; a vocabulary
 * bridge into another language, at a lower strength). A record's coverage is the rarity-weighted share of
 * the words it matches; those that match at least `minimumMatched` words are the results. When none
 * does, those matching any word are: a query that shares something with a record never finds nothing.
 * The text rank of all the words, stop words included, is summed on the way.
 *
 * With a filter, only the matches that pass it are given (`slots`; `enough` may mark others too). When
 * the filter holds fewer entries than the words' postings, only the slots it admits are matched in full;
 * the others are only counted, for each word's rarity and for whether any record anywhere matches enough
 * words (`relaxed`), so that both keep their meaning over all live records.
 */
export function matchWords(
  source: MatchSource,
  queryWords: IndexWord[],
  scratch = new MatchScratch(),
  filter: SlotFilter | null = null,
): WordMatches {
  const words = requiredWords(queryWords).map((word) => wordLists(source, word));
  const ranked = () => rankedLists(source, queryWords);
  if (filter) {
    const entries = words.reduce((sum, groups) => groups.reduce((s, g) => s + postingsLength(g.lists), sum), 0);
    if (postingsLength(filter.shortest ?? []) < entries) {
      admitSlots(filter, source.size, source.live, scratch.admitted);
      const narrowed = matchAll(source, words, scratch, scratch.admitted, ranked());
      if (narrowed) return narrowed;
    }
    const all = matchAll(source, words, scratch, null, ranked())!;
    return { ...all, slots: all.slots.filter(filter.passes) };
  }
  return matchAll(source, words, scratch, null, ranked())!;
}

/**
 * The words matched against the live records, in full where `admitted` says (everywhere without it).
 * Null when, with `admitted`, whether the minimum of words is given up cannot be told from the counts
 * (three words and no record anywhere with two of them: the coverage of records outside would decide).
 */
function matchAll(
  source: MatchSource,
  words: WordLists[],
  scratch: MatchScratch,
  admitted: SlotBits | null,
  ranked: { items: number; times: Map<Postings, number> },
): WordMatches | null {
  const { live, records } = source;
  const { coverage, matched, strength, enough, ways: wordWays, marks: wordMarks, text } = scratch.take(source.size, words.length);
  const inside = admitted?.words;
  const dead = admitted ? scratch.deadSlots(live, source.size, records) : null;
  // per word, the slots it matched anywhere, when whether one record has two of them is to be told
  const apart = words.length === 2 || words.length === 3;
  const { touched, found } = scratch;
  let touchedCount = 0;
  const ways: Uint8Array[] = [];
  const marks: Uint8Array[] = [];
  const weights: number[] = [];
  const pending = ranked.times;
  let anywhere = 0;
  for (const [w, groups] of words.entries()) {
    const seen = scratch.seen[apart ? w : 0]!;
    // dead slots start as seen: never counted
    if (dead) seen.copy(dead, source.size);
    const walk: WordWalk = {
      live,
      inside: inside ?? null,
      seen: seen.words,
      strength,
      way: wordWays[ways.length]!,
      marked: wordMarks[marks.length]!,
      text,
      found,
      foundCount: 0,
      outside: 0,
    };
    for (const { lists, how, full, mark } of groups) {
      for (const list of lists) {
        const { slots: entries, length, codes } = list;
        // what a match counts for, by its code: lexemes' postings carry their part of the text rank as a
        // code into a table, and a part below CODE_TITLES_ONLY counts less; features' carry none
        const parts = list.rankParts;
        // an item of the text rank: its parts added here, once, by as many items as find it
        const times = pending.get(list) ?? 0;
        if (times > 0) pending.delete(list);
        const values = parts ? valuesByCode(parts.values, full, scratch) : NONE;
        walkPosting(walk, entries, length, codes, values, parts ? scratch.rankValues(parts) : NO_RANK, times, full, how, mark);
      }
    }
    const { foundCount, outside, way, marked } = walk;
    anywhere += foundCount + outside;
    const weight = rarity(foundCount + outside, records);
    weights.push(weight);
    ways.push(way);
    marks.push(marked);
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
    const somewhere = minimum === 1 || anywhere === 0 || anyInEnough(scratch.seen.slice(0, words.length), 2, source.size, dead!);
    if (!somewhere && words.length === 3) return null;
    relaxed = !somewhere;
  }
  if (relaxed) slots = Array.from(touched.subarray(0, touchedCount));
  for (const slot of slots) enough[slot] = 1;
  return { enough, slots, coverage, ways, rarity: weights, relaxed, marks, text: { sums: text, items: ranked.items, pending } };
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
