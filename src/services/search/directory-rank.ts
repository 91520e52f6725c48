import { feature } from '../profile-features.js';
import type { IndexWord } from './directory-index.js';
import type { MatchSource, WordMatches } from './word-matches.js';
import { rankItems, TEXT_RANK_SCALE } from './text-rank.js';
import { SlotMap } from './postings.js';

/**
 * What a word matched through a glossary concept adds, over its share of the coverage: a concept is the
 * meaning, not a string; but a broad concept («industriel») must not outrank the words that say what is
 * sought (0.5 cost the described set 0.03).
 */
const CONCEPT_BONUS = 0.2;
/** What a name that sounds like the words adds, in proportion to how many; a name that holds every word ranks first (EXACT_NAME_BONUS). */
const NAME_BONUS = 0.3;
const EXACT_NAME_BONUS = 1;
/** ts_rank of the words' own lexemes orders records that cover the query alike: how often and where (names first) they say it. */
const TEXT_RANK_SHARE = 0.5;

/**
 * Each match's rank, in the order of `matches.slots`: the rarity-weighted share of the query it covers
 * (word-matches.ts), plus CONCEPT_BONUS times the share of required words whose concepts it carries
 * (narrower ones count half), plus ts_rank of the words' lexemes, plus a bonus for a name that sounds
 * like the words (all of them: an exact name, first).
 */
export function rankMatches(
  source: MatchSource,
  words: IndexWord[],
  required: IndexWord[],
  matches: WordMatches,
  positions = new SlotMap(),
): Float64Array {
  const { slots, coverage, enough } = matches;
  // each match's place in `slots`: what the walks of postings below add to, so that they cost the matches, not the set
  positions.reset(source.size);
  for (const [i, slot] of slots.entries()) positions.set(slot, i);
  // ts_rank over every word's own lexemes: each item's postings add their part to the matches they hold
  const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
  const text = new Float32Array(slots.length);
  for (const item of items) {
    for (const list of source.lexemes(item)) {
      const { slots: entries, codes } = list;
      const parts = list.rankParts!.values;
      for (let i = 0; i < list.length; i++) {
        // most entries are no match: told by a byte per slot before the larger map is read
        if (enough[entries[i]!] !== 1) continue;
        const at = positions.get(entries[i]!);
        if (at >= 0) text[at] = text[at]! + parts[codes![i]!]! / TEXT_RANK_SCALE;
      }
    }
  }
  // per required word: 1 when the record carries a concept that covers it, ½ for a narrower one
  const concepts = new Float64Array(slots.length);
  const marks = new Uint8Array(slots.length);
  const mark = (keys: string[], value: number) => {
    for (const list of source.features(keys))
      for (let i = 0; i < list.length; i++) {
        if (enough[list.slots[i]!] !== 1) continue;
        const at = positions.get(list.slots[i]!);
        if (at >= 0) marks[at] = value;
      }
  };
  for (const word of required) {
    if (word.concepts.length === 0 && word.narrower.length === 0) continue;
    marks.fill(0);
    mark(word.narrower.map(feature.concept), 1);
    mark(word.concepts.map(feature.concept), 2);
    for (let i = 0; i < slots.length; i++) concepts[i]! += marks[i]! / 2;
  }
  // how many of the words with a sound key the record's names sound like
  const named = new Uint8Array(slots.length);
  const keyed = required.filter((w) => w.nameKey);
  for (const word of keyed) {
    marks.fill(0);
    mark([feature.name(word.nameKey!)], 1);
    for (let i = 0; i < slots.length; i++) named[i] = named[i]! + marks[i]!;
  }
  const rank = new Float64Array(slots.length);
  for (const [i, slot] of slots.entries()) {
    const textRank = items.length === 0 ? 0 : Math.fround(text[i]! / items.length);
    const name = named[i]! === 0 ? 0 : named[i] === keyed.length ? EXACT_NAME_BONUS : (NAME_BONUS * named[i]!) / keyed.length;
    rank[i] = coverage[slot]! + (CONCEPT_BONUS * concepts[i]!) / required.length + TEXT_RANK_SHARE * textRank + name;
  }
  return rank;
}
