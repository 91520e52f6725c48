import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/**
 * The size of a stored chunk: few rows a document (320 for 20 MB), and each chunk's base64 text (87 KiB)
 * small enough for V8's young generation, so that an upload's garbage dies young; with 256 KiB chunks
 * the server's memory grew by up to 2.7 times a 20 MB file on PostgreSQL, with 64 KiB by 1.7 (docs/benchmarks.md).
 */
export const CHUNK_BYTES = 64 * 1024;

/** An upload received whole into a temporary file: its size and digest, read on the way in. */
export interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  /**
   * The file in CHUNK_BYTES pieces (the last one shorter), read from disk one at a time into the same
   * buffer: each piece is good until the next is asked for (copy it to keep it).
   */
  chunks(): AsyncIterable<Buffer>;
  /** Removes the temporary file; safe to call twice. */
  discard(): Promise<void>;
}

/** Thrown when the stream passes `limit` bytes; what arrived so far is removed. */
export class SpoolLimitExceeded extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} bytes`);
  }
}

/**
 * Receives an upload into a temporary file (never whole in memory), counting and hashing it, and stopping
 * at `limit` bytes. The database transaction that stores it then lasts as long as a copy from the disk,
 * not as long as a slow client takes to send it (docs/decisions.md, "Documents in the database").
 */
export async function spool(source: Readable, limit: number): Promise<SpooledFile> {
  const folder = await mkdtemp(join(tmpdir(), 'cb-upload-'));
  const path = join(folder, 'file');
  const discard = () => rm(folder, { recursive: true, force: true });
  const hash = createHash('sha256');
  let size = 0;
  // past the limit the rest is read and dropped, not refused by closing the connection: the client then
  // gets its 413 instead of a broken pipe (the request timeout bounds how long that lasts)
  const count = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) return done();
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(source, count, createWriteStream(path));
    if (size > limit) throw new SpoolLimitExceeded(limit);
  } catch (error) {
    await discard();
    throw error;
  }
  return {
    path,
    size,
    sha256: hash.digest('hex'),
    chunks: () => readChunks(path),
    discard,
  };
}

/** One buffer for the whole file, not one a chunk: an upload's copy into the database makes no garbage of its own. */
async function* readChunks(path: string): AsyncGenerator<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await file.close();
  }
}
