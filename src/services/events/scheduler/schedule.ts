/**
 * The meeting scheduler (docs/scheduling.md): maximise the total weight of the placed meetings (then their
 * number) so that nobody is in two places at once, both sides are available, a slot holds at most its
 * tables and nobody has more than maxBackToBack meetings in a row. A constructive list-edge-colouring,
 * then ejection chains within the time budget, stopping early at the proven upper bound.
 */
import { type Board, createBoard, placeFixed } from './board.js';
import { participantCapacity } from './capacity.js';
import { construct, placementOrder } from './construct.js';
import { createSearch, displace } from './local-search.js';
import { seededRandom } from './random.js';
import type { ScheduleOptions, ScheduleResult, SchedulingInstance } from './types.js';
import { upperBound } from './upper-bound.js';

export const SCHEDULER_ALGORITHM = 'colouring+local-search';

/** Deepest chain of pushes tried, and the slot trials one chain may spend. */
const MAX_DEPTH = 4;
const CHAIN_BUDGET = [0, 200, 600, 2000, 6000];

export function schedule(instance: SchedulingInstance, options: ScheduleOptions): ScheduleResult {
  const started = performance.now();
  const deadline = started + Math.max(0, options.timeLimitMs);
  const random = seededRandom(options.seed ?? 1);
  const board = createBoard(instance);
  placeFixed(board);
  const order = placementOrder(board);
  construct(board, order, random);
  // After the constructive pass: its meetings are where the bound's maximum flow starts from.
  const bound = upperBound(instance, board.slotOf, board);

  const search = createSearch(board, random);
  const atBound = () => bestWeight >= bound.weight && bestCount >= bound.count;
  // The best schedule seen (kicks may lose a little on the way).
  const best = board.slotOf.slice();
  let bestSaved = true;
  let bestWeight = board.scheduledWeight;
  let bestCount = board.scheduledCount;
  const open = new Int32Array(order.length);
  // What each request's sides looked like when it last failed, and at which depth (skip it if unchanged).
  const triedA = new Int32Array(instance.requestA.length);
  const triedB = new Int32Array(instance.requestA.length);
  const triedDepth = new Int8Array(instance.requestA.length).fill(-1);
  const { requestA, requestB } = instance;
  const { fingerprint, meetingCount } = board;
  const capacity = participantCapacity(board);
  let lightest = Infinity;
  for (let r = 0; r < instance.weight.length; r++) lightest = Math.min(lightest, instance.weight[r]!);
  let depth = 1;
  let idle = 0;
  let steps = 0;
  const maxSteps = options.maxSteps ?? Infinity;
  while (!atBound() && steps < maxSteps && performance.now() < deadline) {
    // The unscheduled requests that have a candidate slot, heaviest first (the order keeps that).
    let n = 0;
    for (let i = 0; i < order.length; i++) {
      const r = order[i]!;
      if (board.slotOf[r] === -1 && board.listStart[r + 1]! > board.listStart[r]!) open[n++] = r;
    }
    if (n === 0) break;
    const plateau = depth === MAX_DEPTH && idle > 0;
    // After a few fruitless plateau passes, an occasional kick that loses a little (the best is kept).
    const kick = plateau && idle > 3;
    let improved = false;
    for (let i = 0; i < n; i++) {
      const r = open[i]!;
      if (board.slotOf[r] !== -1) continue;
      const a = requestA[r]!;
      const b = requestB[r]!;
      // A side who has all the meetings they can have only trades one for another: no gain unless r is
      // heavier than one of that side's movable meetings.
      // (In the plateau phase such swaps are the way out of a local optimum: not skipped.)
      if (!plateau && meetingCount[a]! >= capacity[a]! && !heavierThanOneOf(board, r, a, lightest)) continue;
      if (!plateau && meetingCount[b]! >= capacity[b]! && !heavierThanOneOf(board, r, b, lightest)) continue;
      if (!plateau && triedDepth[r] === depth && triedA[r] === fingerprint[a] && triedB[r] === fingerprint[b]) continue;
      search.budget = CHAIN_BUDGET[depth]!;
      const tolerance = kick && random() < 0.05 ? 1 : 0;
      if (tolerance > 0 && !bestSaved && board.scheduledWeight === bestWeight && board.scheduledCount === bestCount) {
        best.set(board.slotOf); // copied only before a move that may lose
        bestSaved = true;
      }
      const outcome = displace(search, r, depth, plateau, tolerance);
      if (board.scheduledWeight > bestWeight || (board.scheduledWeight === bestWeight && board.scheduledCount > bestCount)) {
        improved = true; // a new best (not a loss won back)
        bestWeight = board.scheduledWeight;
        bestCount = board.scheduledCount;
        bestSaved = false;
      }
      if (outcome < 0) {
        triedDepth[r] = depth;
        triedA[r] = fingerprint[a]!;
        triedB[r] = fingerprint[b]!;
      }
      if (++steps >= maxSteps || ((steps & 15) === 0 && performance.now() >= deadline)) break;
      if (atBound()) break;
    }
    if (improved) idle = 0;
    else if (depth < MAX_DEPTH) depth++;
    else if (++idle > 1000) break; // a long walk found nothing more: stop before the budget ends
  }
  return {
    slotOf: bestSaved ? best : board.slotOf,
    scheduledCount: bestCount,
    scheduledWeight: bestWeight,
    upperBoundCount: bound.count,
    upperBoundWeight: bound.weight,
    algorithm: SCHEDULER_ALGORITHM,
    durationMs: Math.round(performance.now() - started),
  };
}

/** Is request r heavier than one of participant p's movable meetings? */
function heavierThanOneOf(board: Board, r: number, p: number, lightest: number): boolean {
  const w = board.instance.weight[r]!;
  if (w <= lightest) return false;
  const S = board.slotCount;
  for (let s = 0; s < S; s++) {
    const m = board.occupant[p * S + s]!;
    if (m >= 0 && board.instance.fixedSlot[m]! < 0 && board.instance.weight[m]! < w) return true;
  }
  return false;
}
