import type { TimelineEntry } from '../../../../shared/schemas/timeline';

export interface MonthGroup {
  /** 2004-06 */
  key: string;
  /** Entries known to this month only: shown under its heading without a day. */
  whole: TimelineEntry[];
  days: TimelineEntry[];
}

export interface YearGroup {
  year: string;
  /** Entries known to this year only: shown under its heading, never on 1 January. */
  whole: TimelineEntry[];
  months: MonthGroup[];
}

/**
 * The entries under their year's heading, and those known to a month or a day under their month's, in the
 * order the timeline gave them (which puts a year's or a month's own entries at the head of it).
 */
export function groupByPeriod(entries: TimelineEntry[]): YearGroup[] {
  const years = new Map<string, YearGroup>();
  const months = new Map<string, MonthGroup>();
  for (const entry of entries) {
    const { value, precision } = entry.date;
    const yearKey = value.slice(0, 4);
    let year = years.get(yearKey);
    if (!year) years.set(yearKey, (year = { year: yearKey, whole: [], months: [] }));
    if (precision === 'year') {
      year.whole.push(entry);
      continue;
    }
    const monthKey = value.slice(0, 7);
    let month = months.get(monthKey);
    if (!month) {
      months.set(monthKey, (month = { key: monthKey, whole: [], days: [] }));
      year.months.push(month);
    }
    (precision === 'month' ? month.whole : month.days).push(entry);
  }
  return [...years.values()];
}
