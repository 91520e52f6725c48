/**
 * Realistic scheduling instances for the benchmark and the tests. `standard`: two days of 16–20 slots
 * (a lunch break each day), tables for a quarter to a third of the participants, each participant blocking
 * 10–20% of the slots in one or two stretches, mostly "would like" requests. `hard`: availability in many
 * short pieces (30–45% blocked), at most two meetings back to back, weights 1–3 evenly. In both, a few
 * participants are asked by many (power-law popularity, as at a real brokerage event).
 */
import { seededRandom } from './random.js';
import type { SchedulingInstance } from './types.js';

export type InstanceFamily = 'standard' | 'hard';

export interface InstanceSize {
  participants: number;
  requests: number;
}

export function generateInstance(family: InstanceFamily, size: InstanceSize, seed: number): SchedulingInstance {
  const random = seededRandom(seed * 7919 + (family === 'hard' ? 17 : 3));
  const int = (lo: number, hi: number) => lo + Math.floor(random() * (hi - lo + 1));
  const P = size.participants;
  // The grid: two days, a lunch break in the middle of each.
  const perDay = int(16, 20);
  const slotCount = 2 * perDay;
  const followsDirectly = new Uint8Array(slotCount);
  for (let s = 1; s < slotCount; s++) {
    const inDay = s % perDay;
    followsDirectly[s] = inDay === 0 || inDay === Math.floor(perDay / 2) ? 0 : 1;
  }
  const tablesPerSlot = new Int32Array(slotCount).fill(Math.max(1, Math.round(P / (family === 'hard' ? 4.5 : 3 + random()))));
  // Blocked times.
  const words = (slotCount + 31) >> 5;
  const availability = new Uint32Array(P * words);
  for (let p = 0; p < P; p++) {
    for (let s = 0; s < slotCount; s++) availability[p * words + (s >> 5)]! |= 1 << (s & 31);
    const share = family === 'hard' ? 0.3 + random() * 0.15 : 0.1 + random() * 0.1;
    let blocked = Math.round(share * slotCount);
    const pieces = family === 'hard' ? Math.max(1, Math.round(blocked / 2)) : int(1, 2);
    for (let piece = 0; piece < pieces && blocked > 0; piece++) {
      const length = piece === pieces - 1 ? blocked : Math.max(1, Math.round(blocked / (pieces - piece)));
      const start = int(0, slotCount - length);
      for (let s = start; s < start + length; s++) availability[p * words + (s >> 5)]! &= ~(1 << (s & 31));
      blocked -= length;
    }
  }
  // Requests: requesters at random, recipients by power-law popularity (rank^-0.9).
  const popularity = new Float64Array(P);
  const rank = shuffled(P, random);
  let sum = 0;
  for (let p = 0; p < P; p++) sum += popularity[p] = 1 / Math.pow(rank[p]! + 1, 0.9);
  const cumulative = new Float64Array(P);
  let acc = 0;
  for (let p = 0; p < P; p++) cumulative[p] = acc += popularity[p]! / sum;
  const pick = () => {
    const x = random();
    let lo = 0;
    let hi = P - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const target = Math.min(size.requests, (P * (P - 1)) / 2);
  const requestA = new Int32Array(target);
  const requestB = new Int32Array(target);
  const weight = new Int32Array(target);
  const perParticipant = new Int32Array(P);
  const seen = new Set<number>();
  let n = 0;
  for (let tries = 0; n < target && tries < target * 50; tries++) {
    const a = Math.floor(random() * P);
    const b = tries % 3 === 0 ? Math.floor(random() * P) : pick();
    if (a === b || perParticipant[a]! >= 200 || perParticipant[b]! >= 200) continue;
    const key = Math.min(a, b) * P + Math.max(a, b);
    if (seen.has(key)) continue;
    seen.add(key);
    perParticipant[a]!++;
    perParticipant[b]!++;
    requestA[n] = a;
    requestB[n] = b;
    const x = random();
    weight[n] = family === 'hard' ? int(1, 3) : x < 0.7 ? 1 : x < 0.95 ? 2 : 3;
    n++;
  }
  return {
    slotCount,
    tablesPerSlot,
    followsDirectly,
    maxBackToBack: family === 'hard' ? 2 : null,
    participantCount: P,
    availability,
    wordsPerParticipant: words,
    requestA: requestA.slice(0, n),
    requestB: requestB.slice(0, n),
    weight: weight.slice(0, n),
    fixedSlot: new Int32Array(n).fill(-1),
  };
}

function shuffled(n: number, random: () => number): Int32Array {
  const a = new Int32Array(n);
  for (let i = 0; i < n; i++) a[i] = i;
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = a[i]!;
    a[i] = a[j]!;
    a[j] = t;
  }
  return a;
}
