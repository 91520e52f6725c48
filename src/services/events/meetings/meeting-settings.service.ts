import { presentSlot } from '../../../presenters/meeting.presenter.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import { MEETING_LIMITS } from '../../../shared/events.js';
import type { MeetingGridInput, MeetingSettings, MeetingSettingsInput, MeetingSlotList } from '../../../shared/schemas/events/meetings.js';
import { requireActor, type Actor } from '../../access.js';
import { audit } from '../../audit.js';
import { AppError } from '../../errors.js';
import { requireWritten, type ExpectedVersion } from '../../versioning.js';
import { organisedEvent, readableEvent } from '../events/event-guard.js';
import { insideEvent } from './meeting-access.js';

export const presentSettings = (e: EventAccessRow): MeetingSettings => ({
  slug: e.slug,
  meetingsEnabled: e.meetingsEnabled,
  meetingLengthMinutes: e.meetingLengthMinutes,
  maxBackToBack: e.maxBackToBack,
  meetingRequestsCloseAt: e.meetingRequestsCloseAt?.toISOString() ?? null,
  scheduleState: e.scheduleState,
  version: e.version,
});

/** The organisers' meeting settings on the event and the slot grid: blocks cut into slots of the meeting length. */
export class MeetingSettingsService {
  constructor(private readonly repos: Repositories) {}

  async settings(actor: Actor | null, slug: string): Promise<MeetingSettings> {
    return presentSettings(await readableEvent(this.repos, actor, slug));
  }

  async update(actor: Actor | null, slug: string, input: MeetingSettingsInput, expected: ExpectedVersion): Promise<MeetingSettings> {
    const by = requireActor(actor);
    return this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, by, slug, { lock: true });
      const closesAt = input.meetingRequestsCloseAt ? new Date(input.meetingRequestsCloseAt) : null;
      if (closesAt && event.endsAt && closesAt > event.endsAt)
        throw new AppError('slot_outside_event', 'Meeting requests close at the event’s end at the latest.', 'body.meetingRequestsCloseAt');
      // a new length would cut the grid differently: it is refused while slots of another length exist
      const slots = await tx.events.meetingGrid.slots(event.id);
      const minutes = input.meetingLengthMinutes;
      if (
        slots.some((s) => s.endsAt.getTime() - s.startsAt.getTime() !== minutes * 60_000) &&
        (await tx.events.meetingGrid.placedCount(event.id)) > 0
      )
        throw new AppError(
          'schedule_exists',
          'Meetings are placed in slots of the present length: cancel them before changing it.',
          'body.meetingLengthMinutes',
        );
      const values = {
        meetingsEnabled: input.meetingsEnabled,
        meetingLengthMinutes: minutes,
        maxBackToBack: input.maxBackToBack,
        meetingRequestsCloseAt: closesAt,
      };
      await requireWritten(await tx.events.meetingGrid.updateSettings(event.id, expected, values, tx.clock.now()), () =>
        tx.events.meetingGrid.eventVersion(event.id),
      );
      await audit(tx, {
        actorId: by.user.id,
        action: 'event.meeting_settings',
        entityType: 'event',
        entityId: event.id,
        regionCode: event.regionCode,
        before: {
          meetingsEnabled: event.meetingsEnabled,
          meetingLengthMinutes: event.meetingLengthMinutes,
          maxBackToBack: event.maxBackToBack,
        },
        after: values,
      });
      return presentSettings((await tx.events.access.findById(event.id))!);
    });
  }

  async slots(actor: Actor | null, slug: string): Promise<MeetingSlotList> {
    const event = await readableEvent(this.repos, actor, slug);
    return { items: (await this.repos.events.meetingGrid.slots(event.id)).map(presentSlot) };
  }

  /** The grid replaced: each block cut into slots of the meeting length (a remainder shorter than one is left out). */
  async replaceSlots(actor: Actor | null, slug: string, input: MeetingGridInput): Promise<MeetingSlotList> {
    const by = requireActor(actor);
    return this.repos.transaction(async (tx) => {
      const event = await organisedEvent(tx, by, slug, { lock: true });
      const length = event.meetingLengthMinutes;
      if (!event.meetingsEnabled || !length)
        throw new AppError('meetings_not_offered', 'Enable meetings and set their length first.', 'params.slug');
      const blocks = input.blocks.map((b, i) => ({
        i,
        startsAt: new Date(b.startsAt),
        endsAt: new Date(b.endsAt),
        tableCount: b.tableCount,
      }));
      for (const b of blocks) {
        const field = `body.blocks.${b.i}`;
        if (b.endsAt <= b.startsAt)
          throw new AppError('validation_failed', 'A block ends after it starts.', field).because('ends_before_start');
        if (!insideEvent(event, b.startsAt, b.endsAt)) throw new AppError('slot_outside_event', undefined, field);
        if (b.endsAt.getTime() - b.startsAt.getTime() < length * 60_000)
          throw new AppError('validation_failed', `A block holds one meeting of ${length} minutes at least.`, field);
      }
      const sorted = [...blocks].sort((x, y) => x.startsAt.getTime() - y.startsAt.getTime());
      for (let k = 1; k < sorted.length; k++)
        if (sorted[k]!.startsAt < sorted[k - 1]!.endsAt) throw new AppError('slots_overlap', undefined, `body.blocks.${sorted[k]!.i}`);
      const slots = sorted.flatMap((b) => {
        const count = Math.floor((b.endsAt.getTime() - b.startsAt.getTime()) / (length * 60_000));
        return Array.from({ length: count }, (_, n) => ({
          startsAt: new Date(b.startsAt.getTime() + n * length * 60_000),
          endsAt: new Date(b.startsAt.getTime() + (n + 1) * length * 60_000),
          tableCount: b.tableCount,
        }));
      });
      if (slots.length > MEETING_LIMITS.maxSlots)
        throw new AppError('validation_failed', `A grid has ${MEETING_LIMITS.maxSlots} slots at most.`, 'body.blocks');
      // slots that stay as they were keep their meetings; any other slot with a meeting refuses the change
      const existing = await tx.events.meetingGrid.slots(event.id);
      const kept = new Set(slots.map((s) => `${s.startsAt.getTime()}|${s.endsAt.getTime()}`));
      const placed = await tx.events.meetingSchedule.ofEvent(event.id);
      const lost = placed.filter((m) => {
        const slot = existing.find((s) => s.id === m.slotId)!;
        const next = slots.find((s) => s.startsAt.getTime() === slot.startsAt.getTime());
        return !kept.has(`${slot.startsAt.getTime()}|${slot.endsAt.getTime()}`) || (next && m.tableNumber > next.tableCount);
      });
      if (lost.length > 0) throw new AppError('schedule_exists', undefined, 'body.blocks');
      if (placed.length === 0) {
        await tx.events.meetingGrid.replaceSlots(event.id, slots);
      } else {
        await tx.events.meetingGrid.mergeSlots(event.id, slots);
      }
      await audit(tx, {
        actorId: by.user.id,
        action: 'event.meeting_grid',
        entityType: 'event',
        entityId: event.id,
        regionCode: event.regionCode,
        before: { slots: existing.length },
        after: { slots: slots.length, blocks: input.blocks },
      });
      return { items: (await tx.events.meetingGrid.slots(event.id)).map(presentSlot) };
    });
  }
}
