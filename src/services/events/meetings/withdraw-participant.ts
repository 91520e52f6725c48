import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { MailSettings } from '../../mailer.js';
import { tellSide } from './meeting-mail.js';

/**
 * A participant who leaves the event (their registration cancelled or declined) leaves its meetings too: their
 * pending and accepted requests are cancelled, their meetings cancelled (the tables free again, the calendars
 * told by the feed), and each other side is e-mailed. In the registration's transaction, so that no schedule
 * keeps a meeting with someone who is not coming.
 */
export async function withdrawFromMeetings(
  tx: Repositories,
  mail: MailSettings,
  event: EventAccessRow,
  registrationId: string,
): Promise<void> {
  const now = tx.clock.now();
  const requests = await tx.events.meetingRequests.cancelOfRegistration(registrationId, now);
  if (requests.length === 0) return;
  await tx.events.meetingSchedule.cancelOfRequests(
    requests.filter((r) => r.status === 'accepted').map((r) => r.id),
    now,
  );
  const others = requests.map((r) => (r.requesterId === registrationId ? r.recipientId : r.requesterId));
  const people = new Map((await tx.events.meetingGrid.registrationsByIds([registrationId, ...others])).map((p) => [p.id, p]));
  const leaving = people.get(registrationId);
  if (!leaving) return;
  for (const id of new Set(others)) {
    const other = people.get(id);
    if (other) await tellSide(tx, mail, 'meeting_request_cancelled', { event, to: other, other: leaving });
  }
}
