/**
 * The constructive pass: a list-edge-colouring of the participants' graph (requests are edges, slots are
 * colours, each edge's list is its common available slots). Heaviest first, and among equals the most
 * constrained (fewest candidate slots, busiest participants) first, because they are the ones a later
 * choice would shut out; each goes to the candidate slot that keeps most room for the others.
 */
import { type Board, moveTo, runFits } from './board.js';

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
  // The keys are integers: key·M + r (M a power of two above the request count) sorts by key, then r, as
  // plain numbers (a typed array's native sort, no comparator call per pair) while it stays exact.
  let M = 1;
  while (M <= requests) M *= 2;
  let largest = 0;
  for (let i = 0; i < n; i++) largest = Math.max(largest, Math.abs(key[open[i]!]!));
  if ((largest + 1) * M >= Number.MAX_SAFE_INTEGER) {
    open.sort((x, y) => key[x]! - key[y]! || x - y);
    return open;
  }
  const packed = new Float64Array(n);
  for (let i = 0; i < n; i++) packed[i] = key[open[i]!]! * M + open[i]!;
  packed.sort();
  for (let i = 0; i < n; i++) open[i] = ((packed[i]! % M) + M) % M;
  return open;
}

/**
 * Places each request of `order` into its best free candidate slot, if it has one. The candidates come from
 * the bitsets (both available, neither busy, a table free), so a request costs a few word operations and
 * only its free slots are scored.
 */
export function construct(board: Board, order: Int32Array, random: () => number): void {
  const { requestA, requestB, tablesPerSlot, followsDirectly, maxBackToBack, availability } = board.instance;
  const S = board.slotCount;
  const words = board.words;
  const { occupancy, used, busy, full } = board;
  for (let i = 0; i < order.length; i++) {
    const r = order[i]!;
    const pa = requestA[r]!;
    const pb = requestB[r]!;
    const a = pa * S;
    const b = pb * S;
    let best = -1;
    let bestScore = -Infinity;
    for (let w = 0; w < words; w++) {
      let bits =
        (availability[pa * words + w]! & availability[pb * words + w]! & ~busy[pa * words + w]! & ~busy[pb * words + w]! & ~full[w]!) >>> 0;
      while (bits !== 0) {
        const low = bits & -bits;
        const s = (w << 5) + (31 - Math.clz32(low));
        bits = (bits ^ low) >>> 0;
        if (s >= S) break;
        if (maxBackToBack !== null && !(runFits(board, pa, s) && runFits(board, pb, s))) continue;
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
    }
    if (best >= 0) moveTo(board, r, best);
  }
  board.logLength = 0;
}
