import type { FeedPosition } from '../repositories/change-feed-position.js';
import type { OrganisationProfile, RevisionPage, RevisionRead } from '../repositories/revisions.js';

/** A published enterprise in Haute-Vienne with no codes, as the in-memory indexes read it; `values` change any field. */
export function organisationProfile(id: string, values: Partial<OrganisationProfile> = {}): OrganisationProfile {
  return {
    id,
    published: true,
    kind: 'enterprise',
    sector: 'business',
    regionCode: 'FR-87',
    areaCodes: [],
    naceClasses: [],
    productCodes: [],
    conceptCodes: [],
    sortName: id,
    ...values,
  };
}

/**
 * A record of writes that hands out what the repositories' `...Since` methods do: from no position, all
 * the latest items a page at a time in id order (the feed's position with the first page); from a
 * position, the items written after it, at most a page of writes. The in-memory indexes' database in unit
 * tests (no transactions here: a position never has holes).
 */
export class RevisionLog<T extends { id: string }> {
  private readonly log: { seq: number; item: T }[] = [];

  write(item: T): void {
    this.log.push({ seq: this.log.length + 1, item });
  }

  async since(position: FeedPosition | null, page: RevisionPage): Promise<RevisionRead<T>> {
    if (position === null) {
      const latest = new Map(this.log.map((e) => [e.item.id, e.item]));
      const inOrder = [...latest.values()].filter((o) => page.after === null || o.id > page.after).sort((a, b) => (a.id < b.id ? -1 : 1));
      const items = inOrder.slice(0, page.limit);
      const start = page.after === null ? { seq: this.log.length, holes: [] } : null;
      return { items, gone: [], position: start, more: items.length === page.limit };
    }
    const written = this.log.slice(position.seq, position.seq + page.limit);
    const items = [...new Map(written.map((e) => [e.item.id, e.item])).values()];
    const more = written.length === page.limit;
    return { items, gone: [], position: { seq: position.seq + written.length, holes: [] }, more };
  }
}
