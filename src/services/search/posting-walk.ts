// The inner loop of matching (word-matches.ts): one posting walked against the per-slot state of a word.
// A small function of its own, its counters in locals, so that the compiler keeps the loop tight: written
// inside matchAll, the same loop cost 24 ns an entry where on its own it costs 7–9 (filtered, at 1M).

/** What one word's walk reads and writes, per slot; counters carried from one posting to the next. */
export interface WordWalk {
  live: Uint8Array;
  /** The slots a filter admits (live ones only), or null: every live slot. */
  inside: Uint32Array | null;
  /** With a filter: the slots of the word seen anywhere, dead ones set from the start. */
  seen: Uint32Array;
  strength: Float32Array;
  way: Uint8Array;
  marked: Uint8Array;
  /** The text rank's sums (word-matches.ts TextSums). */
  text: Float32Array;
  found: Int32Array;
  foundCount: number;
  /** With a filter: the word's slots outside it, each counted once. */
  outside: number;
}

/** outsideOf: the slot is outside the filter, and seen for the first time (1) or again (2); 0 admitted. */
const FIRST_SEEN = 1;
const SEEN_AGAIN = 2;

/** Where a slot lies with a filter (0, FIRST_SEEN or SEEN_AGAIN), marked seen either way: a few operations, inlined. */
function outsideOf(inside: Uint32Array, seen: Uint32Array, slot: number): number {
  const at = slot >>> 5;
  const bit = 1 << (slot & 31);
  const before = seen[at]!;
  seen[at] = before | bit;
  if ((inside[at]! & bit) !== 0) return 0;
  return (before & bit) === 0 ? FIRST_SEEN : SEEN_AGAIN;
}

/** A match of the slot at `value` by way `how`, kept when stronger than its best so far; the new count of slots found. */
function strengthen(walk: WordWalk, foundCount: number, slot: number, value: number, how: number): number {
  const { strength } = walk;
  const before = strength[slot]!;
  if (before >= value) return foundCount;
  strength[slot] = value;
  walk.way[slot] = how;
  if (before !== 0) return foundCount;
  walk.found[foundCount] = slot;
  return foundCount + 1;
}

/**
 * A posting: each entry matched where admitted (counted once outside), at `full` for a feature's (a
 * concept, a name's sound: no codes), at what its rank part's code counts for (`values`) for a lexeme's,
 * whose part is added `times` times to the text rank's sums (`rankValues`: the parts over ts_rank's scale).
 * A feature's entries are marked (`mark`, 0 for none).
 */
export function walkPosting(
  walk: WordWalk,
  entries: Int32Array,
  length: number,
  codes: Uint8Array | Uint16Array | null,
  values: Float32Array,
  rankValues: Float64Array,
  times: number,
  full: number,
  how: number,
  mark: number,
): void {
  const { live, inside, seen, text, marked } = walk;
  let { foundCount, outside } = walk;
  for (let i = 0; i < length; i++) {
    const slot = entries[i]!;
    if (inside !== null) {
      const away = outsideOf(inside, seen, slot);
      outside += away & FIRST_SEEN;
      if (away !== 0) continue;
    } else if (live[slot] === 0) continue;
    if (mark !== 0) marked[slot] = marked[slot]! | mark;
    let value = full;
    if (codes !== null) {
      const code = codes[i]!;
      for (let t = 0; t < times; t++) text[slot] = text[slot]! + rankValues[code]!;
      value = values[code]!;
    }
    foundCount = strengthen(walk, foundCount, slot, value, how);
  }
  walk.foundCount = foundCount;
  walk.outside = outside;
}
