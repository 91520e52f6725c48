import { feature } from '../profile-features.js';
import type { IndexWord } from './directory-index.js';
import type { MatchSource, WordMatches } from './word-matches.js';
import { rankItems, TEXT_RANK_SCALE } from './text-rank.js';

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
export function rankMatches(source: MatchSource, words: IndexWord[], required: IndexWord[], matches: WordMatches): Float64Array {
  const { slots, enough, coverage } = matches;
  // ts_rank over every word's own lexemes: each item's postings add their part to the matches they hold
  const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
  const text = new Float32Array(source.size);
  for (const item of items) {
    for (const list of source.lexemes(item)) {
      const { slots: entries, values } = list;
      for (let i = 0; i < list.length; i++) {
        const slot = entries[i]!;
        if (enough[slot]) text[slot] = text[slot]! + values![i]! / TEXT_RANK_SCALE;
      }
    }
  }
  // per required word: 1 when the record carries a concept that covers it, ½ for a narrower one
  const concepts = new Float64Array(slots.length);
  const marks = new Uint8Array(source.size);
  const mark = (keys: string[], value: number) => {
    for (const list of source.features(keys)) for (let i = 0; i < list.length; i++) marks[list.slots[i]!] = value;
  };
  for (const word of required) {
    if (word.concepts.length === 0 && word.narrower.length === 0) continue;
    marks.fill(0);
    mark(word.narrower.map(feature.concept), 1);
    mark(word.concepts.map(feature.concept), 2);
    for (const [i, slot] of slots.entries()) concepts[i]! += marks[slot]! / 2;
  }
  // how many of the words with a sound key the record's names sound like
  const named = new Uint8Array(source.size);
  const keyed = required.filter((w) => w.nameKey);
  for (const word of keyed) {
    marks.fill(0);
    mark([feature.name(word.nameKey!)], 1);
    for (const slot of slots) named[slot] = named[slot]! + marks[slot]!;
  }
  const rank = new Float64Array(slots.length);
  for (const [i, slot] of slots.entries()) {
    const textRank = items.length === 0 ? 0 : Math.fround(text[slot]! / items.length);
    const name = named[slot]! === 0 ? 0 : named[slot] === keyed.length ? EXACT_NAME_BONUS : (NAME_BONUS * named[slot]!) / keyed.length;
    rank[i] = coverage[slot]! + (CONCEPT_BONUS * concepts[i]!) / required.length + TEXT_RANK_SHARE * textRank + name;
  }
  return rank;
}
