import type { RankParts } from './rank-parts.js';

/** Rank part codes: a byte each while a lexicon's table holds up to 256 parts, two bytes past that. */
export type RankCodes = Uint8Array | Uint16Array;

/** Postings at least this long keep room to grow in place: in a snapshot (postings-snapshot.ts) and when trimmed. */
export const LONG_POSTING = 4096;

/**
 * The room a long posting is restored with: an eighth of it. Restored postings are views of the
 * snapshot's buffer, exactly full, so the first entry a write added to one copied it whole into an
 * array of its own while the view stayed: after 5,000 writes at 1M a process held 600 MB more and a write
 * took up to 0.6 s. Room that is never written is never in memory.
 */
export const roomFor = (length: number) => Math.ceil(Math.max(length / 8, 256) / 8) * 8;

/**
 * The slots that carry a lexeme or a feature, in the order they were added, with the code of a rank part
 * each for lexemes (the lexeme's part of the text rank, `rankParts.values[code]`: rank-parts.ts). Typed
 * arrays that double when full: millions of entries in a few tens of megabytes, walked without touching
 * objects. Codes take a byte while they fit one (a million organisations carry about a hundred distinct
 * parts: 50 MB less than two bytes each at 1M); a posting that meets a code past 255 widens its own.
 */
export class Postings {
  slots: Int32Array;
  codes: RankCodes | null;
  length = 0;
  constructor(
    /** The table of the codes (shared by a lexicon's postings); none for features, which carry no rank part. */
    readonly rankParts: RankParts | null = null,
  ) {
    this.slots = new Int32Array(4);
    this.codes = rankParts ? new Uint8Array(4) : null;
  }

  /**
   * Postings over arrays restored from a snapshot: views of its buffer, the first `length` entries its
   * own. A short one is exactly full, so the next push copies it into arrays of its own; a long one has
   * room after it (writePostings) and grows in place until that is used (an empty one starts afresh:
   * doubling nothing gives nothing).
   */
  static of(slots: Int32Array, codes: RankCodes | null, rankParts: RankParts | null, length = slots.length): Postings {
    const postings = new Postings(rankParts);
    if (slots.length === 0) return postings;
    postings.slots = slots;
    postings.codes = codes;
    postings.length = length;
    return postings;
  }

  /** A lexeme's entry with its part of the text rank, or a feature's (no part). */
  push(slot: number, rankPart = 0): void {
    if (this.length === this.slots.length) {
      const slots = new Int32Array(this.length * 2);
      slots.set(this.slots);
      this.slots = slots;
      if (this.codes) this.codes = widened(this.codes, this.length * 2, this.codes instanceof Uint16Array);
    }
    this.slots[this.length] = slot;
    if (this.codes) {
      const code = this.rankParts!.code(rankPart);
      if (code > 0xff && this.codes instanceof Uint8Array) this.codes = widened(this.codes, this.codes.length, true);
      this.codes[this.length] = code;
    }
    this.length++;
  }

  /**
   * Its arrays cut to their length: doubling leaves up to half of them unused, a quarter on average, which
   * after a first load of a million organisations is hundreds of megabytes. A long posting keeps the room
   * a restored one has (roomFor), never written so never in memory, so that the first writes after a load
   * do not copy it; a short one is cut exactly, and its next push doubles again.
   */
  trim(): void {
    if (this.length === 0) return;
    const keep = this.length + (this.length >= LONG_POSTING ? roomFor(this.length) : 0);
    if (this.slots.length <= keep) return;
    this.slots = grown(this.slots.subarray(0, this.length), keep, (n) => new Int32Array(n));
    if (this.codes) this.codes = widened(this.codes.subarray(0, this.length), keep, this.codes instanceof Uint16Array);
  }

  /** Whether it holds a slot: entries are added in slot order, and renumbering keeps it. */
  has(slot: number): boolean {
    const at = firstAtOrAfter(this, slot);
    return at < this.length && this.slots[at] === slot;
  }

  /** Keeps the entries whose slot has a new number (≥ 0 in `renumber`), under that number. */
  renumber(renumber: Int32Array): void {
    let kept = 0;
    for (let i = 0; i < this.length; i++) {
      const slot = renumber[this.slots[i]!]!;
      if (slot < 0) continue;
      this.slots[kept] = slot;
      if (this.codes) this.codes[kept] = this.codes[i]!;
      kept++;
    }
    this.length = kept;
  }
}

