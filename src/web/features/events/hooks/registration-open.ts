import type { Event } from '../api/contracts';

/**
 * Whether the event takes no more registrations, as the API decides it (published, opened by its organisers,
 * before its closing or else its start): a visitor who is not signed in is told so, rather than asked to sign
 * in for nothing. For a signed-in reader the API's `can.register` says it.
 */
export function registrationClosed(event: Pick<Event, 'status' | 'registrationOpen' | 'registrationClosesAt' | 'startsAt'>, now: Date) {
  if (event.status !== 'published' || !event.registrationOpen) return true;
  const closes = event.registrationClosesAt ?? event.startsAt;
  return !!closes && now.getTime() >= new Date(closes).getTime();
}
