import type { RegionRow } from '../../../repositories/region.repository.js';
import type { EventStatus } from '../../../shared/events.js';
import { coordinatedRegions, isAdmin, organisationRole, type Actor } from '../../access.js';

/** What deciding who may see or run an event needs to know of it. */
export interface EventAccessView {
  status: EventStatus;
  /** The region it takes place in (ISO 3166-2). */
  regionCode: string;
  /** Its organiser organisations. */
  organiserOrganisationIds: string[];
}

/**
 * The organisers of an event: the administrators and editors of its organiser organisations, the coordinators
 * of its region (or of the region enclosing it), and platform administrators. They edit the event, manage its
 * registrations, check people in and run its meeting schedule.
 */
export function canOrganise(actor: Actor | null, event: EventAccessView, regions: RegionRow[]): boolean {
  if (!actor) return false;
  if (isAdmin(actor)) return true;
  const role = (id: string) => organisationRole(actor, id);
  if (event.organiserOrganisationIds.some((id) => role(id) === 'org_admin' || role(id) === 'org_editor')) return true;
  return coordinatedRegions(actor, regions).includes(event.regionCode);
}

/** Published and cancelled events are read by everyone (a cancelled one with its reason); drafts by their organisers. */
export function canReadEvent(actor: Actor | null, event: EventAccessView, regions: RegionRow[]): boolean {
  return event.status !== 'draft' || canOrganise(actor, event, regions);
}
