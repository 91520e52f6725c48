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
 * A record of writes that hands out what was written since the horizon it is asked from, a page at a time
 * in id order, as the repositories' profilesSince does: the in-memory indexes' database in unit tests.
 */
export class RevisionLog<T extends { id: string }> {
  private readonly log: { revision: number; item: T }[] = [];
  private next = 1;

  write(item: T): void {
    this.log.push({ revision: this.next++, item });
  }

  async since(horizon: number, page: RevisionPage): Promise<RevisionRead<T>> {
    const latest = new Map(this.log.filter((e) => e.revision >= horizon).map((e) => [e.item.id, e.item]));
    const inOrder = [...latest.values()].filter((o) => page.after === null || o.id > page.after).sort((a, b) => (a.id < b.id ? -1 : 1));
    return { items: inOrder.slice(0, page.limit), horizon: this.next };
  }
}
