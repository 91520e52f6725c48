/**
 * The constructive pass: a list-edge-colouring of the participants' graph (requests are edges, slots are
 * colours, each edge's list is its common available slots). Heaviest first, and among equals the most
 * constrained (fewest candidate slots, busiest participants) first, because they are the ones a later
 * choice would shut out; each goes to the candidate slot that keeps most room for the others.
 */
import { type Board, fits, moveTo } from './board.js';

/** How much a slot next to a side's meeting is avoided when breaks are required (measured: 0–3 differ little). */
const ADJACENT_PENALTY = 0.3;

export function placementOrder(board: Board): Int32Array {
  const { requestA, requestB, weight, fixedSlot, participantCount } = board.instance;
  const requests = requestA.length;
  const degree = new Int32Array(participantCount);
  for (let r = 0; r < requests; r++) {
    degree[requestA[r]!]!++;
    degree[requestB[r]!]!++;
  }
  const key = new Float64Array(requests);
  for (let r = 0; r < requests; r++) {
    const options = board.listStart[r + 1]! - board.listStart[r]!;
    const load = degree[requestA[r]!]! + degree[requestB[r]!]!;
    // weight first, then few options, then busy participants (the key sorts ascending).
    key[r] = -weight[r]! * 1e9 + options * 1e5 - Math.min(load, 99_999);
  }
  const order = new Int32Array(requests);
  let n = 0;
  for (let r = 0; r < requests; r++) if (fixedSlot[r]! < 0) order[n++] = r;
  const open = order.subarray(0, n);
  open.sort((x, y) => key[x]! - key[y]! || x - y);
  return open;
}

/** Places each request of `order` into its best free candidate slot, if it has one. */
export function construct(board: Board, order: Int32Array, random: () => number): void {
  const { requestA, requestB, tablesPerSlot, followsDirectly, maxBackToBack } = board.instance;
  const S = board.slotCount;
  const { occupancy, used, listStart, listSlots } = board;
  for (let i = 0; i < order.length; i++) {
    const r = order[i]!;
    const a = requestA[r]! * S;
    const b = requestB[r]! * S;
    let best = -1;
    let bestScore = -Infinity;
    for (let k = listStart[r]!; k < listStart[r + 1]!; k++) {
      const s = listSlots[k]!;
      if (!fits(board, r, s)) continue;
      // Room left in the slot, less a touch for sitting next to a meeting when breaks are required.
      let score = (tablesPerSlot[s]! - used[s]!) / Math.max(1, tablesPerSlot[s]!) + random() * 1e-3;
      if (maxBackToBack !== null) {
        if (s > 0 && followsDirectly[s] === 1 && (occupancy[a + s - 1]! > 0 || occupancy[b + s - 1]! > 0)) score -= ADJACENT_PENALTY;
        if (s + 1 < S && followsDirectly[s + 1] === 1 && (occupancy[a + s + 1]! > 0 || occupancy[b + s + 1]! > 0))
          score -= ADJACENT_PENALTY;
      }
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }
    if (best >= 0) moveTo(board, r, best);
  }
  board.logLength = 0;
}
