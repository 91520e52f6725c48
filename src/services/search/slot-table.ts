import type { IdColumn } from './id-column.js';
import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';

/** What a slot table reads of its index's ids (IdColumn). */
export type SlotIds = Pick<IdColumn, 'hashAt' | 'hashOf' | 'holds'>;

/** A slot table's content as a snapshot holds it. */
export interface SlotPlaces {
  places: Int32Array<ArrayBuffer>;
  count: number;
  deleted: number;
}

/** An empty place of the table, and a place whose slot was deleted (passed over by lookups, taken by inserts). */
const EMPTY = -1;
const DELETED = -2;

/**
 * Each live organisation's slot by id, for an in-memory index whose ids are already held by slot: a table
 * of slots (open addressing, linear probing) that finds an id's slot by hashing the id and comparing it
 * with the id of the slots it meets. A Map of 1,000,000 ids took 40 MB of heap and a second to fill after
 * a restore; this is 8 MB of integers, filled in a tenth of that.
 *
 * `ids` holds each slot's id (id-column.ts): a slot must hold its id there before it is set here.
 */
export class SlotTable {
  private places = new Int32Array(16).fill(EMPTY);
  private mask = 15;
  private count = 0;
  private deleted = 0;

  constructor(private readonly ids: () => SlotIds) {}

  /** How many ids it holds. */
  get size(): number {
    return this.count;
  }

  get(id: string): number | undefined {
    const at = this.find(id);
    return at < 0 ? undefined : this.places[at];
  }

  has(id: string): boolean {
    return this.find(id) >= 0;
  }

  /** The slot of `id` (which `idOf(slot)` gives), replacing the one it had. */
  set(id: string, slot: number): void {
    const at = this.find(id);
    if (at >= 0) {
      this.places[at] = slot;
      return;
    }
    if ((this.count + this.deleted + 1) * 2 > this.places.length) this.resize(Math.max(16, (this.count + 1) * 4));
    this.insert(this.ids().hashOf(id), slot);
    this.count++;
  }

  delete(id: string): boolean {
    const at = this.find(id);
    if (at < 0) return false;
    this.places[at] = DELETED;
    this.count--;
    this.deleted++;
    return true;
  }

  clear(): void {
    this.places = new Int32Array(16).fill(EMPTY);
    this.mask = 15;
    this.count = this.deleted = 0;
  }

  /** Holds exactly the slots below `slots` whose `live` flag is set (after a restore or a renumbering). */
  rebuild(slots: number, live: Uint8Array): void {
    let count = 0;
    for (let slot = 0; slot < slots; slot++) count += live[slot]! ? 1 : 0;
    this.places = new Int32Array(capacityFor(count)).fill(EMPTY);
    this.mask = this.places.length - 1;
    this.count = count;
    this.deleted = 0;
    const ids = this.ids();
    for (let slot = 0; slot < slots; slot++) if (live[slot]) this.insert(ids.hashAt(slot), slot);
  }

  /**
   * The table as it is (a copy: a save is written over several turns, and sets between them change it),
   * so that a restore reads it back rather than hashing every id again: a fifth of a second at 1,000,000.
   */
  writeSnapshot(writer: SnapshotWriter): void {
    writer.json({ count: this.count, deleted: this.deleted }).int32(this.places.slice());
  }

  /** The table writeSnapshot wrote, for `slots` slots: its places a view of the snapshot's (restore takes it). */
  static readSnapshot(reader: SnapshotReader, slots: number): SlotPlaces {
    const { count, deleted } = reader.json<{ count: number; deleted: number }>();
    const places = reader.int32();
    const size = places.length;
    if (size < 16 || (size & (size - 1)) !== 0 || !(count >= 0 && deleted >= 0 && (count + deleted) * 2 <= size))
      throw new SnapshotFormatError('a slot table of a broken size');
    for (let at = 0; at < size; at++) if (places[at]! >= slots || places[at]! < DELETED) throw new SnapshotFormatError('a slot table naming no slot');
    return { places, count, deleted };
  }

  /** Takes a snapshot's table (readSnapshot), of the ids the index holds now. */
  restore(table: SlotPlaces): void {
    this.places = table.places;
    this.mask = table.places.length - 1;
    this.count = table.count;
    this.deleted = table.deleted;
  }

  private find(id: string): number {
    const { places, mask } = this;
    const ids = this.ids();
    for (let at = ids.hashOf(id) & mask; ; at = (at + 1) & mask) {
      const slot = places[at]!;
      if (slot === EMPTY) return -1;
      if (slot !== DELETED && ids.holds(slot, id)) return at;
    }
  }

  /** Puts a slot at the first free place from its hash (the id is known not to be there). */
  private insert(hashed: number, slot: number): void {
    const { places, mask } = this;
    let at = hashed & mask;
    while (places[at]! >= 0) at = (at + 1) & mask;
    if (places[at] === DELETED) this.deleted--;
    places[at] = slot;
  }

  private resize(wanted: number): void {
    const old = this.places;
    this.places = new Int32Array(capacityFor(wanted / 2)).fill(EMPTY);
    this.mask = this.places.length - 1;
    this.deleted = 0;
    const ids = this.ids();
    for (const slot of old) if (slot >= 0) this.insert(ids.hashAt(slot), slot);
  }
}

/** A power of two at least twice `count`: probes stay short at half full. */
function capacityFor(count: number): number {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  return capacity;
}
