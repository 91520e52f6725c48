import { isFeedPosition, UNREAD, type FeedPosition } from '../repositories/change-feed-position.js';
import type { RevisionPage, RevisionRead } from '../repositories/revisions.js';

/** How far a follower has read the writes: its position in the change feed (a JSON value: snapshots store it). */
export type FollowPosition = FeedPosition;

/**
 * An in-memory copy of a table kept current by the change feed (the partner index, the directory index,
 * the records' and offers' indexes). The first `refresh` loads the table a page at a time in id order:
 * loading 100,000 organisations takes seconds, and between pages the database and the event loop serve
 * other requests; it starts from the feed's position read before its first page, so that whatever the
 * later pages' snapshots missed is read next time (RevisionRead). Every later refresh reads what the feed
 * names after its position and re-reads those rows: what others wrote since, whatever transactions other
 * sessions keep open. A position the feed's cleanup has passed loads again.
 */
export abstract class RevisionFollower<T extends { id: string; published: boolean }> {
  /** Where it has read the feed to; null before its first load. */
  private at: FeedPosition | null = null;
  private followed = false;
  private changes = 0;
  /** The write count when the last look that completed began. */
  private lookedAt: number | null = null;
  private readonly listeners: ((ids: string[]) => void)[] = [];
  private readonly coalesced = coalescing(() => this.follow());

  constructor(
    /** From a position, a page of what the feed names after it; from none, a page of the table (a load). */
    private readonly read: (since: FollowPosition | null, page: RevisionPage) => Promise<RevisionRead<T>>,
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

  /** Calls `listener` with the ids of the rows each refresh read (written since the last one, or gone). */
  onChange(listener: (ids: string[]) => void): void {
    this.listeners.push(listener);
  }

  /**
   * Where it has read to: what a snapshot of the index stores beside its content, so that a process that
   * starts from the snapshot reads only what was written after (search/snapshot/). JSON; opaque to others.
   */
  get position(): FollowPosition {
    return this.at ?? UNREAD;
  }

  /**
   * Takes up from a position an earlier reader had reached, once the index holds what that reader held
   * (restored from a snapshot): the next refresh reads only what was written since, and it counts as loaded.
   * A position of another format, or one the feed's cleanup has passed since, loads at the next refresh.
   */
  resume(position: FollowPosition): void {
    this.at = isFeedPosition(position) ? position : UNREAD;
    this.followed = true;
    this.lookedAt = null;
    this.changes++;
  }

  /** Whether it has read everything once (after that, a refresh reads only what changed). */
  get loaded(): boolean {
    return this.followed;
  }

  /** Forgets an item (before its new version, if published, is added). */
  protected abstract remove(id: string): void;
  protected abstract add(item: T): void;
  /** After each refresh: room to tidy up. */
  protected settle(): void {}

  private async follow(): Promise<void> {
    const mark = this.writeMark();
    if (this.at === null || !(await this.readFeed(this.at))) await this.load();
    this.lookedAt = mark;
    this.followed = true;
    this.settle();
  }

  /** Reads the whole table; the position is the feed's when the load began. */
  private async load(): Promise<void> {
    let start: FeedPosition | null = null;
    let after: string | null = null;
    for (;;) {
      const page = await this.read(null, { after, limit: this.readPage });
      start ??= page.position;
      this.take(page);
      if (!page.more || page.items.length === 0) break;
      after = page.items.at(-1)!.id;
      await nextTurn();
    }
    this.at = start;
  }

  /** Reads the feed from `from` to its end; false when the position is below its floor (load again). */
  private async readFeed(from: FeedPosition): Promise<boolean> {
    let at = from;
    for (;;) {
      const page = await this.read(at, { after: null, limit: this.readPage });
      if (page.reload || !page.position) return false;
      this.take(page);
      at = this.at = page.position;
      if (!page.more) return true;
      await nextTurn();
    }
  }

  private take(page: RevisionRead<T>): void {
    for (const id of page.gone) this.remove(id);
    for (const item of page.items) {
      this.remove(item.id);
      if (item.published) this.add(item);
    }
    if (page.items.length === 0 && page.gone.length === 0) return;
    this.changes++;
    const ids = [...page.gone, ...page.items.map((item) => item.id)];
    for (const listener of this.listeners) listener(ids);
  }
}

// PGlite answers in the same thread, without a turn of the event loop: give waiting requests theirs
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

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
