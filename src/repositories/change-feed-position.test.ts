import { describe, expect, it } from 'vitest';
import { advance, belowFloor, isFeedPosition, MAX_HOLES, startAt, UNREAD } from './change-feed-position.js';

describe('advance', () => {
  it('moves to the highest value read, the unseen values below it held as holes until the xmax of the read', () => {
    const next = advance({ seq: 9, holes: [] }, { seqs: [10, 12, 15], xmin: 100, xmax: 105, full: false });
    expect(next).toEqual({
      seq: 15,
      holes: [
        { from: 11, to: 11, until: 105 },
        { from: 13, to: 14, until: 105 },
      ],
    });
  });

  it('keeps a hole while a transaction that could fill it runs, fills it with what commits, drops it once they all ended', () => {
    const first = advance({ seq: 0, holes: [] }, { seqs: [1, 4], xmin: 50, xmax: 60, full: false });
    // 3 committed; 2 still held by a transaction older than 60
    const second = advance(first, { seqs: [3], xmin: 55, xmax: 70, full: false });
    expect(second).toEqual({ seq: 4, holes: [{ from: 2, to: 2, until: 60 }] });
    // every transaction below 60 has ended: 2 was rolled back (this read would have seen it)
    expect(advance(second, { seqs: [], xmin: 60, xmax: 70, full: false })).toEqual({ seq: 4, holes: [] });
  });

  it('makes no hole when no transaction was running (xmin = xmax): the gaps were rolled back', () => {
    expect(advance({ seq: 0, holes: [] }, { seqs: [2, 5], xmin: 80, xmax: 80, full: false })).toEqual({ seq: 5, holes: [] });
  });

  it('after a full page, drops nothing above its last value: that part was not looked at', () => {
    const position = { seq: 20, holes: [{ from: 3, to: 8, until: 40 }] };
    // the page (limit 2) read 4 and 6 from the hole and stopped there, in a snapshot where the hole's transactions had ended
    const next = advance(position, { seqs: [4, 6], xmin: 41, xmax: 45, full: true });
    expect(next).toEqual({ seq: 20, holes: [{ from: 7, to: 8, until: 40 }] });
  });

  it('stays where it was when nothing was written', () => {
    const position = { seq: 7, holes: [{ from: 5, to: 5, until: 30 }] };
    expect(advance(position, { seqs: [], xmin: 20, xmax: 31, full: false })).toEqual(position);
  });

  it('merges the closest holes past MAX_HOLES, keeping every unseen value inside one', () => {
    const seqs = Array.from({ length: MAX_HOLES + 10 }, (_, i) => 2 * (i + 1));
    const next = advance({ seq: 0, holes: [] }, { seqs, xmin: 1, xmax: 9, full: false });
    expect(next.holes).toHaveLength(MAX_HOLES);
    for (let odd = 1; odd < seqs.at(-1)!; odd += 2) expect(next.holes.some((h) => h.from <= odd && odd <= h.to)).toBe(true);
  });
});

describe('startAt', () => {
  it('holds the gaps below the start as holes while transactions run, none when none does', () => {
    expect(startAt(10, [{ from: 4, to: 5 }], { xmin: 7, xmax: 9 })).toEqual({ seq: 10, holes: [{ from: 4, to: 5, until: 9 }] });
    expect(startAt(10, [{ from: 4, to: 5 }], { xmin: 9, xmax: 9 })).toEqual({ seq: 10, holes: [] });
  });
});

describe('belowFloor', () => {
  it('is below when the position or one of its holes is at or under the cleanup floor', () => {
    expect(belowFloor({ seq: 10, holes: [] }, 10)).toBe(false);
    expect(belowFloor({ seq: 9, holes: [] }, 10)).toBe(true);
    expect(belowFloor({ seq: 30, holes: [{ from: 8, to: 12, until: 5 }] }, 10)).toBe(true);
    expect(belowFloor(UNREAD, 0)).toBe(true);
  });
});

describe('isFeedPosition', () => {
  it('tells a feed position from an older format', () => {
    expect(isFeedPosition({ seq: 3, holes: [{ from: 1, to: 2, until: 9 }] })).toBe(true);
    expect(isFeedPosition({ horizon: 42 })).toBe(false);
    expect(isFeedPosition({ seq: 3, holes: [{ from: 2, to: 1, until: 9 }] })).toBe(false);
  });
});
