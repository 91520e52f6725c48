import type { Repositories } from '../../../repositories/index.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import { refusal, requireActor, type Actor } from '../../access.js';
import { notFound } from '../../errors.js';
import { canOrganise, canReadEvent } from './event-access.js';

/**
 * The guards every part of events starts with: the event as its reader may see it (else a 404, as if there
 * were none), or as its organisers may run it (else 403). `repos` may be a transaction's, and `lock` takes
 * the event's row lock there, so that checks and writes see one state.
 */
export async function readableEvent(
  repos: Repositories,
  actor: Actor | null,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<EventAccessRow> {
  const event = await repos.events.access.findBySlug(slug, options);
  if (!event || !canReadEvent(actor, event, await repos.regions.list())) throw notFound('The event', 'params.slug');
  return event;
}

export async function organisedEvent(
  repos: Repositories,
  actor: Actor | null,
  slug: string,
  options: { lock?: boolean } = {},
): Promise<EventAccessRow> {
  const event = await readableEvent(repos, actor, slug, options);
  if (!canOrganise(requireActor(actor), event, await repos.regions.list()))
    throw refusal(requireActor(actor), 'Only the event’s organisers do this.');
  return event;
}

export async function isOrganiser(repos: Repositories, actor: Actor | null, event: EventAccessRow): Promise<boolean> {
  return canOrganise(actor, event, await repos.regions.list());
}
