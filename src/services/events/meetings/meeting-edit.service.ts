import { presentMeeting } from '../../../presenters/meeting.presenter.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { MeetingRequestRow } from '../../../repositories/events/meeting-request.repository.js';
import type { MeetingRow } from '../../../repositories/events/meeting-schedule.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { Meeting, MeetingPlace } from '../../../shared/schemas/events/meetings.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError, notFound, type ErrorDetail } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { requireWritten, type ExpectedVersion } from '../../versioning.js';
import { isOrganiser, organisedEvent, readableEvent } from '../events/event-guard.js';
import { tellSide } from './meeting-mail.js';
import { blockedDuring } from './schedule-instance.js';

/** An organiser's hand on the schedule: move (and pin), pin, unpin, cancel a meeting, place a request; with conflict checks. */
export class MeetingEditService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  async move(actor: Actor | null, id: string, place: MeetingPlace, expected: ExpectedVersion): Promise<Meeting> {
    await this.edit(actor, id, expected, 'organiser', async (tx, event, meeting, request) => {
      await requireFree(tx, event, request, place, meeting.id);
      return { values: { slotId: place.slotId, tableNumber: place.tableNumber, pinned: true }, action: 'moved' };
    });
    return this.get(id);
  }

  async pin(actor: Actor | null, id: string, expected: ExpectedVersion, pinned: boolean): Promise<Meeting> {
    await this.edit(actor, id, expected, 'organiser', async () => ({ values: { pinned }, action: pinned ? 'pinned' : 'unpinned' }));
    return this.get(id);
  }

  /** Cancelled by an organiser (the request stays accepted, to be placed again) or by a side (the request goes too). */
  async cancel(actor: Actor | null, id: string, expected: ExpectedVersion): Promise<Meeting> {
    await this.edit(actor, id, expected, 'either', async (tx, event, _meeting, request, by, side) => {
      if (side) {
        await tx.events.meetingRequests.update(request.id, null, { status: 'cancelled' }, tx.clock.now());
        const people = new Map(
          (await tx.events.meetingGrid.registrationsByIds([request.requesterId, request.recipientId])).map((p) => [p.id, p]),
        );
        const other = people.get(side === request.requesterId ? request.recipientId : request.requesterId)!;
        await tellSide(tx, this.mail, 'meeting_request_cancelled', { event, to: other, other: people.get(side)! });
      }
      void by;
      return { values: { status: 'cancelled' }, action: 'cancelled' };
    });
    return this.get(id);
  }

  /** An accepted request without a meeting placed by hand (pinned): preliminary before the final schedule, confirmed after. */
  async place(actor: Actor | null, requestId: string, place: MeetingPlace): Promise<Meeting> {
    const by = requireActor(actor);
    const request = await this.repos.events.meetingRequests.get(requestId);
    if (!request) throw notFound('The meeting request', 'params.id');
    const slug = (await this.repos.events.access.findById(request.eventId))!.slug;
    const meetingId = await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, by, slug, { lock: true });
      const row = (await tx.events.meetingRequests.lock(requestId))!;
      if (row.status !== 'accepted' || (await tx.events.meetingSchedule.ofRequests([row.id])).length > 0)
        throw new AppError('meeting_placed', undefined, 'params.id');
      await requireFree(tx, event, row, place, null);
      const now = tx.clock.now();
      await tx.events.meetingSchedule.insert([
        {
          eventId: event.id,
          requestId: row.id,
          slotId: place.slotId,
          tableNumber: place.tableNumber,
          pinned: true,
          status: event.scheduleState === 'final' ? 'confirmed' : 'preliminary',
          createdAt: now,
          updatedAt: now,
        },
      ]);
      const [placed] = await tx.events.meetingSchedule.ofRequests([row.id]);
      await audit(tx, {
        actorId: by.user.id,
        action: 'meeting.placed',
        entityType: 'meeting',
        entityId: placed!.id,
        regionCode: event.regionCode,
        after: { request: row.id, ...place },
      });
      return placed!.id;
    });
    return this.get(meetingId);
  }

  async get(id: string, repos: Repositories = this.repos): Promise<Meeting> {
    const meeting = (await repos.events.meetingSchedule.get(id))!;
    const [request] = await repos.events.meetingRequests.byIds([meeting.requestId]);
    const people = new Map(
      (await repos.events.meetingGrid.registrationsByIds([request!.requesterId, request!.recipientId])).map((p) => [p.id, p]),
    );
    const records = new Map(
      (await repos.events.meetingSchedule.recordsByIds(meeting.outcomeRecordId ? [meeting.outcomeRecordId] : [])).map((r) => [r.id, r]),
    );
    return presentMeeting(meeting, request!, people, records);
  }

  /**
   * One change of a meeting under the event's row lock, versioned and audited. `who`: organisers only, or
   * also a side of the meeting (`side` is then the side's registration id, null for an organiser).
   */
  async edit(
    actor: Actor | null,
    id: string,
    expected: ExpectedVersion,
    who: 'organiser' | 'either',
    work: (
      tx: Repositories,
      event: EventAccessRow,
      meeting: MeetingRow,
      request: MeetingRequestRow,
      by: Actor,
      side: string | null,
    ) => Promise<{ values: Parameters<Repositories['events']['meetingSchedule']['update']>[2]; action: string }>,
  ): Promise<void> {
    const by = requireActor(actor);
    const found = await this.repos.events.meetingSchedule.get(id);
    if (!found) throw notFound('The meeting', 'params.id');
    const slug = (await this.repos.events.access.findById(found.eventId))!.slug;
    await this.repos.transaction(async (tx) => {
      const event = await readableEvent(tx, by, slug, { lock: true });
      const meeting = (await tx.events.meetingSchedule.lock(id))!;
      const [request] = await tx.events.meetingRequests.byIds([meeting.requestId]);
      const organiser = await isOrganiser(tx, by, event);
      let side: string | null = null;
      if (!organiser) {
        const sides = await tx.events.meetingGrid.registrationsByIds([request!.requesterId, request!.recipientId]);
        side = sides.find((s) => s.userId === by.user.id)?.id ?? null;
        if (who === 'organiser' || !side) {
          if (!side) throw notFound('The meeting', 'params.id');
          throw new AppError('forbidden', 'Only the event’s organisers change the schedule.');
        }
      }
      if (meeting.status === 'cancelled') throw new AppError('meeting_conflict', 'This meeting is cancelled.', 'params.id');
      const { values, action } = await work(tx, event, meeting, request!, by, side);
      await requireWritten(await tx.events.meetingSchedule.update(id, expected, values, tx.clock.now()), () =>
        tx.events.meetingSchedule.currentVersion(id),
      );
      await audit(tx, {
        actorId: by.user.id,
        action: `meeting.${action}`,
        entityType: 'meeting',
        entityId: id,
        regionCode: event.regionCode,
        before: {
          slotId: meeting.slotId,
          tableNumber: meeting.tableNumber,
          pinned: meeting.pinned,
          status: meeting.status,
          version: meeting.version,
        },
        after: values,
      });
    });
  }
}

