import { feature } from '../profile-features.js';
import type { IndexWord } from './directory-index.js';
import type { Postings } from './postings.js';
import { rankItems, TEXT_RANK_SCALE, type RankItem } from './text-rank.js';

/** How much a name that sounds like a query word adds to the rank. */
const NAME_BONUS = 0.3;

/** What ranking reads of the directory index: its slot count and its postings. */
export interface RankSource {
  size: number;
  lexemes(item: RankItem): Postings[];
  features(keys: string[]): Postings[];
}

/** The matches to rank: `slots` found in every group, a slot's count in `hits` being `found`. */
export interface RankedMatches {
  words: IndexWord[];
  required: IndexWord[];
  slots: number[];
  hits: Uint8Array;
  found: number;
}

/**
 * Each match's rank, in the order of `slots`: the share of required words whose concepts it carries
 * (narrower ones count half), plus ts_rank of all words' lexemes, plus NAME_BONUS for a name that sounds
 * like a word.
 */
export function rankMatches(source: RankSource, { words, required, slots, hits, found }: RankedMatches): Float64Array {
  // ts_rank over every word's lexemes: each item's postings add their part to the matches they hold
  const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
  const text = new Float32Array(source.size);
  for (const item of items) {
    for (const list of source.lexemes(item)) {
      const { slots: entries, values } = list;
      for (let i = 0; i < list.length; i++) {
        const slot = entries[i]!;
        // stored in single precision at each step, as PostgreSQL adds
        if (hits[slot] === found) text[slot] = text[slot]! + values![i]! / TEXT_RANK_SCALE;
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
  marks.fill(0);
  mark(
    words.flatMap((w) => (w.nameKey ? [feature.name(w.nameKey)] : [])),
    1,
  );
  const rank = new Float64Array(slots.length);
  for (const [i, slot] of slots.entries()) {
    const textRank = items.length === 0 ? 0 : Math.fround(text[slot]! / items.length);
    rank[i] = concepts[i]! / required.length + textRank + NAME_BONUS * marks[slot]!;
  }
  return rank;
}
