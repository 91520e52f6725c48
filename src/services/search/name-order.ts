/**
 * The directory index's slots in the order a listing without words shows them: by sort name, then by id
 * (as the database orders them under the C collation PGlite uses). Sorting 100,000 names takes about
 * 100 ms, so the order is kept: slots added wait, and the next call of `slots` sorts them and puts each in
 * its place by a binary search, copying the runs between them (a pass comparing every slot took 10 ms).
 * Dead slots stay in the order, skipped by listings, until a compaction renumbers the slots.
 */
export class NameOrder {
  private order = new Int32Array(0);
  private added: number[] = [];

  add(slot: number): void {
    this.added.push(slot);
  }

  /** The slots under their new numbers (≥ 0 in `renumber`) after a compaction; names do not change, nor does their order. */
  renumber(renumber: Int32Array): void {
    const keep = (slots: Iterable<number>) => [...slots].flatMap((slot) => (renumber[slot]! >= 0 ? [renumber[slot]!] : []));
    this.order = Int32Array.from(keep(this.order));
    this.added = keep(this.added);
  }

  /** Every slot in order, dead ones included (callers check `live`). */
  slots(sortNames: string[], ids: string[]): Int32Array {
    if (this.added.length === 0) return this.order;
    const before = (a: number, b: number) => (sortNames[a] !== sortNames[b] ? sortNames[a]! < sortNames[b]! : ids[a]! < ids[b]!);
    const added = this.added.sort((a, b) => (before(a, b) ? -1 : 1));
    const { order } = this;
    const merged = new Int32Array(order.length + added.length);
    let from = 0;
    for (const [i, slot] of added.entries()) {
      // the first place at or after `from` whose slot comes after this one
      let low = from;
      let high = order.length;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (before(slot, order[mid]!)) high = mid;
        else low = mid + 1;
      }
      merged.set(order.subarray(from, low), from + i);
      merged[low + i] = slot;
      from = low;
    }
    merged.set(order.subarray(from), from + added.length);
    this.order = merged;
    this.added = [];
    return merged;
  }
}
