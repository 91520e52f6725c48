/**
 * The baseline simple tools use: requests in arrival order, each into the first free common slot. Measured
 * beside the scheduler in the benchmark, so that what optimisation gains is a figure, not a claim.
 */
import { createBoard, fits, moveTo, placeFixed } from './board.js';
import type { ScheduleResult, SchedulingInstance } from './types.js';
import { upperBound } from './upper-bound.js';

export function greedyBaseline(instance: SchedulingInstance, withBound = false): ScheduleResult {
  const started = performance.now();
  const board = createBoard(instance);
  placeFixed(board);
  for (let r = 0; r < instance.requestA.length; r++) {
    if (instance.fixedSlot[r]! >= 0) continue;
    for (let k = board.listStart[r]!; k < board.listStart[r + 1]!; k++) {
      const s = board.listSlots[k]!;
      if (fits(board, r, s)) {
        moveTo(board, r, s);
        break;
      }
    }
    board.logLength = 0;
  }
  const bound = withBound ? upperBound(instance) : { count: -1, weight: -1 };
  return {
    slotOf: board.slotOf,
    scheduledCount: board.scheduledCount,
    scheduledWeight: board.scheduledWeight,
    upperBoundCount: bound.count,
    upperBoundWeight: bound.weight,
    algorithm: 'greedy-first-fit',
    durationMs: Math.round(performance.now() - started),
  };
}
