import { randomBytes } from 'node:crypto';
import { closeSync, fstatSync, openSync, read as readCallback, readSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';

/**
 * The binary form of an in-memory index's snapshot: a magic, then sections one after another, each a
 * kind byte, the bytes of room to leave after it when read (a posting that grows in place), its byte
 * length, padding to 8 bytes, and its bytes. Typed arrays are written as they lie in
 * memory and read back as views of their section's buffer, so a restore copies nothing and parses no
 * numbers: 1,000,000 organisations' postings are back in the time it takes to read the file.
 *
 * Strings (ids, lexemes, feature keys, sort keys) are one UTF-8 section joined by NUL, which no stored
 * text holds (shared/schemas/unsafe-values.ts refuses it at every entry).
 *
 * The writer and reader must agree on the order of sections: each index writes and reads its own in one
 * function pair, beside its fields, and a format number in its JSON header says when that order changed.
 */
const MAGIC = Buffer.from('CBSNAP01', 'latin1');
const SEPARATOR = '\u0000';

enum Kind {
  Json = 1,
  Strings = 2,
  Int32 = 3,
  Float32 = 4,
  Uint8 = 5,
  Float64 = 6,
  Uint32 = 7,
  Utf16Strings = 8,
  Uint16 = 9,
}

const pad = (n: number) => (8 - (n % 8)) % 8;

export class SnapshotWriter {
  private readonly parts: Uint8Array[] = [MAGIC];
  private size = MAGIC.length;

  json(value: unknown): this {
    return this.section(Kind.Json, Buffer.from(JSON.stringify(value), 'utf8'));
  }

  strings(list: readonly string[]): this {
    return this.section(Kind.Strings, Buffer.from(list.length === 0 ? '' : list.join(SEPARATOR) + SEPARATOR, 'utf8'));
  }

  /**
   * Strings mostly outside ASCII (sort keys, Cyrillic lexemes) as UTF-16: read back at the speed of a
   * copy, where decoding UTF-8 costs a second per million sort keys.
   */
  utf16Strings(list: readonly string[]): this {
    return this.section(Kind.Utf16Strings, Buffer.from(list.length === 0 ? '' : list.join(SEPARATOR) + SEPARATOR, 'utf16le'));
  }

  /** A UTF-16 string section from code units already joined (each string ended by a 0): SnapshotReader.utf16Units. */
  utf16Units(units: Uint16Array): this {
    return this.section(Kind.Utf16Strings, view(units, units.length));
  }

  /** `room`: elements of zeros the reader leaves after them, not written (SnapshotReader.withRoom). */
  int32(array: Int32Array, length = array.length, room = 0): this {
    return this.section(Kind.Int32, view(array, length), room * 4);
  }

  uint32(array: Uint32Array, length = array.length): this {
    return this.section(Kind.Uint32, view(array, length));
  }

  uint16(array: Uint16Array, length = array.length, room = 0): this {
    return this.section(Kind.Uint16, view(array, length), room * 2);
  }

  float32(array: Float32Array, length = array.length): this {
    return this.section(Kind.Float32, view(array, length));
  }

  float64(array: Float64Array, length = array.length): this {
    return this.section(Kind.Float64, view(array, length));
  }

  uint8(array: Uint8Array, length = array.length, room = 0): this {
    return this.section(Kind.Uint8, view(array, length), room);
  }

  /** Writes the sections to `path` whole or not at all: a temporary file beside it, renamed over it. */
  async save(path: string): Promise<number> {
    const temporary = `${path}.${randomBytes(4).toString('hex')}.tmp`;
    const file = await open(temporary, 'w', 0o600);
    try {
      for (const part of this.parts) await file.write(part);
      await file.sync();
    } catch (error) {
      await file.close();
      await rm(temporary, { force: true });
      throw error;
    }
    await file.close();
    await rename(temporary, path);
    return this.size;
  }

  private section(kind: Kind, bytes: Uint8Array, room = 0): this {
    const head = Buffer.alloc(16);
    head.writeUInt8(kind, 0);
    head.writeUInt32LE(room, 4);
    head.writeBigUInt64LE(BigInt(bytes.byteLength), 8);
    this.parts.push(head, bytes);
    this.size += head.length + bytes.byteLength;
    const padding = pad(bytes.byteLength);
    if (padding > 0) {
      this.parts.push(new Uint8Array(padding));
      this.size += padding;
    }
    return this;
  }
}

function view(array: ArrayBufferView, length: number): Uint8Array {
  const width = (array as unknown as { BYTES_PER_ELEMENT: number }).BYTES_PER_ELEMENT;
  return new Uint8Array(array.buffer, array.byteOffset, length * width);
}

/** The strings a section held, each ended by a NUL. */
function split(text: string): string[] {
  if (text === '') return [];
  const list = text.split(SEPARATOR);
  list.pop();
  return list;
}

/** A snapshot file that is not one, or not of the expected layout: the index loads from the database instead. */
export class SnapshotFormatError extends Error {
  override name = 'SnapshotFormatError';
}

/** A section as read: its kind and its bytes (null once a string section is decoded). */
interface Section {
  kind: Kind;
  bytes: Uint8Array<ArrayBuffer> | null;
  /** Bytes of zeros after `bytes` in the same buffer, never read from the file. */
  room: number;
}

export class SnapshotReader {
  private next = 0;

  private constructor(private readonly sections: Section[]) {}

  /**
   * The snapshot at `path`, or null when there is none. String sections are read apart from the others and
   * let go once decoded: a buffer of the whole file kept 230 MB of ids and sort keys alive beside the
   * strings made of them.
   */
  static async open(path: string): Promise<SnapshotReader | null> {
    let fd: number;
    try {
      fd = openSync(path, 'r');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      // the heads are read at once (a few small reads), so that the sections' reads are all under way
      // before this returns, whatever keeps the main thread busy meanwhile (a server building its routes)
      return new SnapshotReader(
        await readSections(
          fstatSync(fd).size,
          (into, position) => {
            for (let done = 0; done < into.byteLength; ) {
              const read = readSync(fd, into, done, into.byteLength - done, position + done);
              if (read === 0) throw new SnapshotFormatError('the snapshot ends early');
              done += read;
            }
          },
          (into, position) => readAll(fd, into, position),
        ),
      );
    } finally {
      closeSync(fd);
    }
  }

  static async of(bytes: Buffer): Promise<SnapshotReader> {
    const copy = (into: Uint8Array, position: number) => into.set(bytes.subarray(position, position + into.byteLength));
    return new SnapshotReader(await readSections(bytes.length, copy, (into, position) => Promise.resolve(copy(into, position))));
  }

  json<T>(): T {
    return JSON.parse(text(this.take(Kind.Json, true), 'utf8')) as T;
  }

  strings(): string[] {
    return split(text(this.take(Kind.Strings, true), 'utf8'));
  }

  utf16Strings(): string[] {
    const bytes = this.take(Kind.Utf16Strings, true);
    if (bytes.byteLength % 2 !== 0) throw new SnapshotFormatError('UTF-16 strings of an odd length');
    return split(text(bytes, 'utf16le'));
  }

  /**
   * A UTF-16 string section as its code units, each string ended by a 0, not decoded: what an index that
   * decodes a string only when it needs it keeps (the sort keys: 190 MB of units, 3,000,000 strings).
   */
  utf16Units(): Uint16Array<ArrayBuffer> {
    return this.typed(Kind.Utf16Strings, 2, (b, o, n) => new Uint16Array(b, o, n));
  }

  int32(): Int32Array<ArrayBuffer> {
    return this.typed(Kind.Int32, 4, (b, o, n) => new Int32Array(b, o, n));
  }

  uint32(): Uint32Array<ArrayBuffer> {
    return this.typed(Kind.Uint32, 4, (b, o, n) => new Uint32Array(b, o, n));
  }

  uint16(): Uint16Array<ArrayBuffer> {
    return this.typed(Kind.Uint16, 2, (b, o, n) => new Uint16Array(b, o, n));
  }

  float32(): Float32Array<ArrayBuffer> {
    return this.typed(Kind.Float32, 4, (b, o, n) => new Float32Array(b, o, n));
  }

  float64(): Float64Array<ArrayBuffer> {
    return this.typed(Kind.Float64, 8, (b, o, n) => new Float64Array(b, o, n));
  }

  uint8(): Uint8Array<ArrayBuffer> {
    return this.typed(Kind.Uint8, 1, (b, o, n) => new Uint8Array(b, o, n));
  }

  /**
   * The next typed section of `kind` (Int32, Uint16 or Uint8) as an array that runs on over the room its
   * writer asked for (zeros, in memory only once written to), and how many elements it holds.
   */
  withRoom<A extends Int32Array | Uint16Array | Uint8Array>(
    kind: 'int32' | 'uint16' | 'uint8',
  ): { array: A; length: number } {
    const { room } = this.sections[this.next] ?? { room: 0 };
    const [sectionKind, width, make] = WITH_ROOM[kind];
    const data = this.typed(sectionKind, width, (b, o, n) => ({ b, o, n }));
    if (room % width !== 0) throw new SnapshotFormatError('room of a broken length');
    return { array: make(data.b, data.o, data.n + room / width) as A, length: data.n };
  }

  /** Whether every section has been read. */
  get done(): boolean {
    return this.next === this.sections.length;
  }

  private typed<A>(kind: Kind, width: number, make: (buffer: ArrayBuffer, offset: number, length: number) => A): A {
    const bytes = this.take(kind, false);
    if (bytes.byteLength % width !== 0) throw new SnapshotFormatError('a typed section of a broken length');
    // sections lie at multiples of 8 in their buffer (readSections): aligned for every width
    return make(bytes.buffer, bytes.byteOffset, bytes.byteLength / width);
  }

  /** The next section, which must be of `kind`; a decoded one is let go (`release`). */
  private take(kind: Kind, release: boolean): Uint8Array<ArrayBuffer> {
    const section = this.sections[this.next];
    if (!section?.bytes) throw new SnapshotFormatError('the snapshot ends early');
    if (section.kind !== kind) throw new SnapshotFormatError(`section ${section.kind} where ${kind} was expected`);
    this.next++;
    const { bytes } = section;
    if (release) section.bytes = null;
    return bytes;
  }
}

/** The sections that may have room after them (SnapshotReader.withRoom): their kind, width and array. */
const WITH_ROOM = {
  int32: [Kind.Int32, 4, (b: ArrayBuffer, o: number, n: number) => new Int32Array(b, o, n)],
  uint16: [Kind.Uint16, 2, (b: ArrayBuffer, o: number, n: number) => new Uint16Array(b, o, n)],
  uint8: [Kind.Uint8, 1, (b: ArrayBuffer, o: number, n: number) => new Uint8Array(b, o, n)],
} as const;

const text = (bytes: Uint8Array, encoding: 'utf8' | 'utf16le') =>
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString(encoding);

/** Sections decoded into strings at once: read into a buffer of their own, let go once decoded. */
const DECODED = new Set([Kind.Json, Kind.Strings]);
/** Reads of a large section are cut in parts this long, read side by side (libuv's threads). */
const READ_PART = 16 * 1024 * 1024;

/**
 * Every section's head and bytes, read by `read(into, position)` from a snapshot of `size` bytes: the heads
 * first, then the sections' bytes in two buffers, one for what the index keeps (typed arrays, UTF-16 code
 * units), one for what it decodes and lets go. Two allocations rather than one per section: each large
 * buffer made V8 collect garbage (external memory), over a second of a restore of 1,000,000 organisations.
 */
async function readSections(
  size: number,
  readNow: (into: Uint8Array, position: number) => void,
  read: (into: Uint8Array, position: number) => Promise<void>,
): Promise<Section[]> {
  if (size < MAGIC.length) throw new SnapshotFormatError('not a snapshot');
  const magic = new Uint8Array(MAGIC.length);
  readNow(magic, 0);
  if (!MAGIC.equals(magic)) throw new SnapshotFormatError('not a snapshot');
  const heads: { kind: Kind; start: number; length: number; room: number }[] = [];
  const head = Buffer.alloc(16);
  const room = { kept: 0, decoded: 0 };
  for (let at = MAGIC.length; at < size; ) {
    if (at + 16 > size) throw new SnapshotFormatError('the snapshot ends early');
    readNow(head, at);
    const kind = head.readUInt8(0) as Kind;
    const length = Number(head.readBigUInt64LE(8));
    const start = at + 16;
    if (start + length > size) throw new SnapshotFormatError('the snapshot ends early');
    // room is for what an index keeps and grows (postings), never for what it decodes
    const after = DECODED.has(kind) ? 0 : head.readUInt32LE(4);
    heads.push({ kind, start, length, room: after });
    room[DECODED.has(kind) ? 'decoded' : 'kept'] += length + after + pad(length + after);
    at = start + length + pad(length);
  }
  const buffers = { kept: new ArrayBuffer(room.kept), decoded: new ArrayBuffer(room.decoded) };
  const used = { kept: 0, decoded: 0 };
  const reads: Promise<void>[] = [];
  const sections = heads.map(({ kind, start, length, room: after }): Section => {
    const which = DECODED.has(kind) ? 'decoded' : 'kept';
    // each section at a multiple of 8 in its buffer: aligned for every typed array; its room (zeros of
    // a fresh allocation) follows, not read, so not resident until written
    const bytes = new Uint8Array(buffers[which], used[which], length);
    used[which] += length + after + pad(length + after);
    for (let from = 0; from < length; from += READ_PART)
      reads.push(read(bytes.subarray(from, Math.min(length, from + READ_PART)), start + from));
    return { kind, bytes, room: after };
  });
  await Promise.all(reads);
  return sections;
}

/** Fills `into` from the file at `position` (a read may give fewer bytes than asked). */
async function readAll(fd: number, into: Uint8Array, position: number): Promise<void> {
  for (let done = 0; done < into.byteLength; ) {
    const read = await new Promise<number>((resolve, reject) =>
      readCallback(fd, into, done, into.byteLength - done, position + done, (error, bytes) => (error ? reject(error) : resolve(bytes))),
    );
    if (read === 0) throw new SnapshotFormatError('the snapshot ends early');
    done += read;
  }
}
