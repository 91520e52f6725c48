import type { ScheduleOptions, ScheduleResult, SchedulingInstance } from '../scheduler/types.js';

/**
 * TEMPORARY: the meetings service's one door to the scheduler. Until the scheduler's worker is in, a greedy
 * placement (requests in order into the first slot both sides have free) answers, fixed meetings kept.
 */
export async function runScheduler(instance: SchedulingInstance, options: ScheduleOptions): Promise<ScheduleResult> {
  const started = performance.now();
  void options;
  const { slotCount, tablesPerSlot, followsDirectly, maxBackToBack, participantCount, availability, wordsPerParticipant: w } = instance;
  const requests = instance.requestA.length;
  const slotOf = new Int32Array(requests).fill(-1);
  const busy = new Uint8Array(participantCount * slotCount);
  const used = new Int32Array(slotCount);
  const available = (p: number, s: number) => (availability[p * w + (s >> 5)]! >>> (s & 31)) & 1;
  const run = (p: number, s: number) => {
    let n = 1;
    for (let k = s; k > 0 && followsDirectly[k] && busy[p * slotCount + k - 1]; k--) n++;
    for (let k = s + 1; k < slotCount && followsDirectly[k] && busy[p * slotCount + k]; k++) n++;
    return n;
  };
  const place = (r: number, s: number) => {
    slotOf[r] = s;
    used[s]!++;
    busy[instance.requestA[r]! * slotCount + s] = 1;
    busy[instance.requestB[r]! * slotCount + s] = 1;
  };
  for (let r = 0; r < requests; r++) if (instance.fixedSlot[r]! >= 0) place(r, instance.fixedSlot[r]!);
  for (let r = 0; r < requests; r++) {
    if (slotOf[r] !== -1) continue;
    const a = instance.requestA[r]!;
    const b = instance.requestB[r]!;
    for (let s = 0; s < slotCount; s++) {
      if (used[s]! >= tablesPerSlot[s]! || !available(a, s) || !available(b, s)) continue;
      if (busy[a * slotCount + s] || busy[b * slotCount + s]) continue;
      if (maxBackToBack !== null && (run(a, s) > maxBackToBack || run(b, s) > maxBackToBack)) continue;
      place(r, s);
      break;
    }
  }
  let scheduledCount = 0;
  let scheduledWeight = 0;
  let totalWeight = 0;
  for (let r = 0; r < requests; r++) {
    totalWeight += instance.weight[r]!;
    if (slotOf[r] !== -1) {
      scheduledCount++;
      scheduledWeight += instance.weight[r]!;
    }
  }
  return {
    slotOf,
    scheduledCount,
    scheduledWeight,
    upperBoundCount: requests,
    upperBoundWeight: totalWeight,
    algorithm: 'greedy',
    durationMs: Math.round(performance.now() - started),
  };
}
