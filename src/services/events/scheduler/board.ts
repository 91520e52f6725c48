/**
 * The scheduler's working state: who sits where, slot by slot, in flat typed arrays (a participant × slot
 * grid, a per-slot table count and a per-slot member list), so that the constructive pass and the local
 * search test and apply a move in a few array reads, with no object per request.
 */
import type { SchedulingInstance } from './types.js';

export interface Board {
  readonly instance: SchedulingInstance;
  readonly slotCount: number;
  /** Each request's candidate slots: the slots both sides are available in (a fixed request: its slot). */
  readonly listStart: Int32Array;
  readonly listSlots: Int32Array;
  readonly slotOf: Int32Array;
  /** occupant[p * slotCount + s]: the request participant p meets in slot s, or -1. */
  readonly occupant: Int32Array;
  /** How many meetings participant p has in slot s (more than one only for clashing fixed meetings). */
  readonly occupancy: Uint8Array;
  /** Meetings placed in each slot, and their list (memberStart[s] … + used[s]); memberPos[r] is r's index. */
  readonly used: Int32Array;
  readonly memberStart: Int32Array;
  readonly members: Int32Array;
  readonly memberPos: Int32Array;
  /**
   * A fingerprint of each participant's meetings (XOR of a hash of each (request, slot) they hold), the same
   * again after a move is undone: the search skips a request whose two sides have not changed since it last
   * failed to place it.
   */
  readonly fingerprint: Int32Array;
  /** busy[p * words + (s >> 5)] bit s: participant p has a meeting in slot s; full: slot s has no free table. */
  readonly busy: Uint32Array;
  readonly full: Uint32Array;
  readonly words: number;
  /** Scratch for the free slots of one request. */
  readonly scratch: Int32Array;
  /** Meetings each participant has. */
  readonly meetingCount: Int32Array;
  /** Undo log: pairs (request, previous slot), so that a failed chain of moves is taken back. */
  log: Int32Array;
  logLength: number;
  scheduledCount: number;
  scheduledWeight: number;
}

export function isAvailable(instance: SchedulingInstance, participant: number, slot: number): boolean {
  const word = instance.availability[participant * instance.wordsPerParticipant + (slot >> 5)] ?? 0;
  return ((word >>> (slot & 31)) & 1) === 1;
}

/** The slots both sides of each request are available in, as one flat list (CSR). */
export function commonSlots(instance: SchedulingInstance): { listStart: Int32Array; listSlots: Int32Array } {
  const { requestA, requestB, fixedSlot, availability, wordsPerParticipant: words, slotCount } = instance;
  const requests = requestA.length;
  const listStart = new Int32Array(requests + 1);
  let total = 0;
  for (let r = 0; r < requests; r++) {
    listStart[r] = total;
    if (fixedSlot[r]! >= 0) {
      total += 1;
      continue;
    }
    const a = requestA[r]! * words;
    const b = requestB[r]! * words;
    for (let w = 0; w < words; w++) total += popcount((availability[a + w]! & availability[b + w]!) >>> 0);
  }
  listStart[requests] = total;
  const listSlots = new Int32Array(total);
  let at = 0;
  for (let r = 0; r < requests; r++) {
    if (fixedSlot[r]! >= 0) {
      listSlots[at++] = fixedSlot[r]!;
      continue;
    }
    const a = requestA[r]! * words;
    const b = requestB[r]! * words;
    for (let w = 0; w < words; w++) {
      let bits = (availability[a + w]! & availability[b + w]!) >>> 0;
      while (bits !== 0) {
        const low = bits & -bits;
        const s = (w << 5) + (31 - Math.clz32(low));
        if (s < slotCount) listSlots[at++] = s;
        bits = (bits ^ low) >>> 0;
      }
    }
  }
  // Bits beyond slotCount (a sloppy bitset) are dropped above; compact if any were.
  if (at !== total) return compact(listStart, listSlots, instance, requests);
  return { listStart, listSlots };
}

function compact(listStart: Int32Array, listSlots: Int32Array, instance: SchedulingInstance, requests: number) {
  const start = new Int32Array(requests + 1);
  const slots: number[] = [];
  for (let r = 0; r < requests; r++) {
    start[r] = slots.length;
    for (let i = listStart[r]!; i < listStart[r + 1]!; i++) {
      const s = listSlots[i]!;
      if (s < instance.slotCount && (i === listStart[r] || s > listSlots[i - 1]!)) slots.push(s);
    }
  }
  start[requests] = slots.length;
  return { listStart: start, listSlots: Int32Array.from(slots) };
}

export function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

