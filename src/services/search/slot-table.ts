/** An empty place of the table, and a place whose slot was deleted (passed over by lookups, taken by inserts). */
const EMPTY = -1;
const DELETED = -2;

/**
 * Each live organisation's slot by id, for an in-memory index whose ids are already held by slot: a table
 * of slots (open addressing, linear probing) that finds an id's slot by hashing the id and comparing it
 * with the id of the slots it meets. A Map of 1,000,000 ids took 40 MB of heap and a second to fill after
 * a restore; this is 8 MB of integers, filled in a tenth of that.
 *
 * `idOf` gives a slot's id: a slot must hold its id (in the index's ids) before it is set here.
 */
export class SlotTable {
  private places = new Int32Array(16).fill(EMPTY);
  private mask = 15;
  private count = 0;
  private deleted = 0;

  constructor(private readonly idOf: (slot: number) => string) {}

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
    this.insert(hash(id), slot);
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
    for (let slot = 0; slot < slots; slot++) if (live[slot]) this.insert(hash(this.idOf(slot)), slot);
  }

  private find(id: string): number {
    const { places, mask } = this;
    for (let at = hash(id) & mask; ; at = (at + 1) & mask) {
      const slot = places[at]!;
      if (slot === EMPTY) return -1;
      if (slot !== DELETED && this.idOf(slot) === id) return at;
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
    for (const slot of old) if (slot >= 0) this.insert(hash(this.idOf(slot)), slot);
  }
}

/** A power of two at least twice `count`: probes stay short at half full. */
function capacityFor(count: number): number {
  let capacity = 16;
  while (capacity < count * 2) capacity *= 2;
  return capacity;
}

/** FNV-1a over the id's code units. */
function hash(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