/**
 * The live slots found in every group (in any posting of it): what passes every filter, a filter being a
 * group. A slot's count goes from g to g + 1 in group g, so after the last group the slots at the number
 * of groups are those found in all (`hits[slot] === groups.length`).
 */
export function inEveryGroup(groups: Postings[][], size: number, live: Uint8Array): { slots: number[]; hits: Uint8Array } {
  const hits = new Uint8Array(size);
  const slots: number[] = [];
  const last = groups.length - 1;
  for (const [g, lists] of groups.entries()) {
    for (const list of lists) {
      const entries = list.slots;
      for (let i = 0; i < list.length; i++) {
        const slot = entries[i]!;
        if (hits[slot] !== g) continue;
        hits[slot] = g + 1;
        if (g === last && live[slot]) slots.push(slot);
      }
    }
  }
  return { slots, hits };
}

/** Posts a slot under each key (once each) of an index's features (areas, kinds, concepts, …). */
export function postFeatures(features: Map<string, Postings>, keys: string[], slot: number): void {
  for (const key of new Set(keys)) {
    let list = features.get(key);
    if (!list) features.set(key, (list = new Postings()));
    list.push(slot);
  }
}

/** Every feature's postings renumbered (Postings.renumber); features left without slots are forgotten. */
export function renumberFeatures(features: Map<string, Postings>, renumber: Int32Array): void {
  for (const [key, list] of features) {
    list.renumber(renumber);
    if (list.length === 0) features.delete(key);
  }
}

/**
 * Per feature of `prefix` (`kind:`, `stage:`), how many of `slots` that pass carry it: the facet counts of
 * the in-memory indexes (registry records, offers), read off the features' postings.
 */
export function facetCounts(
  features: Map<string, Postings>,
  size: number,
  slots: number[],
  passes: (slot: number) => boolean,
  prefix: string,
): Record<string, number> {
  const marked = new Uint8Array(size);
  for (const slot of slots) if (passes(slot)) marked[slot] = 1;
  const counts: Record<string, number> = {};
  for (const [key, list] of features) {
    if (!key.startsWith(prefix)) continue;
    let n = 0;
    for (let i = 0; i < list.length; i++) n += marked[list.slots[i]!]!;
    if (n > 0) counts[key.slice(prefix.length)] = n;
  }
  return counts;
}

/** A typed array of `size` that starts with `old`'s values: an index's per-slot columns grow by doubling. */
export function grown<A extends Uint8Array | Int32Array | Uint32Array | Float64Array>(old: A, size: number, make: (n: number) => A): A {
  const next = make(size);
  next.set(old.subarray(0, Math.min(old.length, size)) as never);
  return next;
}

/**
 * A number per slot for one query, forgotten all at once by a new stamp rather than by clearing: a query
 * that touches a few hundred slots of a million pays for those, not for a million (a fresh typed array of
 * the set's size is zeroed at each allocation, and collected after). Reset before each use.
 */
export class SlotMap {
  private stamps = new Uint32Array(0);
  private values = new Int32Array(0);
  private stamp = 0;

  /** Forgets every slot's number, with room for `size` slots. */
  reset(size: number): void {
    if (size > this.stamps.length) {
      // a first use takes what it needs; a set that grew since takes room to grow on
      this.stamps = new Uint32Array(this.stamps.length === 0 ? size : size * 2);
      this.values = new Int32Array(this.stamps.length);
      this.stamp = 0;
    }
    this.stamp = this.stamp === 0xffffffff ? 1 : this.stamp + 1;
    if (this.stamp === 1) this.stamps.fill(0);
  }

  set(slot: number, value: number): void {
    this.stamps[slot] = this.stamp;
    this.values[slot] = value;
  }

  has(slot: number): boolean {
    return this.stamps[slot] === this.stamp;
  }

  /** The slot's number since the last reset, else -1. */
  get(slot: number): number {
    return this.stamps[slot] === this.stamp ? this.values[slot]! : -1;
  }
}

/** Entries over all of these postings: what walking them costs. */
export function postingsLength(lists: Postings[]): number {
  let length = 0;
  for (const list of lists) length += list.length;
  return length;
}

/** The first entry of a posting whose slot is `slot` or after (entries are in slot order). */
export function firstAtOrAfter(list: Postings, slot: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (list.slots[mid]! < slot) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Codes copied into an array of `length`, two bytes each when `wide`. */
function widened(codes: RankCodes, length: number, wide: boolean): RankCodes {
  const next = wide ? new Uint16Array(length) : new Uint8Array(length);
  next.set(codes);
  return next;
}
