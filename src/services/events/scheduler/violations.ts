/**
 * An independent check of a schedule against its instance (written plainly, sharing no code with the
 * scheduler): what it breaks, in words; an empty list means the schedule is feasible.
 */
import type { ScheduleResult, SchedulingInstance } from './types.js';

export function violations(
  instance: SchedulingInstance,
  result: Pick<ScheduleResult, 'slotOf' | 'scheduledCount' | 'scheduledWeight'>,
): string[] {
  const found: string[] = [];
  const { slotCount, requestA, requestB, fixedSlot, tablesPerSlot, followsDirectly, maxBackToBack, weight } = instance;
  const available = (p: number, s: number) =>
    ((instance.availability[p * instance.wordsPerParticipant + Math.floor(s / 32)]! >>> (s % 32)) & 1) === 1;
  const meetingsOf = new Map<number, Set<number>>();
  const perSlot = new Array<number>(slotCount).fill(0);
  let count = 0;
  let total = 0;
  for (let r = 0; r < requestA.length; r++) {
    const s = result.slotOf[r]!;
    if (fixedSlot[r]! >= 0 && s !== fixedSlot[r]) found.push(`fixed request ${r} moved from slot ${fixedSlot[r]} to ${s}`);
    if (s === -1) continue;
    if (s < 0 || s >= slotCount) {
      found.push(`request ${r} in slot ${s}, outside the grid`);
      continue;
    }
    count++;
    total += weight[r]!;
    perSlot[s]!++;
    for (const p of [requestA[r]!, requestB[r]!]) {
      if (fixedSlot[r]! < 0 && !available(p, s)) found.push(`request ${r}: participant ${p} is not available in slot ${s}`);
      const mine = meetingsOf.get(p) ?? new Set<number>();
      if (mine.has(s)) found.push(`participant ${p} has two meetings in slot ${s}`);
      mine.add(s);
      meetingsOf.set(p, mine);
    }
  }
  const fixedAt = new Array<number>(slotCount).fill(0);
  for (let r = 0; r < requestA.length; r++) if (fixedSlot[r]! >= 0) fixedAt[fixedSlot[r]!]!++;
  perSlot.forEach((n, s) => {
    if (n > Math.max(tablesPerSlot[s]!, fixedAt[s]!)) found.push(`slot ${s} holds ${n} meetings for ${tablesPerSlot[s]} tables`);
  });
  if (maxBackToBack !== null) {
    for (const [p, slots] of meetingsOf) {
      let run = 0;
      for (let s = 0; s < slotCount; s++) {
        run = slots.has(s) ? (s > 0 && followsDirectly[s] === 1 && run > 0 ? run + 1 : 1) : 0;
        if (run > maxBackToBack) found.push(`participant ${p} has ${run} meetings back to back ending in slot ${s}`);
      }
    }
  }
  if (count !== result.scheduledCount) found.push(`scheduledCount ${result.scheduledCount}, but ${count} placed`);
  if (total !== result.scheduledWeight) found.push(`scheduledWeight ${result.scheduledWeight}, but ${total} placed`);
  return found;
}
