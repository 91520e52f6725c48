import type { Language } from '../../shared/languages.js';
import type { ListOrder, NameSortKeys } from '../../shared/sort-key.js';
import { detached } from '../detached-string.js';
import { SortKeyColumn } from './sort-key-column.js';
import { grown } from './postings.js';
import type { SlotIdOrder } from './ordering.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';

export type { ListOrder };

/**
 * The directory index's slots in one order. Sorting 100,000 slots takes about 100 ms, so the order is
 * kept: slots added wait, and the next call of `slots` sorts them and puts each in its place by a binary
 * search, moving the runs between them up in place, from the back (a pass comparing every slot took 10 ms;
 * a new array per merge, four orders of a million slots, was 16 MB at every refresh that added a slot).
 * Dead slots stay in the order, skipped by listings, until a compaction renumbers the slots.
 */
class SlotOrder {
  /** The order in its first `length` places, with room after them for slots to come. */
  private order = new Int32Array(0);
  private length = 0;
  private added: number[] = [];

  add(slot: number): void {
    this.added.push(slot);
  }

  /** The slots under their new numbers (≥ 0 in `renumber`) after a compaction; their order does not change. */
  renumber(renumber: Int32Array): void {
    const keep = (slots: Iterable<number>) => [...slots].flatMap((slot) => (renumber[slot]! >= 0 ? [renumber[slot]!] : []));
    this.order = Int32Array.from(keep(this.order.subarray(0, this.length)));
    this.length = this.order.length;
    this.added = keep(this.added);
  }

  /**
   * The order as a snapshot holds it: settled (no slot waiting), so that a restore sorts nothing. A copy:
   * a save is written over several turns, and a merge between them moves the slots in place.
   */
  get settled(): Int32Array {
    if (this.added.length > 0) throw new Error('an order is written to a snapshot once settled');
    return this.order.slice(0, this.length);
  }

  restore(order: Int32Array<ArrayBuffer>): void {
    this.order = order;
    this.length = order.length;
    this.added = [];
  }

  /** Every slot in order, dead ones included (callers check `live`); `before` is the order. */
  slots(before: (a: number, b: number) => boolean): Int32Array {
    if (this.added.length === 0) return this.order.subarray(0, this.length);
    const added = this.added.sort((a, b) => (before(a, b) ? -1 : 1));
    const total = this.length + added.length;
    if (total > this.order.length) {
      const grown = new Int32Array(Math.max(1024, Math.ceil(total * 1.25)));
      grown.set(this.order.subarray(0, this.length));
      this.order = grown;
    }
    const { order } = this;
    // the slots before `end` are still where they were; each added slot goes before the first of them that
    // comes after it (after those equal to it), and the run from there moves up by the slots still to place
    let end = this.length;
    for (let i = added.length - 1; i >= 0; i--) {
      const slot = added[i]!;
      let low = 0;
      let high = end;
      while (low < high) {
        const mid = (low + high) >>> 1;
        if (before(slot, order[mid]!)) high = mid;
        else low = mid + 1;
      }
      order.copyWithin(low + i + 1, low, end);
      order[low + i] = slot;
      end = low;
    }
    this.length = total;
    this.added = [];
    return order.subarray(0, total);
  }
}

const NAME_ORDERS: Language[] = ['ru', 'fr', 'en'];

/**
 * The four orders a listing without relevance walks, kept as slots are added: by name for Russian, French
 * and English readers (each slot's sort key of its language: shared/sort-key.ts), and newest first (by
 * creation time). Ties go by id, as in the database (OrganisationRepository.browse), so paging is stable
 * and both list alike.
 */
export class DirectoryOrders {
  private readonly keys = new Map(NAME_ORDERS.map((lang) => [lang, new SortKeyColumn()]));
  private created = new Float64Array(1024);
  private readonly byName = new Map(NAME_ORDERS.map((lang) => [lang, new SlotOrder()]));
  private readonly newest = new SlotOrder();

