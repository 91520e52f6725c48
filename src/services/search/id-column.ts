import { SnapshotFormatError, type SnapshotReader, type SnapshotWriter } from './snapshot/codec.js';

/** Bytes an id takes: a UUID's sixteen. */
const WIDTH = 16;
/** An id as the database writes a uuid: lowercase, hyphenated. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Where a UUID's hyphens come, after which byte. */
const HYPHEN_AFTER = new Set([3, 5, 7, 9]);
const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/**
 * An in-memory index's organisation ids by slot, sixteen bytes each rather than a string each: a million
 * ids as strings were 60 MB of heap per index that every collection walked, and a restore decoded them
 * one by one; here they are one typed array, restored as a view of the snapshot. A slot's id is made into
 * a string only when asked (a page of results), and ids are compared byte by byte, which for lowercase
 * hexadecimal is their code-unit order (the database's `collate "C"`, by which ties are broken).
 *
 * An id that is not a lowercase UUID (none comes from the database, whose ids are uuid) is kept as a
 * string beside, so that the column holds whatever it is given.
 */
export class IdColumn {
  private bytes: Uint8Array;
  private count = 0;
  private readonly others = new Map<number, string>();
  /** The last id parsed for a lookup (SlotTable hashes, then compares the same id). */
  private parsedId: string | null = null;
  private readonly parsed = new Uint8Array(WIDTH);

  constructor(capacity = 1024) {
    this.bytes = new Uint8Array(capacity * WIDTH);
  }

  get length(): number {
    return this.count;
  }

  /** Adds `id` at the next slot, which it returns. */
  push(id: string): number {
    const slot = this.count;
    if ((slot + 1) * WIDTH > this.bytes.length) {
      const bytes = new Uint8Array(Math.max(1024, slot * 2) * WIDTH);
      bytes.set(this.bytes.subarray(0, slot * WIDTH));
      this.bytes = bytes;
    }
    if (this.parse(id)) this.bytes.set(this.parsed, slot * WIDTH);
    else this.others.set(slot, id);
    this.count++;
    return slot;
  }

  get(slot: number): string {
    const other = this.others.get(slot);
    if (other !== undefined) return other;
    const { bytes } = this;
    let id = '';
    for (let i = 0, at = slot * WIDTH; i < WIDTH; i++) {
      id += HEX[bytes[at + i]!]!;
      if (HYPHEN_AFTER.has(i)) id += '-';
    }
    return id;
  }

  /** Whether slot a's id comes before slot b's, in code-unit order. */
  before(a: number, b: number): boolean {
    if (this.others.size > 0 && (this.others.has(a) || this.others.has(b))) return this.get(a) < this.get(b);
    const { bytes } = this;
    for (let i = a * WIDTH, j = b * WIDTH, end = i + WIDTH; i < end; i++, j++) if (bytes[i] !== bytes[j]) return bytes[i]! < bytes[j]!;
    return false;
  }

  /** The hash of slot `slot`'s id, which `hashOf` gives for the id itself (SlotTable). */
  hashAt(slot: number): number {
    const other = this.others.get(slot);
    return other !== undefined ? hashText(other) : hashBytes(this.bytes, slot * WIDTH);
  }

  hashOf(id: string): number {
    return this.parse(id) ? hashBytes(this.parsed, 0) : hashText(id);
  }

  /** Whether slot `slot` holds `id`. */
  holds(slot: number, id: string): boolean {
    const other = this.others.get(slot);
    if (other !== undefined) return other === id;
    if (!this.parse(id)) return false;
    const { bytes, parsed } = this;
    for (let i = 0, at = slot * WIDTH; i < WIDTH; i++) if (bytes[at + i] !== parsed[i]) return false;
    return true;
  }

  /** The ids of the slots that have a new number (≥ 0 in `renumber`), under that number: a new column. */
  renumbered(renumber: Int32Array, capacity: number): IdColumn {
    const column = new IdColumn(capacity);
    for (let slot = 0; slot < this.count; slot++) {
      const to = renumber[slot]!;
      if (to < 0) continue;
      column.bytes.set(this.bytes.subarray(slot * WIDTH, (slot + 1) * WIDTH), to * WIDTH);
      const other = this.others.get(slot);
      if (other !== undefined) column.others.set(to, other);
      column.count = Math.max(column.count, to + 1);
    }
    return column;
  }

  /** Two sections: the bytes of every slot, and the ids kept as strings with their slots. */
  writeSnapshot(writer: SnapshotWriter): void {
    writer.uint8(this.bytes.slice(0, this.count * WIDTH));
    writer.json([...this.others]);
  }

  /** The column writeSnapshot wrote, which must hold `size` ids: its bytes a view of the snapshot's. */
  static readSnapshot(reader: SnapshotReader, size: number): IdColumn {
    const bytes = reader.uint8();
    const others = reader.json<[number, string][]>();
    if (bytes.length !== size * WIDTH) throw new SnapshotFormatError('ids of another number of slots');
    if (!Array.isArray(others) || others.some(([slot, id]) => !(slot >= 0 && slot < size) || typeof id !== 'string'))
      throw new SnapshotFormatError('ids kept as strings, broken');
    const column = new IdColumn(0);
    // exactly full: the next push copies it into an array of its own
    column.bytes = bytes;
    column.count = size;
    for (const [slot, id] of others) column.others.set(slot, id);
    return column;
  }

  /** Reads a UUID's bytes into `parsed`; false when `id` is not one. */
  private parse(id: string): boolean {
    if (id === this.parsedId) return true;
    if (!UUID.test(id)) return false;
    for (let i = 0, at = 0; i < WIDTH; i++, at += 2) {
      if (id.charCodeAt(at) === 45) at++;
      this.parsed[i] = (nibble(id.charCodeAt(at)) << 4) | nibble(id.charCodeAt(at + 1));
    }
    this.parsedId = id;
    return true;
  }
}

const nibble = (c: number) => (c <= 57 ? c - 48 : c - 87);

/** FNV-1a over an id's sixteen bytes. */
function hashBytes(bytes: Uint8Array, at: number): number {
  let h = 0x811c9dc5;
  for (let i = at; i < at + WIDTH; i++) h = Math.imul(h ^ bytes[i]!, 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}

/** FNV-1a over the code units of an id that is not a UUID. */
function hashText(id: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 0x01000193);
  return (h ^ (h >>> 15)) >>> 0;
}
