import { compare as compareStrings } from './ordering.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';

/** How many decoded keys a column keeps (a power of two). */
const RECENT = 1024;

/**
 * One language's sort keys by slot. Keys restored from a snapshot stay as the section's UTF-16 code units
 * and are decoded one at a time when a comparison asks (a tie in a ranking, a slot added to an order):
 * decoding the 3,000,000 keys of 1,000,000 organisations at a restore took a second and 240 MB of heap,
 * which no search needs at once. Keys of slots added since are held as strings.
 */
export class SortKeyColumn {
  private units = new Uint16Array(0);
  private text = Buffer.alloc(0);
  /** Where each restored slot's key starts in `units`; the next start is one past its end (the 0). */
  private starts = new Int32Array(1);
  private restored = 0;
  private added: string[] = [];
  /**
   * The last keys decoded, by slot modulo their number: a ranking compares each match with the last of
   * its best ones, whose key is asked again and again.
   */
  private readonly recentSlots = new Int32Array(RECENT).fill(-1);
  private readonly recentKeys: string[] = new Array<string>(RECENT).fill('');

  get(slot: number): string {
    if (slot >= this.restored) return this.added[slot - this.restored]!;
    const at = slot & (RECENT - 1);
    if (this.recentSlots[at] === slot) return this.recentKeys[at]!;
    const key = this.text.toString('utf16le', this.starts[slot]! * 2, (this.starts[slot + 1]! - 1) * 2);
    this.recentSlots[at] = slot;
    this.recentKeys[at] = key;
    return key;
  }

  /**
   * Slot a's key against slot b's, in code-unit order (as `<` compares them): negative when a's comes first.
   * Restored keys are compared where they lie, undecoded: a one-word query ties tens of thousands of
   * matches, whose names decoded one by one were a fifth of its search at 1M. A key holds no 0 unit
   * (sort-key.ts: weights from 0x100, separators 1), so the 0 after each is below every unit and a key
   * sorts before the longer keys it starts.
   */
  compare(a: number, b: number): number {
    if (a < this.restored && b < this.restored) {
      const units = this.units;
      for (let i = this.starts[a]!, j = this.starts[b]!; ; i++, j++) {
        const x = units[i]!;
        const y = units[j]!;
        if (x !== y) return x - y;
        if (x === 0) return 0;
      }
    }
    return compareStrings(this.get(a), this.get(b));
  }

  /**
   * The key of slot `slot`, the next one or one past the restored ones (a load, a change read), held as
   * given: the caller detaches it from the row it was read with, once for languages whose keys are equal.
   */
  set(slot: number, key: string): void {
    this.added[slot - this.restored] = key;
  }

  /** The slots renumbered after a compaction (-1: dropped): the kept keys become strings. */
  renumber(renumber: Int32Array): void {
    const added: string[] = [];
    for (let slot = 0; slot < renumber.length; slot++) if (renumber[slot]! >= 0) added[renumber[slot]!] = this.get(slot);
    this.units = new Uint16Array(0);
    this.text = Buffer.alloc(0);
    this.starts = new Int32Array(1);
    this.restored = 0;
    this.added = added;
    this.recentSlots.fill(-1);
  }

  /**
   * The keys of `size` slots held as the restored ones are, code units undecoded: after a first load of
   * 1,000,000 organisations their 3,000,000 strings took 240 MB of heap, as units 200 MB outside it, which
   * no collection has to walk. Each key is decoded again at its next comparison.
   */
  pack(size: number): void {
    if (size === this.restored) return;
    const starts = new Int32Array(size + 1);
    for (let slot = 0; slot < size; slot++) starts[slot + 1] = starts[slot]! + this.get(slot).length + 1;
    // each key written in its place (the zeros between are the ends), not joined first: a joined string of
    // a million keys would be a transient 130 MB at the end of a load, the process's peak
    const text = Buffer.alloc(starts[size]! * 2);
    for (let slot = 0; slot < size; slot++) text.write(this.get(slot), starts[slot]! * 2, 'utf16le');
    this.units = new Uint16Array(text.buffer, text.byteOffset, text.byteLength / 2);
    this.text = text;
    this.starts = starts;
    this.restored = size;
    this.added = [];
    this.recentSlots.fill(-1);
  }

  /**
   * Writes the keys of `size` slots as one UTF-16 section and where each starts: the restored units as
   * they are when nothing was added. The starts are written rather than found again at a restore, where
   * looking for the ends of 3,000,000 keys took a fifth of a second of the first search after a restart.
   */
  writeSnapshot(writer: SnapshotWriter, size: number): void {
    if (size === this.restored) {
      writer.utf16Units(this.units.subarray(0, this.starts[size]!)).int32(this.starts, size + 1);
      return;
    }
    const keys = Array.from({ length: size }, (_, slot) => this.get(slot));
    const starts = new Int32Array(size + 1);
    for (const [slot, key] of keys.entries()) starts[slot + 1] = starts[slot]! + key.length + 1;
    writer.utf16Strings(keys).int32(starts);
  }

  /** Replaces the keys by a snapshot's sections, which must hold `size` of them. */
  readSnapshot(reader: SnapshotReader, size: number): void {
    const units = reader.utf16Units();
    const starts = reader.int32();
    if (starts.length !== size + 1 || starts[0] !== 0 || starts[size] !== units.length)
      throw new SnapshotFormatError('sort keys of another number of slots');
    // each key ends where the next starts, with its 0: a broken file is refused, not read across keys
    for (let slot = 0; slot < size; slot++)
      if (starts[slot + 1]! <= starts[slot]! || units[starts[slot + 1]! - 1] !== 0) throw new SnapshotFormatError('sort keys of broken lengths');
    this.units = units;
    this.text = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
    this.starts = starts;
    this.restored = size;
    this.added = [];
    this.recentSlots.fill(-1);
  }
}
