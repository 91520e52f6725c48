import type { Repositories } from '../../../repositories/index.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { MeetingRegistrationRow } from '../../../repositories/events/meeting-grid.repository.js';
import { requireActor, type Actor } from '../../access.js';
import { AppError, notFound } from '../../errors.js';

/** A registration that takes part in meetings: confirmed, of a type that allows them, and enabled by its person. */
export const takesPart = (r: MeetingRegistrationRow) => r.status === 'confirmed' && r.meetingsAllowed && r.meetingsEnabled;

export function requireMeetingsOffered(event: EventAccessRow): void {
  if (!event.meetingsEnabled) throw new AppError('meetings_not_offered', undefined, 'params.slug');
}

/** The reader's own registration for the event (any active one), else a 404 naming the event. */
export async function myRegistration(repos: Repositories, actor: Actor | null, event: EventAccessRow): Promise<MeetingRegistrationRow> {
  const me = await repos.events.meetingGrid.registrationOfUser(event.id, requireActor(actor).user.id);
  if (!me) throw notFound('Your registration for this event', 'params.slug');
  return me;
}

/** Requests are taken until meetingRequestsCloseAt, or the event's end when none is set. */
export function requestsOpen(event: EventAccessRow, now: Date): boolean {
  const closes = event.meetingRequestsCloseAt ?? event.endsAt;
  return !closes || now <= closes;
}

/** Whether [a, b) and [c, d) overlap. */
export const overlaps = (a: Date, b: Date, c: Date, d: Date) => a < d && c < b;

/** An instant inside the event's start and end (an event without instants has no grid). */
export function insideEvent(event: EventAccessRow, startsAt: Date, endsAt: Date): boolean {
  if (!event.startsAt || !event.endsAt) return false;
  return startsAt >= event.startsAt && endsAt <= event.endsAt;
}
