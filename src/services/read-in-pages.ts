import type { RevisionPage } from '../repositories/revisions.js';

/**
 * Reads what was written since a horizon a page at a time, in id order, handing each page over as it comes:
 * loading 100,000 organisations takes seconds, and between pages the database and the event loop serve
 * other requests. Returns the horizon to ask from next time: the first page's, so that whatever the later
 * pages' snapshots missed is read then (RevisionPage).
 */
export async function readInPages<T extends { id: string }>(
  read: (page: RevisionPage) => Promise<{ items: T[]; horizon: number }>,
  limit: number,
  take: (items: T[]) => void,
): Promise<number> {
  let horizon: number | null = null;
  let after: string | null = null;
  for (;;) {
    const page = await read({ after, limit });
    horizon ??= page.horizon;
    take(page.items);
    if (page.items.length < limit) return horizon;
    after = page.items.at(-1)!.id;
    // PGlite answers in the same thread, without a turn of the event loop: give waiting requests theirs
    await new Promise((resolve) => setImmediate(resolve));
  }
}
