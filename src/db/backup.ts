import { PGlite } from '@electric-sql/pglite';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { PGLITE_EXTENSIONS } from './client.js';
import { LOCK_FILE, lockDataDir } from './data-dir-lock.js';

/** A backup or restore that cannot be done, with what to do instead; the CLI prints the message. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * A PostgreSQL server's backup is pg_dump's: the custom format, which pg_restore reads (any table, any
 * order, into a new database). pg_dump must be on PATH, of the server's major version or newer.
 */
export async function pgDump(databaseUrl: string, file: string): Promise<void> {
  const child = spawn('pg_dump', ['--format=custom', '--no-owner', '--file', file, '--dbname', databaseUrl], {
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const code = await new Promise<number | null>((ok, fail) => {
    child.once('error', fail);
    child.once('close', ok);
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT')
      throw new BackupError(
        'pg_dump is not on PATH: install the PostgreSQL client tools of your server’s version, or back up with your own pg_dump.',
      );
    throw error;
  });
  if (code !== 0) throw new BackupError(`pg_dump failed (exit code ${code}): ${stderr.trim()}`);
}

/** What a restored folder must not keep from the folder it was copied from: the server's lock. */
const LEFT_BEHIND = (name: string) => name === LOCK_FILE || name.startsWith(`${LOCK_FILE}.`);

/**
 * Restores a PGlite backup into `dataDir`, all or nothing: the tarball is loaded into a new folder beside
 * it, opened once (a broken or foreign file fails here, before anything is replaced), and only then renamed
 * into place. A folder in use is refused; a folder with anything in it too, unless `force`, which moves it
 * aside (returned) rather than deleting it.
 */
export async function restoreDataDir(
  file: string,
  dataDir: string,
  options: { force?: boolean } = {},
): Promise<{ movedAside: string | null }> {
  const bytes = await readFile(file);
  if (bytes.subarray(0, 5).toString('latin1') === 'PGDMP')
    throw new BackupError(
      `${file} is a PostgreSQL backup (pg_dump): restore it with pg_restore into a database, then start with DATABASE_URL.`,
    );
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new BackupError(`${file} is not a Clusterbridge backup (a gzipped tarball of a data folder).`);

  // refuses a folder in use, and keeps the next server off it until the new one is in place
  const created = !existsSync(dataDir);
  const release = lockDataDir(dataDir);
  let restored = false;
  const staging = join(dirname(dataDir), `.${basename(dataDir)}.restoring-${process.pid}`);
  try {
    const present = readdirSync(dataDir).filter((name) => !LEFT_BEHIND(name));
    if (present.length > 0 && !options.force)
      throw new BackupError(
        `The data folder ${dataDir} is not empty (${present.slice(0, 3).join(', ')}…): restore into a new folder, or add --force to move its contents aside.`,
      );
    rmSync(staging, { recursive: true, force: true });
    await loadTarball(await tarOf(bytes, file), staging, file);
    for (const name of readdirSync(staging).filter(LEFT_BEHIND)) rmSync(join(staging, name), { force: true });

    const movedAside = present.length > 0 ? `${dataDir}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}` : null;
    // the lock goes with the old folder (or with it, when it held nothing else), so that no server starts on
    // it in the meantime; the new folder takes its name at once
    if (movedAside) renameSync(dataDir, movedAside);
    else rmSync(dataDir, { recursive: true, force: true });
    try {
      renameSync(staging, dataDir);
    } catch (error) {
      if (movedAside && !existsSync(dataDir)) renameSync(movedAside, dataDir);
      throw error;
    }
    restored = true;
    if (movedAside) rmSync(join(movedAside, LOCK_FILE), { force: true });
    return { movedAside };
  } finally {
    release();
    rmSync(staging, { recursive: true, force: true });
    // a failed restore leaves no folder of its own behind
    if (created && !restored) rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The tarball inside the gzip, checked here: PGlite's own decompression leaves a broken file's error
 * unhandled, which would end the process with a stack instead of a message.
 */
async function tarOf(bytes: Buffer, file: string): Promise<Blob> {
  let tar: Buffer;
  try {
    tar = await promisify(gunzip)(bytes);
  } catch {
    throw new BackupError(`${file} is damaged: its compressed data ends early or is corrupt.`);
  }
  if (tar.subarray(257, 262).toString('latin1') !== 'ustar')
    throw new BackupError(`${file} is not a Clusterbridge backup (no tarball inside).`);
  return new Blob([new Uint8Array(tar)], { type: 'application/x-tar' });
}

async function loadTarball(tarball: Blob, folder: string, file: string): Promise<void> {
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  let db: PGlite | null = null;
  try {
    db = await PGlite.create(folder, { loadDataDir: tarball, extensions: PGLITE_EXTENSIONS });
    await db.query('select 1');
  } catch (error) {
    throw new BackupError(`${file} could not be restored: ${(error as Error).message || String(error)}`);
  } finally {
    await db?.close();
  }
}
