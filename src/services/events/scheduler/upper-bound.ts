/**
 * A proven upper bound on what any schedule can place (docs/scheduling.md gives the proof):
 *   count ≤ fixed + min( ⌊maxflow / 2⌋ on the participants' bipartite double cover, each participant capped
 *   by the slots they can use under the back-to-back limit;  Σ_s min(free tables, ⌊people free at s / 2⌋,
 *   requests that can use s);  requests with a common slot ),
 * and the weight, by levels: w(r) = Σ_j (v_j − v_{j−1})·[w(r) ≥ v_j] over the distinct weights v_1 < v_2 < …,
 * so the weight is at most Σ_j (v_j − v_{j−1}) · (the count bound of the requests weighing at least v_j).
 */
import { commonSlots } from './board.js';
import { FlowNetwork } from './max-flow.js';
import type { SchedulingInstance } from './types.js';

export interface UpperBound {
  count: number;
  weight: number;
}

/**
 * `start` (optional) is a feasible schedule's slotOf (the constructive pass's): its meetings are a flow the
 * maximum flow starts from, which only saves time (the maximum is the same whatever the start).
 */
export function upperBound(instance: SchedulingInstance, start?: Int32Array, lists = commonSlots(instance)): UpperBound {
  const levels = [...new Set(Array.from(instance.weight))].filter((w) => w > 0).sort((x, y) => x - y);
  const count = countBound(instance, lists, -Infinity, start);
  const lightest = Math.min(...Array.from(instance.weight));
  let weight = 0;
  let previous = 0;
  for (const level of levels) {
    const bound = level === lightest ? count : countBound(instance, lists, level, start);
    weight += (level - previous) * bound;
    previous = level;
  }
  return { count, weight };
}

/** The count bound over the requests weighing at least `minWeight`. */
function countBound(
  instance: SchedulingInstance,
  lists: { listStart: Int32Array; listSlots: Int32Array },
  minWeight: number,
  start: Int32Array | undefined,
): number {
  const {
    slotCount: S,
    participantCount: P,
    requestA,
    requestB,
    weight,
    fixedSlot,
    tablesPerSlot,
    followsDirectly,
    maxBackToBack,
  } = instance;
  const { listStart, listSlots } = lists;
  const requests = requestA.length;
  const fixedBusy = new Uint8Array(P * S);
  const fixedAt = new Int32Array(S);
  let fixed = 0;
  for (let r = 0; r < requests; r++) {
    const s = fixedSlot[r]!;
    if (s < 0 || s >= S) continue;
    fixedBusy[requestA[r]! * S + s] = 1;
    fixedBusy[requestB[r]! * S + s] = 1;
    fixedAt[s]!++;
    if (weight[r]! >= minWeight) fixed++;
  }
  // The slots each participant could meet in (for a request of this level), and the requests per slot.
  const usable = new Uint8Array(P * S);
  const requestsAt = new Int32Array(S);
  let open = 0;
  for (let r = 0; r < requests; r++) {
    if (fixedSlot[r]! >= 0 || weight[r]! < minWeight) continue;
    const a = requestA[r]! * S;
    const b = requestB[r]! * S;
    let any = false;
    for (let k = listStart[r]!; k < listStart[r + 1]!; k++) {
      const s = listSlots[k]!;
      if (fixedBusy[a + s] || fixedBusy[b + s]) continue;
      usable[a + s] = 1;
      usable[b + s] = 1;
      requestsAt[s]!++;
      any = true;
    }
    if (any) open++;
  }
  // Per participant: the most meetings the usable slots allow beside the fixed ones, runs within the limit.
  const capacity = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    const base = p * S;
    let free = 0;
    for (let s = 0; s < S; s++) free += usable[base + s]!;
    if (maxBackToBack === null || free === 0) {
      capacity[p] = free;
      continue;
    }
    let best = 0;
    let fixedHere = 0;
    let fixedTooLong = false;
    let run = 0;
    let fixedRun = 0;
    for (let s = 0; s <= S; s++) {
      const inSet = s < S && (usable[base + s] === 1 || fixedBusy[base + s] === 1);
      const joined = s < S && s > 0 && followsDirectly[s] === 1;
      if (!inSet || !joined) {
        best += run - Math.floor(run / (maxBackToBack + 1));
        run = 0;
      }
      if (!(s < S && fixedBusy[base + s] === 1 && joined)) fixedRun = 0;
      if (inSet) run++;
      if (s < S && fixedBusy[base + s] === 1) {
        fixedHere++;
        if (++fixedRun > maxBackToBack) fixedTooLong = true;
      }
    }
    // Fixed meetings that already break the limit: fall back to the plain count of usable slots.
    capacity[p] = fixedTooLong ? free : Math.min(free, Math.max(0, best - fixedHere));
  }
  // ⌊maxflow/2⌋ on the double cover: a schedule of M meetings sends 2M units (each meeting both ways).
  const network = new FlowNetwork(2 * P + 2, 2 * P + 2 * open);
  const source = 2 * P;
  const sink = 2 * P + 1;
  const fromSource = new Int32Array(P).fill(-1);
  const toSink = new Int32Array(P).fill(-1);
  for (let p = 0; p < P; p++) {
    if (capacity[p]! === 0) continue;
    fromSource[p] = network.addArc(source, p, capacity[p]!);
    toSink[p] = network.addArc(P + p, sink, capacity[p]!);
  }
  const path = [0, 0, 0];
  for (let r = 0; r < requests; r++) {
    if (fixedSlot[r]! >= 0 || weight[r]! < minWeight) continue;
    const a = requestA[r]!;
    const b = requestB[r]!;
    let any = false;
    for (let k = listStart[r]!; k < listStart[r + 1]! && !any; k++) {
      const s = listSlots[k]!;
      any = !fixedBusy[a * S + s] && !fixedBusy[b * S + s];
    }
    if (!any || capacity[a]! === 0 || capacity[b]! === 0) continue;
    const ab = network.addArc(a, P + b, 1);
    const ba = network.addArc(b, P + a, 1);
    if (start !== undefined && start[r]! >= 0) {
      // A scheduled meeting sends a unit each way (pushPath checks the room, so any start is safe).
      path[0] = fromSource[a]!;
      path[1] = ab;
      path[2] = toSink[b]!;
      network.pushPath(path);
      path[0] = fromSource[b]!;
      path[1] = ba;
      path[2] = toSink[a]!;
      network.pushPath(path);
    }
  }
  const byFlow = Math.floor(network.maxFlow(source, sink) / 2);
  // Per slot: free tables, pairs among the people free then, and requests that can use the slot.
  let bySlots = 0;
  for (let s = 0; s < S; s++) {
    let people = 0;
    for (let p = 0; p < P; p++) people += usable[p * S + s]!;
    bySlots += Math.min(Math.max(0, tablesPerSlot[s]! - fixedAt[s]!), Math.floor(people / 2), requestsAt[s]!);
  }
  return fixed + Math.min(byFlow, bySlots, open);
}
