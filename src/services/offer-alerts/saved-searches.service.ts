import type { SavedOfferQuery } from '../../db/schema/index.js';
import type { Repositories } from '../../repositories/index.js';
import type { SavedSearchRow } from '../../repositories/offers/offer-alerts.repository.js';
import { SAVED_SEARCHES_MAX, type SavedSearch, type SavedSearchInput, type SavedSearchPatch } from '../../shared/schemas/offer-alerts.js';
import type { Actor } from '../access.js';
import { audit } from '../audit.js';
import { AppError, notFound } from '../errors.js';
import type { OfferSearchService } from '../offer-search/offer-search.service.js';
import { requireWritten, type ExpectedVersion } from '../versioning.js';

export function presentSavedSearch(row: SavedSearchRow): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    frequency: row.frequency,
    coveredUntil: row.coveredUntil.toISOString(),
    subscribed: row.unsubscribedAt === null,
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The query as kept: empty lists and blank words left out, so two saves of one search read alike. */
function kept(query: SavedOfferQuery): SavedOfferQuery {
  const out: SavedOfferQuery = {};
  if (query.q?.trim()) out.q = query.q.trim();
  for (const key of ['kind', 'area', 'region', 'nace'] as const) {
    const list = query[key];
    if (list && list.length > 0) (out as Record<string, unknown>)[key] = [...new Set(list as string[])];
  }
  return out;
}

/**
 * A member's saved searches (or areas): each sends a daily or weekly digest of the new offers it finds,
 * from the moment it was saved. Each is its owner's alone: another member's is not found (404).
 */
export class SavedSearchesService {
  constructor(
    private readonly repos: Repositories,
    private readonly search: OfferSearchService,
  ) {}

  async list(actor: Actor): Promise<SavedSearch[]> {
    return (await this.repos.offerAlerts.savedSearches(actor.user.id)).map(presentSavedSearch);
  }

  async create(actor: Actor, input: SavedSearchInput): Promise<SavedSearch> {
    const query = kept(input.query);
    await this.search.checkSaved(query, 'body.query');
    const row = await this.repos.transaction(async (tx) => {
      if ((await tx.offerAlerts.countForUpdate(actor.user.id)) >= SAVED_SEARCHES_MAX)
        throw new AppError('saved_searches_full', undefined, 'body');
      const created = await tx.offerAlerts.insertSavedSearch({
        userId: actor.user.id,
        name: input.name.trim(),
        query,
        frequency: input.frequency,
        // its first digest lists what is published from now on: what was there already the member has seen
        coveredUntil: tx.clock.now(),
      });
      await audit(tx, {
        actorId: actor.user.id,
        action: 'saved_search.create',
        entityType: 'saved_search',
        entityId: created.id,
        after: created,
      });
      return created;
    });
    return presentSavedSearch(row);
  }

  async update(actor: Actor, id: string, patch: SavedSearchPatch, expected: ExpectedVersion): Promise<SavedSearch> {
    const query = patch.query && kept(patch.query);
    if (query) await this.search.checkSaved(query, 'body.query');
    const row = await this.repos.transaction(async (tx) => {
      const before = await this.own(tx, actor, id);
      const changes: Parameters<Repositories['offerAlerts']['updateSavedSearch']>[2] = {};
      if (patch.name !== undefined) changes.name = patch.name.trim();
      if (query) changes.query = query;
      if (patch.frequency) changes.frequency = patch.frequency;
      if (patch.subscribed !== undefined) changes.unsubscribedAt = patch.subscribed ? null : (before.unsubscribedAt ?? tx.clock.now());
      const written = await tx.offerAlerts.updateSavedSearch(id, expected, changes);
      await requireWritten(written?.version ?? null, async () => (await tx.offerAlerts.savedSearch(id))?.version);
      await audit(tx, {
        actorId: actor.user.id,
        action: 'saved_search.update',
        entityType: 'saved_search',
        entityId: id,
        before,
        after: written,
      });
      return written!;
    });
    return presentSavedSearch(row);
  }

  async remove(actor: Actor, id: string): Promise<void> {
    await this.repos.transaction(async (tx) => {
      const before = await this.own(tx, actor, id);
      await tx.offerAlerts.deleteSavedSearch(id);
      await audit(tx, { actorId: actor.user.id, action: 'saved_search.delete', entityType: 'saved_search', entityId: id, before });
    });
  }

  private async own(repos: Repositories, actor: Actor, id: string): Promise<SavedSearchRow> {
    const row = await repos.offerAlerts.savedSearch(id);
    if (!row || row.userId !== actor.user.id) throw notFound('The saved search', 'params.id');
    return row;
  }
}