export function createBoard(instance: SchedulingInstance): Board {
  const { slotCount, participantCount, fixedSlot, tablesPerSlot } = instance;
  const requests = instance.requestA.length;
  const { listStart, listSlots } = commonSlots(instance);
  const fixedAt = new Int32Array(slotCount);
  for (let r = 0; r < requests; r++) if (fixedSlot[r]! >= 0 && fixedSlot[r]! < slotCount) fixedAt[fixedSlot[r]!]!++;
  const memberStart = new Int32Array(slotCount + 1);
  for (let s = 0; s < slotCount; s++) memberStart[s + 1] = memberStart[s]! + Math.max(tablesPerSlot[s]!, fixedAt[s]!);
  return {
    instance,
    slotCount,
    listStart,
    listSlots,
    slotOf: new Int32Array(requests).fill(-1),
    occupant: new Int32Array(participantCount * slotCount).fill(-1),
    occupancy: new Uint8Array(participantCount * slotCount),
    used: new Int32Array(slotCount),
    memberStart,
    members: new Int32Array(memberStart[slotCount]!),
    memberPos: new Int32Array(requests).fill(-1),
    fingerprint: new Int32Array(participantCount),
    meetingCount: new Int32Array(participantCount),
    busy: new Uint32Array(participantCount * instance.wordsPerParticipant),
    full: fullMask(instance),
    words: instance.wordsPerParticipant,
    scratch: new Int32Array(slotCount),
    log: new Int32Array(1024),
    logLength: 0,
    scheduledCount: 0,
    scheduledWeight: 0,
  };
}

/** Would participant p's run of directly following meetings stay within the limit with a meeting in slot s? */
export function runFits(board: Board, p: number, s: number): boolean {
  const limit = board.instance.maxBackToBack;
  if (limit === null) return true;
  const follows = board.instance.followsDirectly;
  const S = board.slotCount;
  const base = p * S;
  const occupancy = board.occupancy;
  let run = 1;
  for (let t = s; t > 0 && follows[t] === 1 && occupancy[base + t - 1]! > 0; t--) if (++run > limit) return false;
  for (let t = s + 1; t < S && follows[t] === 1 && occupancy[base + t]! > 0; t++) if (++run > limit) return false;
  return true;
}

/** May request r go into slot s now (a free table, both sides free, the back-to-back limit kept)? */
export function fits(board: Board, r: number, s: number): boolean {
  if (board.used[s]! >= board.instance.tablesPerSlot[s]!) return false;
  const S = board.slotCount;
  const a = board.instance.requestA[r]!;
  const b = board.instance.requestB[r]!;
  if (board.occupancy[a * S + s]! > 0 || board.occupancy[b * S + s]! > 0) return false;
  return runFits(board, a, s) && runFits(board, b, s);
}

function put(board: Board, r: number, s: number): void {
  const S = board.slotCount;
  const a = board.instance.requestA[r]!;
  const b = board.instance.requestB[r]!;
  board.slotOf[r] = s;
  const print = Math.imul(r + 1, 0x9e3779b1) ^ Math.imul(s + 1, 0x85ebca6b);
  board.fingerprint[a]! ^= print;
  board.fingerprint[b]! ^= print;
  board.meetingCount[a]!++;
  board.meetingCount[b]!++;
  board.occupant[a * S + s] = r;
  board.occupant[b * S + s] = r;
  board.occupancy[a * S + s]!++;
  board.occupancy[b * S + s]!++;
  const bit = 1 << (s & 31);
  board.busy[a * board.words + (s >> 5)]! |= bit;
  board.busy[b * board.words + (s >> 5)]! |= bit;
  const pos = board.memberStart[s]! + board.used[s]!;
  board.members[pos] = r;
  board.memberPos[r] = pos;
  board.used[s]!++;
  if (board.used[s]! >= board.instance.tablesPerSlot[s]!) board.full[s >> 5]! |= bit;
  board.scheduledCount++;
  board.scheduledWeight += board.instance.weight[r]!;
}

function take(board: Board, r: number): void {
  const s = board.slotOf[r]!;
  const S = board.slotCount;
  const a = board.instance.requestA[r]!;
  const b = board.instance.requestB[r]!;
  board.slotOf[r] = -1;
  const print = Math.imul(r + 1, 0x9e3779b1) ^ Math.imul(s + 1, 0x85ebca6b);
  board.fingerprint[a]! ^= print;
  board.fingerprint[b]! ^= print;
  board.meetingCount[a]!--;
  board.meetingCount[b]!--;
  if (board.occupant[a * S + s] === r) board.occupant[a * S + s] = -1;
  if (board.occupant[b * S + s] === r) board.occupant[b * S + s] = -1;
  board.occupancy[a * S + s]!--;
  board.occupancy[b * S + s]!--;
  const bit = 1 << (s & 31);
  if (board.occupancy[a * S + s] === 0) board.busy[a * board.words + (s >> 5)]! &= ~bit;
  if (board.occupancy[b * S + s] === 0) board.busy[b * board.words + (s >> 5)]! &= ~bit;
  const last = board.memberStart[s]! + board.used[s]! - 1;
  const pos = board.memberPos[r]!;
  const moved = board.members[last]!;
  board.members[pos] = moved;
  board.memberPos[moved] = pos;
  board.memberPos[r] = -1;
  board.used[s]!--;
  if (board.used[s]! < board.instance.tablesPerSlot[s]!) board.full[s >> 5]! &= ~bit;
  board.scheduledCount--;
  board.scheduledWeight -= board.instance.weight[r]!;
}

