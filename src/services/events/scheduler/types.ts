/**
 * The meeting scheduler's problem and answer, free of the database: the meetings service builds an
 * instance from an event's grid, registrations and accepted requests, the scheduler (a worker thread)
 * answers, and the service writes the meetings. docs/scheduling.md gives the objective and the algorithm.
 *
 * Indices, not ids, so that an instance of 50,000 requests travels to a worker as typed arrays.
 */

export interface SchedulingInstance {
  /** Slots in time order, 0…slotCount-1. */
  slotCount: number;
  /** Tables (or rooms) of each slot. */
  tablesPerSlot: Int32Array;
  /**
   * followsDirectly[s] is 1 when slot s starts when slot s-1 ends (a back-to-back pair), else 0; [0] is 0.
   * The limit on back-to-back meetings counts runs of consecutive slots joined this way.
   */
  followsDirectly: Uint8Array;
  /** At most this many meetings back to back for anyone, then a free slot (null: no limit). */
  maxBackToBack: number | null;
  participantCount: number;
  /**
   * Each participant's available slots as a bitset: participant p, slot s is available when bit
   * (s % 32) of availability[p * wordsPerParticipant + (s >> 5)] is set. Blocked times are cleared bits.
   */
  availability: Uint32Array;
  wordsPerParticipant: number;
  /** Accepted requests: the two participants of request r are requestA[r] and requestB[r]. */
  requestA: Int32Array;
  requestB: Int32Array;
  /** Each request's weight, 1–3 (shared/events.ts meetingWeight). */
  weight: Int32Array;
  /**
   * Meetings that must stay where they are: a pinned meeting, or a confirmed meeting when requests accepted
   * after the final schedule are placed. fixedSlot[r] is the slot of request r, or -1 when it may be placed
   * anywhere (or left out). A fixed meeting keeps its slot even when it breaks a participant's availability
   * (the organiser decided); it still uses a table and counts toward the back-to-back limit.
   */
  fixedSlot: Int32Array;
}

export interface ScheduleOptions {
  /** Stop improving after this long (the local search's budget). */
  timeLimitMs: number;
  /** A seed for any randomness, so that a run can be repeated. */
  seed?: number;
  /**
   * Stop after this many improvement attempts, whatever the machine's speed: with a seed, a run that ends
   * here (not at the time limit) gives the same schedule every time.
   */
  maxSteps?: number;
}

/** What the scheduler reports on every run: what it placed and the bound on what can be. */
export interface ScheduleResult {
  /** slotOf[r]: the slot request r is placed in, or -1 when it is not scheduled. Fixed requests keep theirs. */
  slotOf: Int32Array;
  scheduledCount: number;
  scheduledWeight: number;
  /** At most this many requests, and this much weight, can be scheduled (docs/scheduling.md). */
  upperBoundCount: number;
  upperBoundWeight: number;
  /** A short name of what ran ("colouring+local-search"), shown beside the figures. */
  algorithm: string;
  durationMs: number;
}