  /** Slot `slot` (the next one) holds an organisation with these keys, created then. */
  add(slot: number, sortKeys: NameSortKeys, createdAt: number): void {
    // a name without translations has the same key for French and English readers: held once
    const fr = detached(sortKeys.fr);
    const keys: NameSortKeys = { ru: detached(sortKeys.ru), fr, en: sortKeys.en === sortKeys.fr ? fr : detached(sortKeys.en) };
    for (const lang of NAME_ORDERS) this.keys.get(lang)!.set(slot, keys[lang]);
    if (slot >= this.created.length) this.created = grown(this.created, Math.max(1024, slot * 2), (n) => new Float64Array(n));
    this.created[slot] = createdAt;
    for (const order of this.byName.values()) order.add(slot);
    this.newest.add(slot);
  }

  /** Two slots by the name keys of a language's readers (negative: a's first): what ranked results fall back on in a tie. */
  compareNames(a: number, b: number, lang: Language): number {
    return this.keys.get(lang)!.compare(a, b);
  }

  /** The slots renumbered after a compaction (-1: dropped). */
  renumber(renumber: Int32Array): void {
    const created = new Float64Array(Math.max(1024, renumber.length));
    for (let slot = 0; slot < renumber.length; slot++) if (renumber[slot]! >= 0) created[renumber[slot]!] = this.created[slot]!;
    this.created = created;
    for (const column of this.keys.values()) column.renumber(renumber);
    for (const order of [...this.byName.values(), this.newest]) order.renumber(renumber);
  }

  /** Every slot in this order (dead ones too); `ids` by slot break ties. */
  slots(order: ListOrder, ids: SlotIdOrder): Int32Array {
    if (order.sort === 'newest') {
      const { created } = this;
      return this.newest.slots((a, b) => (created[a] !== created[b] ? created[a]! > created[b]! : ids.before(a, b)));
    }
    const { lang } = order;
    const keys = this.keys.get(lang)!;
    return this.byName.get(lang)!.slots((a, b) => {
      const byName = keys.compare(a, b);
      return byName !== 0 ? byName < 0 : ids.before(a, b);
    });
  }

  /** The sort keys of `size` slots held as a restore holds them (SortKeyColumn.pack). */
  pack(size: number): void {
    for (const column of this.keys.values()) column.pack(size);
  }

  /** Puts every order in step (after a refresh, so that no listing pays for it). */
  settle(ids: SlotIdOrder): void {
    for (const lang of NAME_ORDERS) this.slots({ sort: 'name', lang }, ids);
    this.slots({ sort: 'newest' }, ids);
  }

  /**
   * The sort keys (as UTF-16: they are code points past ASCII, slow to decode from UTF-8), creation times
   * and the four settled orders (snapshot/).
   */
  writeSnapshot(writer: SnapshotWriter, ids: SlotIdOrder & { length: number }): void {
    this.settle(ids);
    for (const lang of NAME_ORDERS) this.keys.get(lang)!.writeSnapshot(writer, ids.length);
    writer.float64(this.created.slice(0, ids.length));
    for (const order of [...this.byName.values(), this.newest]) writer.int32(order.settled);
  }

  /** Replaces the orders by a snapshot's of `size` slots; the sort keys stay undecoded (sort-key-column.ts). */
  readSnapshot(reader: SnapshotReader, size: number): void {
    for (const lang of NAME_ORDERS) this.keys.get(lang)!.readSnapshot(reader, size);
    const created = reader.float64();
    if (created.length !== size) throw new SnapshotFormatError('creation times of another number of slots');
    // a view, exactly full: the next slot added copies it into one of its own
    this.created = created;
    for (const order of [...this.byName.values(), this.newest]) {
      const slots = reader.int32();
      if (slots.length !== size) throw new SnapshotFormatError('an order of another number of slots');
      order.restore(slots);
    }
  }
}
