import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';

/**
 * The binary form of an in-memory index's snapshot: a magic, then sections one after another, each a
 * kind byte, its byte length, padding to 8 bytes, and its bytes. Typed arrays are written as they lie in
 * memory and read back as views of the file's one buffer, so a restore copies nothing and parses no
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

  int32(array: Int32Array, length = array.length): this {
    return this.section(Kind.Int32, view(array, length));
  }

  uint32(array: Uint32Array, length = array.length): this {
    return this.section(Kind.Uint32, view(array, length));
  }

  float32(array: Float32Array, length = array.length): this {
    return this.section(Kind.Float32, view(array, length));
  }

  float64(array: Float64Array, length = array.length): this {
    return this.section(Kind.Float64, view(array, length));
  }

  uint8(array: Uint8Array, length = array.length): this {
    return this.section(Kind.Uint8, view(array, length));
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

  private section(kind: Kind, bytes: Uint8Array): this {
    const head = Buffer.alloc(16);
    head.writeUInt8(kind, 0);
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

export class SnapshotReader {
  private at = MAGIC.length;

  private constructor(private readonly buffer: Buffer) {
    if (buffer.length < MAGIC.length || !buffer.subarray(0, MAGIC.length).equals(MAGIC)) throw new SnapshotFormatError('not a snapshot');
  }

  /** The snapshot at `path`, or null when there is none. */
  static async open(path: string): Promise<SnapshotReader | null> {
    let buffer: Buffer;
    try {
      buffer = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    return new SnapshotReader(buffer);
  }

  static of(bytes: Buffer): SnapshotReader {
    return new SnapshotReader(bytes);
  }

  json<T>(): T {
    return JSON.parse(this.section(Kind.Json).toString('utf8')) as T;
  }

  strings(): string[] {
    return split(this.section(Kind.Strings).toString('utf8'));
  }

  utf16Strings(): string[] {
    const bytes = this.section(Kind.Utf16Strings);
    if (bytes.byteLength % 2 !== 0) throw new SnapshotFormatError('UTF-16 strings of an odd length');
    return split(bytes.toString('utf16le'));
  }

  int32(): Int32Array<ArrayBuffer> {
    return this.typed(Kind.Int32, 4, (b, o, n) => new Int32Array(b, o, n));
  }

  uint32(): Uint32Array<ArrayBuffer> {
    return this.typed(Kind.Uint32, 4, (b, o, n) => new Uint32Array(b, o, n));
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

  /** Whether every section has been read. */
  get done(): boolean {
    return this.at === this.buffer.length;
  }

  private typed<A>(kind: Kind, width: number, make: (buffer: ArrayBuffer, offset: number, length: number) => A): A {
    const bytes = this.section(kind);
    if (bytes.byteLength % width !== 0) throw new SnapshotFormatError('a typed section of a broken length');
    // a file's buffer starts at 0, so sections (padded to 8) are aligned; a pooled small buffer may not be
    // a file is read into an ArrayBuffer of its own (never a shared one)
    if (bytes.byteOffset % width === 0) return make(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / width);
    const copy = new Uint8Array(bytes);
    return make(copy.buffer, 0, bytes.byteLength / width);
  }

  private section(kind: Kind): Buffer {
    if (this.at + 16 > this.buffer.length) throw new SnapshotFormatError('the snapshot ends early');
    const found = this.buffer.readUInt8(this.at);
    if (found !== kind) throw new SnapshotFormatError(`section ${found} where ${kind} was expected`);
    const length = Number(this.buffer.readBigUInt64LE(this.at + 8));
    const start = this.at + 16;
    if (start + length > this.buffer.length) throw new SnapshotFormatError('the snapshot ends early');
    this.at = start + length + pad(length);
    return this.buffer.subarray(start, start + length);
  }
}
