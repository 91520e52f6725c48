import type { EventRow } from '../../../repositories/events/event-access.repository.js';
import type { ParticipationTypeRow } from '../../../repositories/events/registration-types.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import { audit } from '../../audit.js';
import type { MailSettings } from '../../mailer.js';
import { tellRegistrant } from './registration-mail.js';

/** Whether the event takes registrations now: published, opened by its organisers, before its closing (or its start). */
export function registrationIsOpen(event: EventRow, now: Date): boolean {
  if (event.status !== 'published' || !event.registrationOpen) return false;
  const closes = event.registrationClosesAt ?? event.startsAt;
  return !closes || now < closes;
}

/**
 * Whether a place is left under the type's capacity. The caller holds the type's row lock (tx is a
 * transaction's), so that the count and the write that follows see one state under concurrent registrations.
 */
export async function hasPlace(tx: Repositories, type: ParticipationTypeRow): Promise<boolean> {
  if (type.capacity === null) return true;
  const { confirmed } = await tx.events.participationTypes.counts(type.id);
  return confirmed < type.capacity;
}

/**
 * Confirms the waiting list in order while places are left (after a cancellation, a decline, a larger
 * capacity), each told by e-mail, in the caller's transaction: nothing is half-moved. Takes the type's lock.
 */
export async function fillFreedPlaces(
  tx: Repositories,
  mail: MailSettings,
  event: EventRow,
  typeId: string,
  actorId: string | null,
): Promise<number> {
  const type = await tx.events.participationTypes.lock(typeId);
  if (!type) return 0;
  let promoted = 0;
  while (await hasPlace(tx, type)) {
    const next = await tx.events.registrations.firstWaitlisted(type.id);
    if (!next) break;
    const now = tx.clock.now();
    await tx.events.registrations.update(next.id, null, { status: 'confirmed', statusReason: null }, now);
    await audit(tx, {
      actorId,
      action: 'registration.confirmed_from_waiting_list',
      entityType: 'registration',
      entityId: next.id,
      regionCode: event.regionCode,
      before: { status: 'waitlisted', version: next.version },
      after: { status: 'confirmed' },
    });
    await tellRegistrant(tx, mail, 'registration_promoted', { event, registration: next, type });
    promoted += 1;
  }
  return promoted;
}
