/** Each participant's meeting cap, for the search to skip what cannot gain. */
import type { Board } from './board.js';

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
