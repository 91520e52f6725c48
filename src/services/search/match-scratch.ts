import { SlotBits } from './admitted-slots.js';
import { TEXT_RANK_SCALE } from './text-rank.js';
import type { RankParts } from './rank-parts.js';

/**
 * The per-slot arrays matching writes (and ranking reads: the text rank's sums, the marks), kept by an
 * index from one query to the next: before each query only the slots the previous one wrote are cleared,
 * so that a rare word over a million organisations costs its postings, not arrays of a million zeroed and
 * collected. What a query returned is good
 * until the next query taken from the same scratch.
 */
export class MatchScratch {
  private coverage = new Float32Array(0);
  private matched = new Uint8Array(0);
  private strength = new Float32Array(0);
  private enough = new Uint8Array(0);
  private ways: Uint8Array[] = [];
  private marks: Uint8Array[] = [];
  private text = new Float32Array(0);
  /** The slots the previous query wrote: the first `writtenCount` of `touched`. */
  private writtenCount = 0;
  /** Room for the slots a query touches, and for those one word finds: typed, so that a query leaves nothing to collect. */
  touched = new Int32Array(0);
  found = new Int32Array(0);
  /** How many words' ways the previous query wrote: the only ones to clear. */
  private wordsWritten = 0;
  /** The slots a filter admits, and per word the slots it matched anywhere (a filtered search: word-matches.ts). */
  readonly admitted = new SlotBits();
  readonly seen = [new SlotBits(), new SlotBits(), new SlotBits()];

  private byCode = new Float32Array(256);
  /** The dead slots, as of which live array, size and count of live records (any change of liveness changes one). */
  private readonly dead = new SlotBits();
  private deadOf: { live: Uint8Array; size: number; records: number } | null = null;

  /**
   * The dead slots below `size` as bits: what a filtered match starts each word's set of slots seen with,
   * so that an entry outside the filter is counted at two bit tests, without reading a byte of `live` for
   * each (a million bytes, out of the processor's nearer caches). Worked out again when liveness changed.
   */
  deadSlots(live: Uint8Array, size: number, records: number): SlotBits {
    const was = this.deadOf;
    if (was?.live === live && was.size === size && was.records === records) return this.dead;
    this.dead.clear(size);
    if (records < size) for (let slot = 0; slot < size; slot++) if (!live[slot]) this.dead.add(slot);
    this.deadOf = { live, size, records };
    return this.dead;
  }

  private rankedOf: { parts: RankParts; size: number } | null = null;
  private ranked = new Float64Array(0);

  /**
   * Each rank part over ts_rank's scale (text-rank.ts), by its code: what the text rank's sums add. Kept
   * while the table holds the same codes (a lexicon's postings share one).
   */
  rankValues(parts: RankParts): Float64Array {
    const was = this.rankedOf;
    if (was?.parts !== parts || was.size !== parts.size) {
      this.ranked = Float64Array.from(parts.used, (part) => part / TEXT_RANK_SCALE);
      this.rankedOf = { parts, size: parts.size };
    }
    return this.ranked;
  }

  /** Room for one value per rank part's code (word-matches.ts valuesByCode), good until the next call. */
  values(codes: number): Float32Array {
    if (this.byCode.length < codes) this.byCode = new Float32Array(codes * 2);
    return this.byCode;
  }

  /** Clean arrays of at least `size` slots, and one array of ways per word. */
  take(size: number, words: number) {
    if (this.coverage.length < size) {
      // a first query takes what it needs; an index that grew since takes room to grow on
      const room = this.coverage.length === 0 ? size : size * 2;
      this.coverage = new Float32Array(room);
      this.matched = new Uint8Array(room);
      this.strength = new Float32Array(room);
      this.enough = new Uint8Array(room);
      this.touched = new Int32Array(room);
      this.found = new Int32Array(room);
      this.text = new Float32Array(room);
      this.ways = [];
      this.marks = [];
    } else {
      const { coverage, matched, enough, text, touched, writtenCount } = this;
      for (let i = 0; i < writtenCount; i++) {
        const slot = touched[i]!;
        coverage[slot] = 0;
        matched[slot] = 0;
        enough[slot] = 0;
        text[slot] = 0;
      }
      const written = [...this.ways.slice(0, this.wordsWritten), ...this.marks.slice(0, this.wordsWritten)];
      for (const perSlot of written) for (let i = 0; i < writtenCount; i++) perSlot[touched[i]!] = 0;
    }
    this.writtenCount = 0;
    this.wordsWritten = words;
    while (this.ways.length < words) this.ways.push(new Uint8Array(this.coverage.length));
    while (this.marks.length < words) this.marks.push(new Uint8Array(this.coverage.length));
    const { coverage, matched, strength, enough, ways, marks, text } = this;
    return { coverage, matched, strength, enough, ways, marks, text };
  }

  /** How many slots of `touched` a query wrote (every other slot is still clean). */
  wrote(count: number): void {
    this.writtenCount = count;
  }
}
