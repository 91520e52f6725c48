import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

export const LOCK_FILE = 'clusterbridge.lock';
/** Held only while a process takes over a lock left by a dead one (milliseconds). */
const TAKEOVER_FILE = `${LOCK_FILE}.takeover`;
/** A takeover guard older than this was left by a process that died during its takeover. */
const TAKEOVER_STALE_MS = 10_000;
const ATTEMPTS = 200;

export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(
    readonly dataDir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `The data folder ${dataDir} is in use by process ${holder.pid} on ${holder.host} (since ${holder.since}). ` +
        `Stop that process first, or set DATA_DIR to another folder.`,
    );
    this.name = 'DataDirLockedError';
  }
}

interface LockHolder {
  pid: number;
  host: string;
  since: string;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;
const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function readHolder(path: string): LockHolder | 'missing' | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockHolder;
  } catch (error) {
    return code(error) === 'ENOENT' ? 'missing' : null;
  }
}

/**
 * PGlite does not lock its folder and two writers corrupt it, so a process takes this lock first.
 *
 * The lock appears with its whole content at once: it is written to a file of this process's own and
 * hard-linked to the lock's name, which fails when the name exists (an exclusive create, atomic on every
 * local file system). A lock left by a dead process on this host is taken over, but only under a second,
 * short-lived guard file: two processes starting at the same moment over a stale lock would otherwise
 * both remove it, and the second could remove the first one's fresh lock and take its place.
 */
export function lockDataDir(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString() };
  const mine = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  writeFileSync(mine, JSON.stringify(me), { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      try {
        linkSync(mine, path);
        return releaser(path, me);
      } catch (error) {
        if (code(error) !== 'EEXIST') throw error;
      }
      const holder = readHolder(path);
      if (holder === 'missing') continue; // released in the meantime: try again
      if (holder && !isStale(holder, me)) throw new DataDirLockedError(dataDir, holder);
      if (!takeOver(dataDir, path, holder)) sleep(20);
    }
  } finally {
    rmSync(mine, { force: true });
  }
  throw new Error(`Could not lock the data folder ${dataDir}: other processes keep taking it over.`);
}

function isStale(holder: LockHolder, me: LockHolder): boolean {
  if (holder.host !== me.host) return false; // another machine's process cannot be checked: never stale
  return holder.pid === me.pid || !isAlive(holder.pid);
}

/**
 * Removes a stale lock while holding the takeover guard, after reading it again under the guard: only a
 * lock that is still the stale one is removed. Returns false when another process holds the guard.
 */
function takeOver(dataDir: string, path: string, seen: LockHolder | null): boolean {
  const guard = join(dataDir, TAKEOVER_FILE);
  let fd: number;
  try {
    fd = openSync(guard, 'wx');
  } catch (error) {
    if (code(error) !== 'EEXIST') throw error;
    breakAbandonedGuard(guard);
    return false;
  }
  try {
    const now = readHolder(path);
    const same = now === seen || (now !== null && now !== 'missing' && seen !== null && now.pid === seen.pid && now.since === seen.since);
    // an unreadable lock is a crash while it was written (before locks were linked whole): stale as well
    if (now !== 'missing' && same) rmSync(path, { force: true });
    return true;
  } finally {
    closeSync(fd);
    rmSync(guard, { force: true });
  }
}

function breakAbandonedGuard(guard: string) {
  try {
    if (Date.now() - statSync(guard).mtimeMs > TAKEOVER_STALE_MS) rmSync(guard, { force: true });
  } catch {
    // gone already
  }
}

/** Removes the lock once, and only while it is still this process's: never another process's lock. */
function releaser(path: string, me: LockHolder): () => void {
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const holder = readHolder(path);
    if (holder && holder !== 'missing' && holder.pid === me.pid && holder.since === me.since) rmSync(path, { force: true });
  };
}
