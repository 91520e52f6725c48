import type { RevisionPage, RevisionRead } from '../repositories/revisions.js';

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
  private refreshing: Promise<void> = Promise.resolve();

  constructor(
    /** The organisations written since the horizon: a page of them. */
    private readonly read: (horizon: number, page: RevisionPage) => Promise<RevisionRead<T>>,
    private readonly readPage: number,
  ) {}

  /** Takes in every write committed so far. One refresh at a time; a caller waits for its own. */
  refresh(): Promise<void> {
    const run = this.refreshing.then(() => this.follow());
    this.refreshing = run.catch(() => {});
    return run;
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
    let horizon: number | null = null;
    let after: string | null = null;
    for (;;) {
      const page = await this.read(this.horizon, { after, limit: this.readPage });
      horizon ??= page.horizon;
      for (const item of page.items) {
        this.remove(item.id);
        if (item.published) this.add(item);
      }
      if (page.items.length < this.readPage) break;
      after = page.items.at(-1)!.id;
      // PGlite answers in the same thread, without a turn of the event loop: give waiting requests theirs
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.horizon = horizon;
    this.followed = true;
    this.settle();
  }
}
