import { mkdir, open, readFile, rm, stat } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import type { FollowPosition } from '../../revision-follower.js';
import { SnapshotFormatError, SnapshotReader, SnapshotWriter } from './codec.js';
import type { FollowingIndex } from './snapshottable.js';

/** The layout of the store's header (the first section of every snapshot file). */
const STORE_FORMAT = 1;

/** How often the store looks whether an index is due a save; the first save comes that soon after a full load. */
const CHECK_MS = 10_000;
/** At most one save of an index this often while it changes (and one at a clean shutdown). */
const SAVE_EVERY_MS = 10 * 60_000;
/** A lock older than this was left by a process that died while saving (a save of 1,000,000 takes seconds). */
const STALE_LOCK_MS = 10 * 60_000;

interface Header {
  format: number;
  index: string;
  database: string;
  position: FollowPosition;
  organisations: number;
  writtenAt: string;
}

/** An index the store saves and starts from: its name in file names, and how its refreshes wait for a restore. */
export interface NamedIndex {
  name: string;
  index: FollowingIndex;
  /**
   * Its first refresh calls `restore` and every refresh waits for it (it never fails), so that none reads
   * while its content is replaced; a process that never searches (most CLI commands) never reads the file.
   */
  startFrom(restore: () => Promise<unknown>): void;
}

export interface SnapshotLog {
  info(message: string): void;
  warn(message: string): void;
}

export interface SnapshotStoreOptions {
  log?: SnapshotLog;
  checkMs?: number;
  saveEveryMs?: number;
}

const quiet: SnapshotLog = { info: () => {}, warn: (message) => process.stderr.write(`${message}\n`) };

/**
 * Where the in-memory indexes' snapshots live (SNAPSHOT_DIR): a file per index and database, so that a
 * process starts its indexes from the last snapshot and reads only what was written since (the follower's
 * position, kept in the header), rather than every organisation. A snapshot that is missing, broken, of
 * another database (database-identity.ts) or of a format this code does not know is passed over: the index
 * loads from the database as without a store. Saves go to a temporary file renamed over the last (the
 * codec's), under a lock file, so processes sharing the folder never read a partial file nor write at once.
 */
