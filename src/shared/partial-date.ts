/**
 * Dates known to a year, a month or a day: "2004", "2004-06", "2004-06-15" (ISO 8601 reduced precision).
 * A press release often gives only the year an agreement was signed; storing 2004-01-01 would put it on
 * 1 January in every list and filter. So a partial date keeps its precision, and is sorted and filtered by
 * the period it covers: its first day and its last day.
 */
export const PARTIAL_DATE_PRECISIONS = ['year', 'month', 'day'] as const;
export type PartialDatePrecision = (typeof PARTIAL_DATE_PRECISIONS)[number];

/** The shape schemas check; partialDateProblem() checks that the day exists. */
export const PARTIAL_DATE_PATTERN = '^\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?$';

export interface PartialDate {
  value: string;
  precision: PartialDatePrecision;
  /** The first day the date covers, YYYY-MM-DD. */
  first: string;
  /** The last day it covers, YYYY-MM-DD. */
  last: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why the text is not a partial date ('shape' or 'no_such_day'), or null when it is one. */
export function partialDateProblem(value: string): 'shape' | 'no_such_day' | null {
  if (!new RegExp(PARTIAL_DATE_PATTERN).test(value)) return 'shape';
  const [y, m, d] = value.split('-').map(Number);
  if (y! < 1000) return 'shape';
  if (d !== undefined && d > daysInMonth(y!, m!)) return 'no_such_day';
  return null;
}

/** The partial date, or null when the text is not one (2023-02-30, 2023-13, 23). */
export function parsePartialDate(value: string): PartialDate | null {
  if (partialDateProblem(value) !== null) return null;
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (m === undefined) return { value, precision: 'year', first: `${pad(y, 4)}-01-01`, last: `${pad(y, 4)}-12-31` };
  const month = `${pad(y, 4)}-${pad(m)}`;
  if (d === undefined) return { value, precision: 'month', first: `${month}-01`, last: `${month}-${pad(daysInMonth(y, m))}` };
  return { value, precision: 'day', first: value, last: value };
}

/** Like parsePartialDate, for values already validated. */
export function partialDate(value: string): PartialDate {
  const parsed = parsePartialDate(value);
  if (!parsed) throw new Error(`Not a partial date: ${value}`);
  return parsed;
}

/**
 * Order of partial dates: by first day, then the coarser first (a record of "2004" comes before those of
 * 2004-01-01, as a year's heading comes before its days), then by text.
 */
export function comparePartialDates(a: string, b: string): number {
  const pa = partialDate(a);
  const pb = partialDate(b);
  if (pa.first !== pb.first) return pa.first < pb.first ? -1 : 1;
  const rank = (p: PartialDate) => PARTIAL_DATE_PRECISIONS.indexOf(p.precision);
  return rank(pa) - rank(pb);
}

/** Whether a period that starts at `start` may end at `end`: the end's last day is not before the start's first. */
export function endsBeforeStart(start: string, end: string): boolean {
  return partialDate(end).last < partialDate(start).first;
}

/** Whether the partial date's period meets [from, to] (either bound optional, each YYYY-MM-DD or partial). */
export function overlapsPeriod(value: string, from?: string, to?: string): boolean {
  const p = partialDate(value);
  if (from && p.last < partialDate(from).first) return false;
  if (to && p.first > partialDate(to).last) return false;
  return true;
}

/**
 * The date as its readers write it, at its own precision: "2004", "juin 2004", "15 июня 2004 г.".
 * Formatted in UTC so that no time zone moves a day.
 */
export function formatPartialDate(value: string, locale: string): string {
  const p = partialDate(value);
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  const date = new Date(Date.UTC(y, (m ?? 1) - 1, d ?? 1));
  if (p.precision === 'year') return new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' }).format(date);
  if (p.precision === 'month')
    return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(date);
}