/** Moves request r to slot s (-1: out of the schedule), remembering where it was so that it can be undone. */
export function moveTo(board: Board, r: number, s: number): void {
  const from = board.slotOf[r]!;
  if (from === s) return;
  if (board.logLength + 2 > board.log.length) {
    const grown = new Int32Array(board.log.length * 2);
    grown.set(board.log);
    board.log = grown;
  }
  board.log[board.logLength++] = r;
  board.log[board.logLength++] = from;
  if (from >= 0) take(board, r);
  if (s >= 0) put(board, r, s);
}

/** Takes back every move made since the log had `mark` entries. */
export function undoTo(board: Board, mark: number): void {
  while (board.logLength > mark) {
    const from = board.log[--board.logLength]!;
    const r = board.log[--board.logLength]!;
    if (board.slotOf[r]! >= 0) take(board, r);
    if (from >= 0) put(board, r, from);
  }
}

/** Places the fixed requests where they are, whatever they break (the organiser decided). */
export function placeFixed(board: Board): void {
  const { fixedSlot } = board.instance;
  for (let r = 0; r < fixedSlot.length; r++) {
    const s = fixedSlot[r]!;
    if (s >= 0 && s < board.slotCount) put(board, r, s);
  }
  board.logLength = 0;
}

/**
 * The most meetings each participant can have: the slots their requests could use, less one in every
 * maxBackToBack+1 directly following ones. One who has that many can only swap a meeting for another.
 * Fixed meetings that already break the limit leave the participant uncapped.
 */
export function participantCapacity(board: Board): Int32Array {
  const { participantCount: P, requestA, requestB, fixedSlot, followsDirectly, maxBackToBack } = board.instance;
  const S = board.slotCount;
  const usable = new Uint8Array(P * S);
  for (let r = 0; r < requestA.length; r++) {
    for (let k = board.listStart[r]!; k < board.listStart[r + 1]!; k++) {
      usable[requestA[r]! * S + board.listSlots[k]!] = 1;
      usable[requestB[r]! * S + board.listSlots[k]!] = 1;
    }
  }
  const fixedRun = new Int32Array(P);
  const tooLong = new Uint8Array(P);
  for (let r = 0; r < requestA.length; r++) if (fixedSlot[r]! >= 0) fixedRun[requestA[r]!] = fixedRun[requestB[r]!] = 1;
  const capacity = new Int32Array(P);
  for (let p = 0; p < P; p++) {
    let best = 0;
    let run = 0;
    let fixed = 0;
    for (let s = 0; s <= S; s++) {
      const inSet = s < S && usable[p * S + s] === 1;
      const joined = s < S && s > 0 && followsDirectly[s] === 1;
      if (!inSet || !joined) {
        best += maxBackToBack === null ? run : run - Math.floor(run / (maxBackToBack + 1));
        run = 0;
      }
      if (inSet) run++;
      const isFixed = s < S && fixedRun[p] === 1 && board.occupant[p * S + s]! >= 0 && fixedSlot[board.occupant[p * S + s]!]! >= 0;
      fixed = isFixed && joined ? fixed + 1 : isFixed ? 1 : 0;
      if (maxBackToBack !== null && fixed > maxBackToBack) tooLong[p] = 1;
    }
    capacity[p] = tooLong[p] ? S : best;
  }
  return capacity;
}

function fullMask(instance: SchedulingInstance): Uint32Array {
  const mask = new Uint32Array(instance.wordsPerParticipant);
  for (let s = 0; s < instance.slotCount; s++) if (instance.tablesPerSlot[s]! <= 0) mask[s >> 5]! |= 1 << (s & 31);
  return mask;
}

/**
 * A free slot for request r (not fixed) chosen at random among those it fits now, or -1: the candidates come
 * from the bitsets (both available, neither busy, a table free) and only they are checked for runs.
 */
export function freeSlot(board: Board, r: number, random: () => number): number {
  const { availability } = board.instance;
  const words = board.words;
  const a = board.instance.requestA[r]!;
  const b = board.instance.requestB[r]!;
  const scratch = board.scratch;
  let n = 0;
  for (let w = 0; w < words; w++) {
    let bits =
      (availability[a * words + w]! &
        availability[b * words + w]! &
        ~board.busy[a * words + w]! &
        ~board.busy[b * words + w]! &
        ~board.full[w]!) >>>
      0;
    while (bits !== 0) {
      const low = bits & -bits;
      const s = (w << 5) + (31 - Math.clz32(low));
      bits = (bits ^ low) >>> 0;
      if (s < board.slotCount && runFits(board, a, s) && runFits(board, b, s)) scratch[n++] = s;
    }
  }
  return n === 0 ? -1 : scratch[Math.floor(random() * n)]!;
}