export class SnapshotStore {
  private readonly log: SnapshotLog;
  private readonly saved = new Map<string, { generation: number; at: number }>();
  private readonly restoring = new Map<string, Promise<boolean>>();
  private readonly reads = new Map<string, Promise<SnapshotReader | null>>();
  private saving: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly dir: string,
    /** databaseIdentity(): snapshots of other databases are other files, and refused if renamed. */
    private readonly database: string,
    private readonly indexes: NamedIndex[],
    private readonly options: SnapshotStoreOptions = {},
  ) {
    this.log = options.log ?? quiet;
  }

  /**
   * Starts each index from its snapshot when first used (its refreshes wait), then saves as they change.
   * `restoreNow` (a server that searches): these indexes' files are read at once, while the rest of the
   * start goes on (the reads run on libuv's threads), and the indexes restored in this order as soon as
   * read, so that the first search finds its index ready rather than waiting for its reading and restore.
   */
  start(options: { restoreNow?: string[] } = {}): void {
    const restoring = (entry: NamedIndex) => {
      let restored = this.restoring.get(entry.name);
      if (!restored) this.restoring.set(entry.name, (restored = this.restore(entry)));
      return restored;
    };
    for (const entry of this.indexes) entry.startFrom(() => restoring(entry));
    const now = this.indexes.filter((entry) => options.restoreNow?.includes(entry.name));
    for (const entry of now) this.read(entry.name);
    void now.reduce<Promise<unknown>>((before, entry) => before.then(() => restoring(entry)), Promise.resolve());
    this.timer = setInterval(() => void this.saveDue(), this.options.checkMs ?? CHECK_MS);
    this.timer.unref();
  }

  /** Whether an index was started from its snapshot, once its restore (begun) ends; null before it began. */
  restored(name: string): Promise<boolean> | null {
    return this.restoring.get(name) ?? null;
  }

  /** The file of an index's snapshot of this database. */
  pathOf(name: string): string {
    return join(this.dir, `${name}-${this.database}.snapshot`);
  }

  /** The reading of an index's snapshot file, begun now unless it was already. */
  private read(name: string): Promise<SnapshotReader | null> {
    let reading = this.reads.get(name);
    if (!reading) {
      this.reads.set(name, (reading = SnapshotReader.open(this.pathOf(name))));
      // a failed read is seen (and logged) by the restore that awaits it
      reading.catch(() => {});
    }
    return reading;
  }

  /** Restores an index from its snapshot; false (logged) when there was none it could use. */
  async restore(entry: NamedIndex): Promise<boolean> {
    const started = performance.now();
    const path = this.pathOf(entry.name);
    try {
      const reader = await this.read(entry.name);
      this.reads.delete(entry.name);
      if (!reader) {
        this.log.info(`no snapshot of the ${entry.name} index yet: it loads from the database`);
        return false;
      }
      const head = reader.json<Partial<Header>>();
      if (head.format !== STORE_FORMAT) throw new SnapshotFormatError(`store format ${String(head.format)}`);
      if (head.index !== entry.name || head.database !== this.database) throw new SnapshotFormatError('a snapshot of another index or database');
      entry.index.readSnapshot(reader);
      if (!reader.done) throw new SnapshotFormatError('sections left after the index read its own');
      entry.index.resume(head.position!);
      this.saved.set(entry.name, { generation: entry.index.generation, at: Date.now() });
      const ms = (performance.now() - started).toFixed(0);
      this.log.info(`the ${entry.name} index started from its snapshot of ${head.writtenAt} (${head.organisations} organisations) in ${ms} ms`);
      return true;
    } catch (error) {
      this.log.warn(`the ${entry.name} index's snapshot ${path} was not used (${(error as Error).message}): it loads from the database`);
      return false;
    }
  }

  /**
   * Saves an index now, unless another process is saving it (false then). The index is written in one
   * go, between two reads of writes, with the position it had read to: a snapshot taken during a refresh
   * holds some writes past its position, which the next process reads again (reading a write twice is
   * harmless: an organisation is removed before it is added).
   */
  async save(entry: NamedIndex): Promise<boolean> {
    const path = this.pathOf(entry.name);
    await mkdir(this.dir, { recursive: true });
    const release = await this.lock(`${path}.lock`);
    if (!release) return false;
    try {
      const { index } = entry;
      const generation = index.generation;
      const writer = new SnapshotWriter().json({
        format: STORE_FORMAT,
        index: entry.name,
        database: this.database,
        position: index.position,
        organisations: index.size,
        writtenAt: new Date().toISOString(),
      } satisfies Header);
      index.writeSnapshot(writer);
      await writer.save(path);
      this.saved.set(entry.name, { generation, at: Date.now() });
      return true;
    } finally {
      await release();
    }
  }

  /** Stops the saves and saves what changed since the last (a clean shutdown: the next start reads little). */
  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all(this.restoring.values());
    await this.saving.catch(() => {});
    await this.saveAll((entry) => this.changed(entry));
  }

  private changed(entry: NamedIndex): boolean {
    return entry.index.loaded && this.saved.get(entry.name)?.generation !== entry.index.generation;
  }

  /** The indexes loaded and changed, saved once after their first load and then at most every SAVE_EVERY_MS. */
  private saveDue(): Promise<unknown> {
    const every = this.options.saveEveryMs ?? SAVE_EVERY_MS;
    return this.saveAll((entry) => {
      const last = this.saved.get(entry.name);
      return this.changed(entry) && (!last || Date.now() - last.at >= every);
    });
  }

  /** One round of saves at a time: a round that comes while one runs waits for it. */
  private saveAll(due: (entry: NamedIndex) => boolean): Promise<unknown> {
    this.saving = this.saving
      .catch(() => {})
      .then(async () => {
        for (const entry of this.indexes) {
          if (!due(entry)) continue;
          const started = performance.now();
          try {
            if (await this.save(entry))
              this.log.info(`saved the ${entry.name} index's snapshot in ${(performance.now() - started).toFixed(0)} ms`);
          } catch (error) {
            this.log.warn(`could not save the ${entry.name} index's snapshot: ${(error as Error).message}`);
          }
        }
      });
    return this.saving;
  }

  /** A lock file only one process creates (wx); one left by a process that died (this host's, or old) is taken over. */
  private async lock(path: string): Promise<(() => Promise<void>) | null> {
    const owner = `${hostname()} ${process.pid}`;
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const file = await open(path, 'wx');
        await file.writeFile(owner);
        await file.close();
        return () => rm(path, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await stale(path))) return null;
        await rm(path, { force: true });
      }
    }
    return null;
  }
}

async function stale(path: string): Promise<boolean> {
  try {
    const [holder, { mtimeMs }] = await Promise.all([readFile(path, 'utf8'), stat(path)]);
    if (Date.now() - mtimeMs > STALE_LOCK_MS) return true;
    const [host, pid] = holder.split(' ');
    if (host !== hostname() || !pid) return false;
    try {
      process.kill(Number(pid), 0);
      return false;
    } catch {
      return true;
    }
  } catch {
    // gone meanwhile: try again
    return true;
  }
}
