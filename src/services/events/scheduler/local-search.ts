/**
 * The local search after the constructive pass: ejection chains. An unscheduled request takes a slot by
 * pushing out the one or two meetings in its way (a side's meeting then, a meeting at a full slot's table,
 * or a neighbour that makes a run too long); each pushed-out meeting looks for another slot the same way,
 * a few levels deep (an alternating path, as Kempe-chain swaps in edge colouring). A chain is kept when the
 * schedule's weight grows (or, to leave a local optimum, stays equal with one meeting swapped for another),
 * and is undone otherwise, so the schedule never gets worse.
 */
import { type Board, fits, freeSlot, moveTo, runFits, undoTo } from './board.js';

export interface Search {
  board: Board;
  random: () => number;
  /** stamp[r] === chain: r already moved in the current chain, not to be pushed out again. */
  stamp: Int32Array;
  chain: number;
  /** Slot trials left for the current chain (keeps one chain from exploding). */
  budget: number;
  stack: Int32Array;
  top: number;
}

export function createSearch(board: Board, random: () => number): Search {
  return {
    board,
    random,
    stamp: new Int32Array(board.slotOf.length).fill(-1),
    chain: 0,
    budget: 0,
    stack: new Int32Array(4096),
    top: 0,
  };
}

function movable(search: Search, m: number): boolean {
  return m >= 0 && search.board.instance.fixedSlot[m]! < 0 && search.stamp[m] !== search.chain;
}

function push(search: Search, m: number): void {
  if (search.top >= search.stack.length) {
    const grown = new Int32Array(search.stack.length * 2);
    grown.set(search.stack);
    search.stack = grown;
  }
  search.stack[search.top++] = m;
}

/**
 * Clears slot s for request r by taking out the meetings in its way (at most two); pushes them on the
 * stack and answers how many, or -1 (nothing changed) when it cannot.
 */
function eject(search: Search, r: number, s: number): number {
  const { board } = search;
  const { requestA, requestB, tablesPerSlot, maxBackToBack } = board.instance;
  const S = board.slotCount;
  const base = search.top;
  const mark = board.logLength;
  const a = requestA[r]!;
  const b = requestB[r]!;
  for (let side = 0; side < 2; side++) {
    const p = side === 0 ? a : b;
    if (board.occupancy[p * S + s]! === 0) continue;
    const m = board.occupant[p * S + s]!;
    if (board.occupancy[p * S + s]! > 1 || !movable(search, m)) return fail(search, mark, base);
    moveTo(board, m, -1);
    push(search, m);
  }
  if (fits(board, r, s)) return search.top - base;
  if (search.top - base >= 2) return fail(search, mark, base);
  if (board.used[s]! >= tablesPerSlot[s]!) {
    // A full slot: try a few of its meetings, one of which may move elsewhere.
    const used = board.used[s]!;
    for (let tries = 0; tries < 3 && used > 0; tries++) {
      const m = board.members[board.memberStart[s]! + Math.floor(search.random() * used)]!;
      if (!movable(search, m)) continue;
      const one = board.logLength;
      moveTo(board, m, -1);
      if (fits(board, r, s)) {
        push(search, m);
        return search.top - base;
      }
      undoTo(board, one);
    }
    return fail(search, mark, base);
  }
  if (maxBackToBack !== null) {
    for (let side = 0; side < 2; side++) {
      const p = side === 0 ? a : b;
      if (runFits(board, p, s)) continue;
      for (let t = Math.max(0, s - maxBackToBack); t <= Math.min(S - 1, s + maxBackToBack); t++) {
        if (t === s) continue;
        const m = board.occupant[p * S + t]!;
        if (!movable(search, m)) continue;
        const one = board.logLength;
        moveTo(board, m, -1);
        if (fits(board, r, s)) {
          push(search, m);
          return search.top - base;
        }
        undoTo(board, one);
      }
    }
  }
  return fail(search, mark, base);
}

function fail(search: Search, mark: number, base: number): number {
  undoTo(search.board, mark);
  search.top = base;
  return -1;
}

/** Places r (unscheduled) in a free candidate slot, or by a chain of at most `depth` pushes; all or nothing. */
export function tryPlace(search: Search, r: number, depth: number): boolean {
  const { board } = search;
  search.stamp[r] = search.chain;
  const start = board.listStart[r]!;
  const length = board.listStart[r + 1]! - start;
  if (length === 0) return false;
  const free = freeSlot(board, r, search.random);
  if (free >= 0) {
    moveTo(board, r, free);
    return true;
  }
  if (depth === 0) return false;
  const offset = Math.floor(search.random() * length);
  for (let i = 0; i < length; i++) {
    if (--search.budget < 0) return false;
    const s = board.listSlots[start + ((i + offset) % length)]!;
    const base = search.top;
    const mark = board.logLength;
    const n = eject(search, r, s);
    if (n < 0) continue;
    moveTo(board, r, s);
    let ok = true;
    for (let j = 0; j < n && ok; j++) ok = tryPlace(search, search.stack[base + j]!, depth - 1);
    search.top = base;
    if (ok) return true;
    undoTo(board, mark);
  }
  return false;
}

/**
 * Puts r (unscheduled) into the schedule, pushing out what is in its way and re-placing it when it can.
 * Answers 1 when the weight grew, 0 when an equal swap was kept (`plateau`) or a loss of at most
 * `tolerance` was accepted (a kick out of a local optimum; the caller keeps the best schedule), -1 when
 * nothing changed.
 */
export function displace(search: Search, r: number, depth: number, plateau: boolean, tolerance = 0): number {
  const { board } = search;
  const weight = board.instance.weight;
  search.chain++;
  search.stamp[r] = search.chain;
  const start = board.listStart[r]!;
  const length = board.listStart[r + 1]! - start;
  if (length === 0) return -1;
  const free = freeSlot(board, r, search.random);
  if (free >= 0) {
    moveTo(board, r, free);
    board.logLength = 0;
    return 1;
  }
  const offset = Math.floor(search.random() * length);
  for (let i = 0; i < length; i++) {
    if (--search.budget < 0) break;
    const s = board.listSlots[start + ((i + offset) % length)]!;
    const base = search.top;
    const mark = board.logLength;
    const n = eject(search, r, s);
    if (n < 0) continue;
    moveTo(board, r, s);
    let lostWeight = 0;
    let lost = 0;
    for (let j = 0; j < n; j++) {
      const e = search.stack[base + j]!;
      if (!tryPlace(search, e, depth - 1)) {
        lostWeight += weight[e]!;
        lost++;
      }
    }
    search.top = base;
    const gain = weight[r]! - lostWeight;
    if (gain > 0 || (plateau && gain === 0 && lost === 1) || (tolerance > 0 && gain >= -tolerance)) {
      board.logLength = 0;
      return gain > 0 ? 1 : 0;
    }
    undoTo(board, mark);
  }
  board.logLength = 0;
  return -1;
}
