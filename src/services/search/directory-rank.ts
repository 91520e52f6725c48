import type { IndexWord } from './directory-index.js';
import type { WordMatches } from './word-matches.js';
import { TEXT_RANK_SCALE } from './text-rank.js';
import { MARK_CONCEPT, MARK_NAMED, MARK_NARROWER } from './word-lists.js';

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
 * like the words (all of them: an exact name, first). What the walk of the postings marked is read per
 * match: ranking costs the matches, not the postings.
 */
export function rankMatches(required: IndexWord[], matches: WordMatches): Float64Array {
  const { slots, coverage, marks } = matches;
  const { sums, items } = matches.text;
  addPending(matches);
  const conceptual = required.flatMap((word, w) => (word.concepts.length === 0 && word.narrower.length === 0 ? [] : [marks[w]!]));
  const named = required.flatMap((word, w) => (word.nameKey ? [marks[w]!] : []));
  const rank = new Float64Array(slots.length);
  for (const [i, slot] of slots.entries()) {
    const textRank = items === 0 ? 0 : Math.fround(sums[slot]! / items);
    // per required word: 1 when the record carries a concept that covers it, ½ for a narrower one
    let concepts = 0;
    for (const perSlot of conceptual) {
      const mark = perSlot[slot]!;
      concepts += mark & MARK_CONCEPT ? 1 : mark & MARK_NARROWER ? 0.5 : 0;
    }
    // how many of the words with a sound key the record's names sound like
    let sounds = 0;
    for (const perSlot of named) if (perSlot[slot]! & MARK_NAMED) sounds++;
    const name = sounds === 0 ? 0 : sounds === named.length ? EXACT_NAME_BONUS : (NAME_BONUS * sounds) / named.length;
    rank[i] = coverage[slot]! + (CONCEPT_BONUS * concepts) / required.length + TEXT_RANK_SHARE * textRank + name;
  }
  return rank;
}

/**
 * The text rank's items whose postings the match did not walk (a stop word's, a word cut in two), added
 * to the matches' sums, once: a match kept for the facets may be ranked again.
 */
function addPending({ text, enough }: WordMatches): void {
  const { sums, pending } = text;
  for (const [list, times] of pending) {
    const { slots: entries, codes } = list;
    const parts = list.rankParts!.values;
    for (let i = 0; i < list.length; i++) {
      // most entries are no match: told by a byte per slot
      const slot = entries[i]!;
      if (enough[slot] !== 1) continue;
      for (let t = 0; t < times; t++) sums[slot] = sums[slot]! + parts[codes![i]!]! / TEXT_RANK_SCALE;
    }
  }
  pending.clear();
}
