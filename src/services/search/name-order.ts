/**
 * The directory index's slots in the order a listing without words shows them: by sort name, then by id
 * (as the database orders them under the C collation PGlite uses). Sorting 100,000 names takes about
 * 100 ms, so the order is kept: slots added wait and are merged in by the next call of `slots` (the index
 * makes it at the end of each refresh): a sort of the few, one pass over the many, dropping dead slots.
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

  /** The live slots in order (slots that died since the last call may still be in it: callers check `live`). */
  slots(sortNames: string[], ids: string[], live: Uint8Array): Int32Array {
    if (this.added.length === 0) return this.order;
    const before = (a: number, b: number) => (sortNames[a] !== sortNames[b] ? sortNames[a]! < sortNames[b]! : ids[a]! < ids[b]!);
    const added = this.added.filter((slot) => live[slot]).sort((a, b) => (before(a, b) ? -1 : 1));
    const merged = new Int32Array(this.order.length + added.length);
    let length = 0;
    let next = 0;
    for (const slot of this.order) {
      if (!live[slot]) continue;
      while (next < added.length && before(added[next]!, slot)) merged[length++] = added[next++]!;
      merged[length++] = slot;
    }
    while (next < added.length) merged[length++] = added[next++]!;
    this.order = merged.slice(0, length);
    this.added = [];
    return this.order;
  }
}
