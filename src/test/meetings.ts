import { meetingRequests, meetings } from '../db/schema/index.js';
import type { MeetingPriority, MeetingStatus } from '../shared/events.js';
import type { TestPlatform } from './test-platform.js';

/**
 * An accepted meeting request between two registrations, placed into a slot at a table: written straight
 * to the database, for tests of what reads meetings (agendas, badges, the grid, reminders) without the
 * scheduler.
 */
export async function insertMeeting(
  t: TestPlatform,
  eventId: string,
  values: {
    requesterId: string;
    recipientId: string;
    slotId: string;
    tableNumber: number;
    status?: MeetingStatus;
    requesterPriority?: MeetingPriority;
    recipientPriority?: MeetingPriority;
    version?: number;
  },
): Promise<{ request: typeof meetingRequests.$inferSelect; meeting: typeof meetings.$inferSelect }> {
  const [request] = await t.database.db
    .insert(meetingRequests)
    .values({
      eventId,
      requesterId: values.requesterId,
      recipientId: values.recipientId,
      requesterPriority: values.requesterPriority ?? 'would_like',
      recipientPriority: values.recipientPriority ?? 'would_like',
      status: 'accepted',
      decidedAt: new Date(),
    })
    .returning();
  const [meeting] = await t.database.db
    .insert(meetings)
    .values({
      eventId,
      requestId: request!.id,
      slotId: values.slotId,
      tableNumber: values.tableNumber,
      status: values.status ?? 'confirmed',
      version: values.version ?? 1,
    })
    .returning();
  return { request: request!, meeting: meeting! };
}
