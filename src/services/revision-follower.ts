import type { RevisionPage, RevisionRead } from '../repositories/revisions.js';

/** How far a follower has read the writes (a JSON value: snapshots store it). */
export interface FollowPosition {
  horizon: number;
}

/**
 * An in-memory copy of the organisations kept current by revision (the partner index, the directory
 * index). `refresh` reads what was written since its last look, a page at a time in id order: loading
 * 100,000 organisations takes seconds, and between pages the database and the event loop serve other
 * requests. It keeps the first page's horizon, so that whatever the later pages' snapshots missed is read
 * next time (RevisionPage).
 */
export abstract class RevisionFollower<T extends { id: string; published: boolean }> {
  private horizon = 0;
  private followed = false;
  private changes = 0;
  /** The write count when the last look that completed began. */
  private lookedAt: number | null = null;
  private readonly listeners: ((ids: string[]) => void)[] = [];
  private readonly coalesced = coalescing(() => this.follow());

  constructor(
    /** The organisations written since the horizon: a page of them. */
    private readonly read: (horizon: number, page: RevisionPage) => Promise<RevisionRead<T>>,
    private readonly readPage: number,
    /** The database's count of committed writes when this process is its only writer (writeCount), else null. */
    private readonly writeMark: () => number | null = () => null,
  ) {}

  /**
   * Takes in every write committed so far. One read at a time, shared: callers that come while one is
   * reading wait for the next, which they all share (it starts after they asked, so it sees their writes).
   * Under load that is two reads for any number of concurrent callers, not one read each in a queue.
   */
  refresh(): Promise<void> {
    // the only writer has written nothing since the last look began: nothing to read
    if (this.followed && this.lookedAt !== null && this.writeMark() === this.lookedAt) return Promise.resolve();
    return this.coalesced();
  }

  /** How many refreshes have read a change: a cache of what was read from the index is good while it stays. */
  get generation(): number {
    return this.changes;
  }

  /** Calls `listener` with the ids of the organisations each refresh read (written since the last one). */
  onChange(listener: (ids: string[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Where it has read to: what a snapshot of the index stores beside its content, so that a process that
   * starts from the snapshot reads only what was written after (search/snapshot/). JSON; opaque to others.
   */
  get position(): FollowPosition {
    return { horizon: this.horizon };
  }

  /**
   * Takes up from a position an earlier reader had reached, once the index holds what that reader held
   * (restored from a snapshot): the next refresh reads only what was written since, and it counts as loaded.
   */
  resume(position: FollowPosition): void {
    this.horizon = position.horizon;
    this.followed = true;
    this.lookedAt = null;
    this.changes++;
  }

  /** Whether it has read everything once (after that, a refresh reads only what changed). */
  get loaded(): boolean {
    return this.followed;
  }

  /** Forgets an organisation (before its new version, if published, is added). */
  protected abstract remove(id: string): void;
  protected abstract add(item: T): void;
  /** After each refresh: room to tidy up. */
  protected settle(): void {}

  private async follow(): Promise<void> {
    const mark = this.writeMark();
    let horizon: number | null = null;
    let after: string | null = null;
    for (;;) {
      const page = await this.read(this.horizon, { after, limit: this.readPage });
      horizon ??= page.horizon;
      for (const item of page.items) {
        this.remove(item.id);
        if (item.published) this.add(item);
      }
      if (page.items.length > 0) {
        this.changes++;
        const ids = page.items.map((item) => item.id);
        for (const listener of this.listeners) listener(ids);
      }
      if (page.items.length < this.readPage) break;
      after = page.items.at(-1)!.id;
      // PGlite answers in the same thread, without a turn of the event loop: give waiting requests theirs
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.horizon = horizon;
    this.lookedAt = mark;
    this.followed = true;
    this.settle();
  }
}

/**
 * `work` run at most once at a time, its runs shared: a caller while it runs gets the next run, shared
 * with every other caller until that one starts; a run that fails fails its callers, the next starts afresh.
 */
export function coalescing(work: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const start = (): Promise<void> => {
    const run = work().finally(() => {
      if (running === run) running = null;
    });
    running = run;
    return run;
  };
  return () => {
    if (next) return next;
    if (!running) return start();
    next = running
      .catch(() => {})
      .then(() => {
        next = null;
        return start();
      });
    return next;
  };
}
