import { presentEvent } from '../../../presenters/event.presenter.js';
import type { Repositories } from '../../../repositories/index.js';
import type { EventDetailRow } from '../../../repositories/events/events/event.repository.js';
import type { Event } from '../../../shared/schemas/events/events.js';
import type { Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { notFound } from '../../errors.js';
import { canOrganise } from './event-access.js';

/** What the reader may do with the event (every event answer carries it). */
export function eventCan(actor: Actor | null, row: EventDetailRow, organiser: boolean, now: Date): Event['can'] {
  const live = row.status === 'published';
  const notOver = !row.startsAt || row.startsAt > now;
  const registrationOpen = live && row.registrationOpen && notOver && (!row.registrationClosesAt || row.registrationClosesAt > now);
  return {
    edit: organiser && row.status !== 'cancelled',
    manage: organiser,
    register: !!actor && registrationOpen,
    requestMeetings: !!actor && live && row.meetingsEnabled && (!row.endsAt || row.endsAt > now),
    runSchedule: organiser && row.status !== 'cancelled' && row.meetingsEnabled,
  };
}

/** The event as its reader sees it (the caller checked they may read it). */
export async function eventView(repos: Repositories, actor: Actor | null, id: string): Promise<Event> {
  const row = await repos.events.events.detail(id);
  if (!row) throw notFound('The event', 'params.slug');
  const organiser = canOrganise(
    actor,
    { ...row, organiserOrganisationIds: row.organisers.map((o) => o.organisation.id) },
    await repos.regions.list(),
  );
  return presentEvent(row, eventCan(actor, row, organiser, repos.clock.now()));
}

/** The audit event of a write of an event, or of its programme or delegations (its region, for the coordinators' log). */
export function auditEvent(
  tx: Repositories,
  actor: Actor | null,
  action: string,
  event: { id: string; regionCode: string },
  before?: unknown,
  after?: unknown,
) {
  return audit(tx, {
    actorId: actor?.user.id ?? null,
    action,
    entityType: 'event',
    entityId: event.id,
    regionCode: event.regionCode,
    before,
    after,
  });
}
