import type { SlotColumn, SlotFilter } from './directory-filter.js';
import { postingsLength, type Postings, type SlotMap } from './postings.js';

/**
 * A listing's total is counted exactly until this many organisations have passed; beyond, it is estimated
 * from the share of the candidates walked, and said to be an estimate. 10,000 passing make the estimate's
 * sampling error about 1 % (a reader is told "about 12,000", not a number to rely on), and counting them
 * costs at most a few tens of thousands of lookups whatever the platform holds.
 */
export const EXACT_COUNT = 10_000;

/** Candidates are walked in this many rounds, each a next share of every posting, so that a stop leaves a fair sample of each. */
const ROUNDS = 64;

export interface Count {
  total: number;
  /** True when the total is an estimate (more than EXACT_COUNT passed before the candidates were all walked). */
  estimated: boolean;
}

/**
 * Visits each live candidate of a filter once (the slots of its shortest group; every slot without a
 * filter), in rounds; after a round, stops when `enough` says so. Returns the share of the candidates'
 * entries walked (1: all).
 */
export function walkCandidates(
  filter: SlotFilter,
  size: number,
  live: Uint8Array,
  seen: SlotMap,
  visit: (slot: number) => void,
  enough: () => boolean = () => false,
): number {
  const lists: (Postings | null)[] = filter.shortest ?? [null];
  const entries = filter.shortest ? postingsLength(filter.shortest) : size;
  const { overlapping } = filter;
  if (overlapping) seen.reset(size);
  let walked = 0;
  for (let round = 1; round <= ROUNDS; round++) {
    for (const list of lists) {
      const length = list ? list.length : size;
      const from = Math.floor(((round - 1) * length) / ROUNDS);
      const to = Math.floor((round * length) / ROUNDS);
      for (let i = from; i < to; i++) {
        const slot = list ? list.slots[i]! : i;
        if (!live[slot]) continue;
        if (overlapping) {
          if (seen.has(slot)) continue;
          seen.set(slot, 1);
        }
        visit(slot);
      }
      walked += to - from;
    }
    if (round < ROUNDS && walked < entries && enough()) return walked / entries;
  }
  return 1;
}

/** How many live slots pass the filter: exact up to EXACT_COUNT, else estimated from the share walked. */
export function countPassing(filter: SlotFilter, size: number, live: Uint8Array, seen: SlotMap): Count {
  let counted = 0;
  const { passes } = filter;
  const share = walkCandidates(
    filter,
    size,
    live,
    seen,
    (slot) => {
      if (passes(slot)) counted++;
    },
    () => counted >= EXACT_COUNT,
  );
  return share === 1 ? { total: counted, estimated: false } : { total: roughly(counted / share), estimated: true };
}

/** An estimate to two significant digits (12,345 → 12,000): no more is known. */
export function roughly(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

/** Per value of a single-valued feature (kind, sector, region), how many of the slots visited have it. */
export function columnCounts(column: SlotColumn, each: (visit: (slot: number) => void) => void): Record<string, number> {
  const counts = new Int32Array(column.keys.length);
  const { values } = column;
  each((slot) => {
    counts[values[slot]!]!++;
  });
  const result: Record<string, number> = {};
  for (let n = 1; n < counts.length; n++) if (counts[n]! > 0) result[column.keys[n]!.slice(column.prefix.length)] = counts[n]!;
  return result;
}

/** The slots counted along postings are listed up to this many, to be counted by binary searches in them instead when few. */
const LISTED = 4096;

/**
 * Per posting (the areas'), how many of the slots visited it holds: by a binary search of each in each
 * posting when they are few, else along the postings, marked in `marked`.
 */
export function postingCounts(
  lists: [string, Postings][],
  marked: SlotMap,
  size: number,
  each: (visit: (slot: number) => void) => void,
): Record<string, number> {
  marked.reset(size);
  let slots: number[] | null = [];
  each((slot) => {
    marked.set(slot, 1);
    if (slots && slots.push(slot) > LISTED) slots = null;
  });
  const listed: number[] | null = slots;
  const result: Record<string, number> = {};
  const entries = postingsLength(lists.map(([, list]) => list));
  const bySearch = listed !== null && listed.length * lists.length * 20 < entries;
  for (const [key, list] of lists) {
    let count = 0;
    if (bySearch) {
      for (const slot of listed) if (list.has(slot)) count++;
    } else for (let i = 0; i < list.length; i++) if (marked.has(list.slots[i]!)) count++;
    if (count > 0) result[key] = count;
  }
  return result;
}