/**
 * A place is free for the request's meeting when the slot is the event's, the table exists and is not taken,
 * and neither side has another meeting then or blocked that time: else 409 meeting_conflict naming each.
 */
async function requireFree(
  tx: Repositories,
  event: EventAccessRow,
  request: MeetingRequestRow,
  place: MeetingPlace,
  self: string | null,
): Promise<void> {
  const slot = await tx.events.meetingGrid.slot(place.slotId);
  if (!slot || slot.eventId !== event.id) throw notFound('The slot', 'body.slotId');
  const problems: ErrorDetail[] = [];
  if (place.tableNumber > slot.tableCount)
    problems.push({
      field: 'body.tableNumber',
      message: `The slot has ${slot.tableCount} tables.`,
      reason: 'maximum',
      params: { limit: slot.tableCount },
    });
  const inSlot = (await tx.events.meetingSchedule.ofEvent(event.id)).filter((m) => m.slotId === slot.id && m.id !== self);
  if (inSlot.some((m) => m.tableNumber === place.tableNumber))
    problems.push({ field: 'body.tableNumber', message: `Table ${place.tableNumber} is taken then.` });
  const others = await tx.events.meetingRequests.byIds(inSlot.map((m) => m.requestId));
  const people = await tx.events.meetingGrid.registrationsByIds([request.requesterId, request.recipientId]);
  const blocked = await tx.events.meetingGrid.blockedTimes(people.map((p) => p.id));
  for (const person of people) {
    if (others.some((o) => o.requesterId === person.id || o.recipientId === person.id))
      problems.push({
        field: 'body.slotId',
        message: `${person.name} has another meeting then.`,
        params: { registrationId: person.id, name: person.name },
      });
    if (blockedDuring(blocked, person.id, slot))
      problems.push({
        field: 'body.slotId',
        message: `${person.name} blocked that time.`,
        params: { registrationId: person.id, name: person.name },
      });
  }
  if (problems.length > 0) throw new AppError('meeting_conflict', problems.map((p) => p.message).join(' '), problems[0]!.field, problems);
}
