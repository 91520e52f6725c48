import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { ScheduleRunRow } from '../../../repositories/events/meeting-schedule.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { MeetingStatus, ScheduleRunKind } from '../../../shared/events.js';
import { takesPart } from './meeting-access.js';
import { runScheduler } from './schedule-adapter.js';
import { buildInstance } from './schedule-instance.js';

/** The scheduler's budget within a request (docs/scheduling.md: 3 s reach 99.9 % of the bound on large events). */
export const SCHEDULE_TIME_LIMIT_MS = 2000;

/**
 * One scheduler run written, inside the caller's transaction (which holds the event's row lock):
 *  - `preliminary` / `final`: every accepted request is (re)placed around the pinned meetings, the other
 *    preliminary meetings replaced by the answer;
 *  - `late_requests` (after the final schedule): every meeting in place stays, and only the accepted requests
 *    without one (or those named) are placed, into what is free.
 * Tables: kept meetings keep theirs; a new one takes the lowest free table of its slot. An answer that
 * would double-book anyone or overfill a slot is not written for that meeting (a scheduler's slip never
 * reaches the grid).
 */
export async function scheduleAndWrite(
  tx: Repositories,
  event: EventAccessRow,
  options: { kind: ScheduleRunKind; actorId: string | null; onlyRequestIds?: string[]; recordRun?: boolean },
): Promise<ScheduleRunRow | null> {
  const { kind } = options;
  const grid = tx.events.meetingGrid;
  // one after the other: a transaction's queries share one connection
  const slots = await grid.slots(event.id);
  const accepted = await tx.events.meetingRequests.ofEvent(event.id, ['accepted']);
  const existing = await tx.events.meetingSchedule.ofEvent(event.id);
  const people = new Map(
    (await grid.registrationsByIds([...new Set(accepted.flatMap((r) => [r.requesterId, r.recipientId]))])).map((p) => [p.id, p]),
  );
  const keepAll = kind === 'late_requests';
  const kept = existing.filter((m) => keepAll || m.pinned || m.status === 'confirmed');
  const keptByRequest = new Map(kept.map((m) => [m.requestId, m]));
  const only = options.onlyRequestIds ? new Set(options.onlyRequestIds) : null;
  const requests = accepted.filter((r) => {
    if (keptByRequest.has(r.id)) return true;
    const both = takesPart(people.get(r.requesterId)!) && takesPart(people.get(r.recipientId)!);
    return both && (!only || only.has(r.id));
  });
  const blocked = await grid.blockedTimes([...new Set(requests.flatMap((r) => [r.requesterId, r.recipientId]))]);
  const built = buildInstance({
    slots,
    maxBackToBack: event.maxBackToBack,
    requests,
    blocked,
    fixed: new Map(kept.map((m) => [m.requestId, m.slotId])),
  });
  const result = await runScheduler(built.instance, { timeLimitMs: SCHEDULE_TIME_LIMIT_MS, seed: 1 });

  if (!keepAll) await tx.events.meetingSchedule.deleteUnpinnedPreliminary(event.id);
  const tables = new Map<string, Set<number>>();
  const busy = new Set<string>();
  // by id: with every confirmed meeting kept (late requests), a search per meeting would cost kept × accepted
  const acceptedById = new Map(accepted.map((r) => [r.id, r]));
  for (const m of kept) {
    (tables.get(m.slotId) ?? tables.set(m.slotId, new Set()).get(m.slotId)!).add(m.tableNumber);
    const r = acceptedById.get(m.requestId);
    if (r) for (const p of [r.requesterId, r.recipientId]) busy.add(`${p}|${m.slotId}`);
  }
  const status: MeetingStatus = kind === 'late_requests' ? 'confirmed' : 'preliminary';
  const now = tx.clock.now();
  const inserts = [];
  let scheduledCount = 0;
  let scheduledWeight = 0;
  for (let i = 0; i < built.requests.length; i++) {
    const s = result.slotOf[i]!;
    if (s < 0) continue;
    const request = built.requests[i]!;
    const weight = built.instance.weight[i]!;
    if (keptByRequest.has(request.id)) {
      scheduledCount++;
      scheduledWeight += weight;
      continue;
    }
    const slot = built.slots[s]!;
    const used = tables.get(slot.id) ?? tables.set(slot.id, new Set()).get(slot.id)!;
    let table = 1;
    while (used.has(table)) table++;
    const sides = [request.requesterId, request.recipientId].map((p) => `${p}|${slot.id}`);
    if (table > slot.tableCount || sides.some((k) => busy.has(k))) continue;
    used.add(table);
    for (const k of sides) busy.add(k);
    inserts.push({ eventId: event.id, requestId: request.id, slotId: slot.id, tableNumber: table, status, createdAt: now, updatedAt: now });
    scheduledCount++;
    scheduledWeight += weight;
  }
  await tx.events.meetingSchedule.insert(inserts);
  if (kind === 'preliminary' && event.scheduleState === 'none') await grid.setScheduleState(event.id, 'preliminary', null);
  if (options.recordRun === false) return null;
  let acceptedWeight = 0;
  for (const w of built.instance.weight) acceptedWeight += w;
  return tx.events.meetingSchedule.insertRun({
    eventId: event.id,
    kind,
    acceptedCount: built.requests.length,
    scheduledCount,
    // the bound is on what the scheduler was given; never below what is placed
    upperBoundCount: Math.max(result.upperBoundCount, scheduledCount),
    acceptedWeight,
    scheduledWeight,
    upperBoundWeight: Math.max(result.upperBoundWeight, scheduledWeight),
    pinnedCount: kept.length,
    algorithm: result.algorithm,
    durationMs: result.durationMs,
    ranBy: options.actorId,
    ranAt: now,
  });
}
