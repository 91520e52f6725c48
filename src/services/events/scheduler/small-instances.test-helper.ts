/** Small random instances for the tests (the exact MIP optimum is quick on them), with fixed meetings at times. */
import { greedyBaseline } from './greedy.js';
import { seededRandom } from './random.js';
import type { SchedulingInstance } from './types.js';

export interface SmallShape {
  participants: number;
  requests: number;
  slots: number;
  tables: number;
  maxBackToBack: number | null;
  blockedShare: number;
  fixedShare: number;
}

export function smallInstance(shape: SmallShape, seed: number): SchedulingInstance {
  const random = seededRandom(seed);
  const { participants: P, slots: S } = shape;
  const words = (S + 31) >> 5;
  const availability = new Uint32Array(P * words);
  for (let p = 0; p < P; p++)
    for (let s = 0; s < S; s++) if (random() >= shape.blockedShare) availability[p * words + (s >> 5)]! |= 1 << (s & 31);
  const followsDirectly = new Uint8Array(S);
  for (let s = 1; s < S; s++) followsDirectly[s] = random() < 0.8 ? 1 : 0;
  const a: number[] = [];
  const b: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < shape.requests; i++) {
    const x = Math.floor(random() * P);
    const y = Math.floor(random() * P);
    if (x === y) continue;
    a.push(x);
    b.push(y);
    w.push(1 + Math.floor(random() * 3));
  }
  const instance: SchedulingInstance = {
    slotCount: S,
    tablesPerSlot: Int32Array.from({ length: S }, () => Math.max(1, shape.tables - Math.floor(random() * 2))),
    followsDirectly,
    maxBackToBack: shape.maxBackToBack,
    participantCount: P,
    availability,
    wordsPerParticipant: words,
    requestA: Int32Array.from(a),
    requestB: Int32Array.from(b),
    weight: Int32Array.from(w),
    fixedSlot: new Int32Array(a.length).fill(-1),
  };
  // Fixed meetings taken from a feasible schedule, so that they never clash among themselves.
  const first = greedyBaseline(instance);
  const fixedSlot = new Int32Array(a.length).fill(-1);
  for (let r = 0; r < a.length; r++) if (first.slotOf[r]! >= 0 && random() < shape.fixedShare) fixedSlot[r] = first.slotOf[r]!;
  return { ...instance, fixedSlot };
}
