import type { BlockedTimeRow, MeetingSlotRow } from '../../../repositories/events/meeting-grid.repository.js';
import type { MeetingRequestRow } from '../../../repositories/events/meeting-request.repository.js';
import { meetingWeight } from '../../../shared/events.js';
import type { SchedulingInstance } from '../scheduler/types.js';
import { overlaps } from './meeting-access.js';

/** An instance and what its indices stand for. */
export interface BuiltInstance {
  instance: SchedulingInstance;
  requests: MeetingRequestRow[];
  participants: string[];
  slots: MeetingSlotRow[];
}

/**
 * The scheduler's problem read off the database: slots in time order (followsDirectly where one starts at
 * the previous one's end), each participant available in every slot but those their blocked times touch,
 * the requests' weights, and the fixed meetings' slots (`fixed`: request id → slot id).
 */
export function buildInstance(input: {
  slots: MeetingSlotRow[];
  maxBackToBack: number | null;
  requests: MeetingRequestRow[];
  blocked: BlockedTimeRow[];
  fixed: Map<string, string>;
}): BuiltInstance {
  const slots = [...input.slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const participants = [...new Set(input.requests.flatMap((r) => [r.requesterId, r.recipientId]))];
  const index = new Map(participants.map((p, i) => [p, i]));
  const words = Math.max(1, Math.ceil(slots.length / 32));
  const availability = new Uint32Array(participants.length * words);
  for (let p = 0; p < participants.length; p++) for (let s = 0; s < slots.length; s++) availability[p * words + (s >> 5)]! |= 1 << (s & 31);
  for (const b of input.blocked) {
    const p = index.get(b.registrationId);
    if (p === undefined) continue;
    slots.forEach((slot, s) => {
      if (overlaps(slot.startsAt, slot.endsAt, b.startsAt, b.endsAt)) availability[p * words + (s >> 5)]! &= ~(1 << (s & 31));
    });
  }
  const n = input.requests.length;
  const instance: SchedulingInstance = {
    slotCount: slots.length,
    tablesPerSlot: Int32Array.from(slots.map((s) => s.tableCount)),
    followsDirectly: Uint8Array.from(slots.map((s, i) => (i > 0 && slots[i - 1]!.endsAt.getTime() === s.startsAt.getTime() ? 1 : 0))),
    maxBackToBack: input.maxBackToBack,
    participantCount: participants.length,
    availability,
    wordsPerParticipant: words,
    requestA: new Int32Array(n),
    requestB: new Int32Array(n),
    weight: new Int32Array(n),
    fixedSlot: new Int32Array(n).fill(-1),
  };
  input.requests.forEach((r, i) => {
    instance.requestA[i] = index.get(r.requesterId)!;
    instance.requestB[i] = index.get(r.recipientId)!;
    instance.weight[i] = meetingWeight(r.requesterPriority, r.recipientPriority);
    const fixed = input.fixed.get(r.id);
    if (fixed !== undefined) instance.fixedSlot[i] = slotIndex.get(fixed) ?? -1;
  });
  return { instance, requests: input.requests, participants, slots };
}

/** Blocked times as a lookup: is this participant blocked during this slot? */
export function blockedDuring(blocked: BlockedTimeRow[], registrationId: string, slot: MeetingSlotRow): boolean {
  return blocked.some((b) => b.registrationId === registrationId && overlaps(slot.startsAt, slot.endsAt, b.startsAt, b.endsAt));
}
