/**
 * A reader's position in the change feed, and how a read moves it: pure, so that its rules are tested
 * without a database. Sequence values are taken when a row is written but become visible when its
 * transaction commits, so a reader that saw 10 and 12 may see 11 later: the values it has not seen below
 * where it read to are its holes, each with the xmax of the snapshot that found it (every transaction that
 * could fill it has an xid below that). A hole goes once a read's snapshot has an xmin at or past its
 * `until` (every such transaction had ended, and that read saw whatever they wrote).
 */

/** Values from..to (inclusive) not seen yet, which transactions with an xid below `until` may still fill. */
export interface FeedHole {
  from: number;
  to: number;
  until: number;
}

/** How far a reader has read one entity's feed: every value up to `seq` except its holes. */
export interface FeedPosition {
  seq: number;
  holes: FeedHole[];
}

/** The position of a reader that has read nothing: below every floor, so a resume from it loads. */
export const UNREAD: FeedPosition = { seq: -1, holes: [] };

/** One read of the feed: what it saw, in the snapshot it saw it in. */
export interface FeedPage {
  /** The values read, ascending (those after the position and those in its holes). */
  seqs: number[];
  xmin: number;
  xmax: number;
  /** Whether the page was full: then only the values up to its last were looked at. */
  full: boolean;
}

/**
 * Past this many holes, the two closest merge (a hole's values that were read are read again while it
 * lasts): the holes are index probes in every read, and a long transaction interleaving its writes with
 * others' could otherwise leave one per interleaving.
 */
export const MAX_HOLES = 256;

/** The position after a read from `position` that saw `page`. */
export function advance(position: FeedPosition, page: FeedPage): FeedPosition {
  const { seqs } = page;
  const last = seqs.at(-1);
  const seq = Math.max(position.seq, last ?? position.seq);
  // values above `through` were not looked at (a full page stops at its last value)
  const through = page.full && last !== undefined ? last : Infinity;
  const unseen: FeedHole[] = [];
  const candidates = [...position.holes];
  if (seq > position.seq) candidates.push({ from: position.seq + 1, to: seq, until: page.xmax });
  for (const hole of candidates) {
    for (const piece of without(hole, seqs)) {
      if (piece.from > through) unseen.push(piece);
      else if (piece.to > through) {
        keepUnlessEnded({ ...piece, to: through }, page.xmin, unseen);
        unseen.push({ ...piece, from: through + 1 });
      } else keepUnlessEnded(piece, page.xmin, unseen);
    }
  }
  unseen.sort((a, b) => a.from - b.from);
  return { seq, holes: capped(unseen) };
}

/** The position a load starts from: `seq` (the highest value visible) and the gaps below it as holes. */
export function startAt(seq: number, gaps: { from: number; to: number }[], snapshot: { xmin: number; xmax: number }): FeedPosition {
  const holes: FeedHole[] = [];
  for (const gap of gaps) keepUnlessEnded({ ...gap, until: snapshot.xmax }, snapshot.xmin, holes);
  return { seq, holes: capped(holes.sort((a, b) => a.from - b.from)) };
}

/** Whether a reader at `position` may have missed rows the cleanup removed (at or below `floor`). */
export function belowFloor(position: FeedPosition, floor: number): boolean {
  return position.seq < floor || position.holes.some((hole) => hole.from <= floor);
}

/** Whether a JSON value is a feed position (a snapshot's may be of an older format). */
export function isFeedPosition(value: unknown): value is FeedPosition {
  const p = value as FeedPosition | null;
  return (
    typeof p === 'object' &&
    p !== null &&
    Number.isSafeInteger(p.seq) &&
    Array.isArray(p.holes) &&
    p.holes.every((h) => Number.isSafeInteger(h?.from) && Number.isSafeInteger(h?.to) && Number.isSafeInteger(h?.until) && h.from <= h.to)
  );
}

function keepUnlessEnded(hole: FeedHole, xmin: number, into: FeedHole[]): void {
  if (xmin < hole.until) into.push(hole);
}

/** The parts of a hole that none of the (ascending) values fall in. */
function without(hole: FeedHole, seqs: number[]): FeedHole[] {
  const pieces: FeedHole[] = [];
  let from = hole.from;
  for (let i = firstAtOrAbove(seqs, hole.from); i < seqs.length && seqs[i]! <= hole.to; i++) {
    if (seqs[i]! > from) pieces.push({ from, to: seqs[i]! - 1, until: hole.until });
    from = seqs[i]! + 1;
  }
  if (from <= hole.to) pieces.push({ from, to: hole.to, until: hole.until });
  return pieces;
}

function firstAtOrAbove(seqs: number[], value: number): number {
  let low = 0;
  let high = seqs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (seqs[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Holes (in order) merged two closest at a time until at most MAX_HOLES are left. */
function capped(holes: FeedHole[]): FeedHole[] {
  while (holes.length > MAX_HOLES) {
    let closest = 0;
    for (let i = 1; i < holes.length - 1; i++)
      if (holes[i + 1]!.from - holes[i]!.to < holes[closest + 1]!.from - holes[closest]!.to) closest = i;
    const [a, b] = [holes[closest]!, holes[closest + 1]!];
    holes.splice(closest, 2, { from: a.from, to: b.to, until: Math.max(a.until, b.until) });
  }
  return holes;
}
