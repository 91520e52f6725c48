import { presentParticipant, presentRequest } from '../../../presenters/meeting.presenter.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { MeetingRegistrationRow } from '../../../repositories/events/meeting-grid.repository.js';
import type { MeetingRequestRow } from '../../../repositories/events/meeting-request.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { MeetingPriority } from '../../../shared/events.js';
import type { MeetingRequest, MeetingRequestInput, MyMeetingRequests } from '../../../shared/schemas/events/meetings.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError, notFound } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { requireWritten, type ExpectedVersion } from '../../versioning.js';
import { readableEvent } from '../events/event-guard.js';
import { myRegistration, requestsOpen, requireMeetingsOffered, takesPart } from './meeting-access.js';
import { tellSide } from './meeting-mail.js';
import { tellPublished } from './schedule-mail.js';
import { offersOf } from './meeting-profile.service.js';
import { scheduleAndWrite } from './schedule-writer.js';

/** Meeting requests between participants: sent with a priority, accepted with the recipient's, declined, cancelled. */
export class MeetingRequestService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  async create(actor: Actor | null, slug: string, input: MeetingRequestInput): Promise<MeetingRequest> {
    const by = requireActor(actor);
    const id = await this.repos.transaction(async (tx) => {
      const event = await readableEvent(tx, by, slug);
      requireMeetingsOffered(event);
      const me = await myRegistration(tx, by, event);
      if (!takesPart(me))
        throw new AppError('meetings_not_allowed', 'Enable meetings in your meeting profile first.', 'body.recipientRegistrationId');
      if (!requestsOpen(event, tx.clock.now())) throw new AppError('meeting_requests_closed', undefined, 'params.slug');
      if (input.recipientRegistrationId === me.id) throw new AppError('meeting_with_oneself', undefined, 'body.recipientRegistrationId');
      const [recipient] = await tx.events.meetingGrid.registrationsByIds([input.recipientRegistrationId]);
      if (!recipient || recipient.eventId !== event.id || recipient.status !== 'confirmed')
        throw notFound('The participant', 'body.recipientRegistrationId');
      if (!takesPart(recipient)) throw new AppError('meetings_not_enabled', undefined, 'body.recipientRegistrationId');
      // checked first for a clear answer; the unique index settles two requests at once between the pair
      const exists = () => new AppError('meeting_request_exists', undefined, 'body.recipientRegistrationId');
      if (await tx.events.meetingRequests.activeBetween(event.id, me.id, recipient.id)) throw exists();
      const now = tx.clock.now();
      const created = await tx.events.meetingRequests.insert({
        eventId: event.id,
        requesterId: me.id,
        recipientId: recipient.id,
        requesterPriority: input.priority,
        message: input.message?.trim() || null,
        createdAt: now,
        updatedAt: now,
      });
      if (!created) throw exists();
      await audit(tx, {
        actorId: by.user.id,
        action: 'meeting_request.sent',
        entityType: 'meeting_request',
        entityId: created.id,
        regionCode: event.regionCode,
        after: { requester: me.id, recipient: recipient.id, priority: input.priority },
      });
      await tellSide(tx, this.mail, 'meeting_request_received', {
        event,
        to: recipient,
        other: me,
        vars: { message: created.message ?? '' },
      });
      return created.id;
    });
    return this.get(this.repos, id);
  }

  async mine(actor: Actor | null, slug: string): Promise<MyMeetingRequests> {
    const event = await readableEvent(this.repos, requireActor(actor), slug);
    const me = await myRegistration(this.repos, actor, event);
    const rows = await this.repos.events.meetingRequests.ofRegistration(me.id);
    const items = await this.presentAll(this.repos, rows, event);
    return {
      sent: items.filter((r) => r.requester.registrationId === me.id),
      received: items.filter((r) => r.recipient.registrationId === me.id),
    };
  }

  /** Accepted by the recipient with their priority; after the final schedule, placed at once into a free common slot. */
  async accept(actor: Actor | null, id: string, priority: MeetingPriority, expected: ExpectedVersion): Promise<MeetingRequest> {
    await this.decide(actor, id, expected, 'recipient', async (tx, event, _row, me, other) => {
      await tellSide(tx, this.mail, 'meeting_request_accepted', { event, to: other, other: me });
      return { status: 'accepted', recipientPriority: priority, decidedAt: tx.clock.now() };
    });
    return this.get(this.repos, id);
  }

  async decline(actor: Actor | null, id: string, reason: string | undefined, expected: ExpectedVersion): Promise<MeetingRequest> {
    await this.decide(actor, id, expected, 'recipient', async (tx, event, _row, me, other) => {
      const declineReason = reason?.trim() || null;
      await tellSide(tx, this.mail, 'meeting_request_declined', { event, to: other, other: me, vars: { reason: declineReason ?? '' } });
      return { status: 'declined', declineReason, decidedAt: tx.clock.now() };
    });
    return this.get(this.repos, id);
  }

  /** Called off by the requester while pending, or by either side once accepted (its meeting goes with it). */
  async cancel(actor: Actor | null, id: string, expected: ExpectedVersion): Promise<MeetingRequest> {
    await this.decide(actor, id, expected, 'either', async (tx, event, row, me, other) => {
      if (row.status === 'pending' && row.recipientId === me.id)
        throw new AppError('forbidden', 'The recipient declines a pending request rather than cancelling it.');
      for (const m of await tx.events.meetingSchedule.ofRequests([row.id]))
        await tx.events.meetingSchedule.update(m.id, null, { status: 'cancelled' }, tx.clock.now());
      await tellSide(tx, this.mail, 'meeting_request_cancelled', { event, to: other, other: me });
      return { status: 'cancelled' };
    });
    return this.get(this.repos, id);
  }

  private async decide(
    actor: Actor | null,
    id: string,
    expected: ExpectedVersion,
    who: 'recipient' | 'either',
    work: (
      tx: Repositories,
      event: EventAccessRow,
      row: MeetingRequestRow,
      me: MeetingRegistrationRow,
      other: MeetingRegistrationRow,
    ) => Promise<Partial<Pick<MeetingRequestRow, 'status' | 'recipientPriority' | 'declineReason' | 'decidedAt'>>>,
  ): Promise<void> {
    const by = requireActor(actor);
    const found = await this.repos.events.meetingRequests.get(id);
    if (!found) throw notFound('The meeting request', 'params.id');
    const access = await this.repos.events.access.findById(found.eventId);
    await this.repos.transaction(async (tx) => {
      // the event's row lock: a late request's placement and an organiser's move see one schedule
      const event = await readableEvent(tx, by, access!.slug, { lock: true });
      const row = (await tx.events.meetingRequests.lock(id))!;
      const people = new Map((await tx.events.meetingGrid.registrationsByIds([row.requesterId, row.recipientId])).map((r) => [r.id, r]));
      const mine = [people.get(row.requesterId), people.get(row.recipientId)].find((r) => r?.userId === by.user.id);
      if (!mine || (who === 'recipient' && mine.id !== row.recipientId)) throw notFound('The meeting request', 'params.id');
      const live = who === 'either' ? ['pending', 'accepted'] : ['pending'];
      if (!live.includes(row.status)) throw new AppError('meeting_request_not_pending', undefined, 'params.id');
      const other = people.get(mine.id === row.requesterId ? row.recipientId : row.requesterId)!;
      const values = await work(tx, event, row, mine, other);
      await requireWritten(await tx.events.meetingRequests.update(id, expected, values, tx.clock.now()), () =>
        tx.events.meetingRequests.currentVersion(id),
      );
      await audit(tx, {
        actorId: by.user.id,
        action: `meeting_request.${values.status}`,
        entityType: 'meeting_request',
        entityId: id,
        regionCode: event.regionCode,
        before: { status: row.status, version: row.version },
        after: values,
      });
      if (values.status === 'accepted' && event.scheduleState === 'final') {
        await scheduleAndWrite(tx, event, { kind: 'late_requests', actorId: by.user.id, onlyRequestIds: [id], recordRun: false });
        // the accept e-mail said the schedule would give it a time: once placed, both sides get their meetings with it
        if ((await tx.events.meetingSchedule.ofRequests([id])).length > 0)
          await tellPublished(tx, this.mail, event, new Set([row.requesterId, row.recipientId]));
      }
    });
  }

  async get(repos: Repositories, id: string): Promise<MeetingRequest> {
    const row = (await repos.events.meetingRequests.get(id))!;
    const event = (await repos.events.access.findById(row.eventId))!;
    const [item] = await this.presentAll(repos, [row], event);
    return item!;
  }

  async presentAll(repos: Repositories, rows: MeetingRequestRow[], event: EventAccessRow): Promise<MeetingRequest[]> {
    const people = await repos.events.meetingGrid.registrationsByIds([...new Set(rows.flatMap((r) => [r.requesterId, r.recipientId]))]);
    const byId = new Map(people.map((p) => [p.id, p]));
    const offers = await offersOf(repos, people);
    const meetings = new Map((await repos.events.meetingSchedule.ofRequests(rows.map((r) => r.id))).map((m) => [m.requestId, m]));
    return rows.map((r) =>
      presentRequest(
        r,
        event.slug,
        presentParticipant(byId.get(r.requesterId)!, offers),
        presentParticipant(byId.get(r.recipientId)!, offers),
        meetings.get(r.id),
      ),
    );
  }
}
