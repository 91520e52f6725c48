import { presentMeeting, presentRun, presentSlot, sideOf } from '../../../presenters/meeting.presenter.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import { meetingWeight, MEETING_OUTCOMES, type ScheduleRunKind } from '../../../shared/events.js';
import type { MeetingStats, Schedule, ScheduleRun } from '../../../shared/schemas/events/meetings.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { organisedEvent, readableEvent } from '../events/event-guard.js';
import { requireMeetingsOffered } from './meeting-access.js';
import { tellPublished } from './schedule-mail.js';
import { scheduleAndWrite } from './schedule-writer.js';

/** The organisers' scheduler runs, the final schedule's publication, the grid view, and the public figures. */
export class ScheduleService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  /**
   * One run under the event's row lock, held from reading the state to writing the answer: a second run on
   * the same event waits for the first and then runs on what it wrote (never two answers mixed).
   */
  async run(actor: Actor | null, slug: string, kind: ScheduleRunKind): Promise<ScheduleRun> {
    const by = requireActor(actor);
    const { run, published } = await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, by, slug, { lock: true });
      requireMeetingsOffered(event);
      if (event.scheduleState === 'final' && kind !== 'late_requests') throw new AppError('schedule_published', undefined, 'body.kind');
      if (event.scheduleState !== 'final' && kind === 'late_requests')
        throw new AppError('validation_failed', 'Requests accepted late are placed once the final schedule is published.', 'body.kind');
      const row = (await scheduleAndWrite(tx, event, { kind, actorId: by.user.id }))!;
      await audit(tx, {
        actorId: by.user.id,
        action: 'event.schedule_run',
        entityType: 'event',
        entityId: event.id,
        regionCode: event.regionCode,
        after: { run: row.id, kind, scheduled: row.scheduledCount, accepted: row.acceptedCount, bound: row.upperBoundCount },
      });
      if (kind === 'final') await this.publishIn(tx, event, by);
      return { run: row, published: kind === 'final' ? event : null };
    });
    if (published) await this.tell(published.id);
    return presentRun(run);
  }

  /** The preliminary schedule made final as it is: every meeting confirmed. */
  async publish(actor: Actor | null, slug: string): Promise<Schedule> {
    const by = requireActor(actor);
    const event = await this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, by, slug, { lock: true });
      requireMeetingsOffered(event);
      if (event.scheduleState === 'final') throw new AppError('schedule_published', undefined, 'params.slug');
      await this.publishIn(tx, event, by);
      return event;
    });
    await this.tell(event.id);
    return this.view(actor, slug);
  }

  async view(actor: Actor | null, slug: string): Promise<Schedule> {
    const event = await organisedEvent(this.repos, requireActor(actor), slug);
    const [slots, meetings, accepted, lastRun] = await Promise.all([
      this.repos.events.meetingGrid.slots(event.id),
      this.repos.events.meetingSchedule.ofEvent(event.id),
      this.repos.events.meetingRequests.ofEvent(event.id, ['accepted']),
      this.repos.events.meetingSchedule.lastRun(event.id),
    ]);
    const people = new Map(
      (await this.repos.events.meetingGrid.registrationsByIds([...new Set(accepted.flatMap((r) => [r.requesterId, r.recipientId]))])).map(
        (p) => [p.id, p],
      ),
    );
    const requests = new Map(accepted.map((r) => [r.id, r]));
    const records = new Map(
      (await this.repos.events.meetingSchedule.recordsByIds(meetings.flatMap((m) => (m.outcomeRecordId ? [m.outcomeRecordId] : [])))).map(
        (r) => [r.id, r],
      ),
    );
    const placed = new Set(meetings.map((m) => m.requestId));
    return {
      scheduleState: event.scheduleState,
      lastRun: lastRun ? presentRun(lastRun) : null,
      slots: slots.map(presentSlot),
      meetings: meetings
        .filter((m) => requests.has(m.requestId))
        .map((m) => presentMeeting(m, requests.get(m.requestId)!, people, records)),
      unscheduled: accepted
        .filter((r) => !placed.has(r.id))
        .map((r) => ({
          requestId: r.id,
          a: sideOf(people.get(r.requesterId), r.requesterId),
          b: sideOf(people.get(r.recipientId), r.recipientId),
          weight: meetingWeight(r.requesterPriority, r.recipientPriority),
          version: r.version,
        })),
    };
  }

  /** Numbers only: requested, accepted, scheduled, held, their outcomes and the agreements they led to. */
  async stats(actor: Actor | null, slug: string): Promise<MeetingStats> {
    const event = await readableEvent(this.repos, actor, slug);
    const counts = await this.repos.events.meetingRequests.countsByStatus(event.id);
    const placed = await this.repos.events.meetingSchedule.outcomeCounts(event.id, this.repos.clock.now());
    const records = await this.repos.events.meetingSchedule.recordsByIds(placed.recordIds);
    let requested = 0;
    for (const n of counts.values()) requested += n;
    return {
      requested,
      accepted: counts.get('accepted') ?? 0,
      scheduled: placed.scheduled,
      held: placed.held,
      outcomes: Object.fromEntries(MEETING_OUTCOMES.map((o) => [o, placed.outcomes.get(o) ?? 0])) as MeetingStats['outcomes'],
      agreements: records.map((r) => ({ slug: r.slug, title: r.title })),
    };
  }

  private async publishIn(tx: Repositories, event: EventAccessRow, by: Actor): Promise<void> {
    const now = tx.clock.now();
    await tx.events.meetingSchedule.confirmAll(event.id, now);
    await tx.events.meetingGrid.setScheduleState(event.id, 'final', now);
    await audit(tx, {
      actorId: by.user.id,
      action: 'event.schedule_published',
      entityType: 'event',
      entityId: event.id,
      regionCode: event.regionCode,
      before: { scheduleState: event.scheduleState },
      after: { scheduleState: 'final' },
    });
  }

  /** Each participant's meetings e-mailed once the schedule is final (after the commit: a failure loses no schedule). */
  private async tell(eventId: string): Promise<void> {
    const event = (await this.repos.events.access.findById(eventId))!;
    await tellPublished(this.repos, this.mail, event);
  }
}
