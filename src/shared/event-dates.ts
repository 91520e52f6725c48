import { formatPartialDate, partialDateProblem } from './partial-date.js';

/**
 * What a source tells of an event's date when it gives no instants: a partial date of the registry
 * ("2004", "2004-04", "2004-04-18"), or a day and month without a year ("--04-18", ISO 8601's date without
 * year): the founding round table is dated "18 April" and no year is invented for it.
 */
export const KNOWN_DATE_PATTERN = '^(\\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?)?|--(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01]))$';

const DAY_MONTH = /^--(\d{2})-(\d{2})$/;

/** The most days a month has in any year (February: 29, a leap year's). */
const MAX_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why the text is not a known date ('shape' or 'no_such_day': --02-30, 2023-02-29), or null when it is one. */
export function knownDateProblem(value: string): 'shape' | 'no_such_day' | null {
  const dayMonth = DAY_MONTH.exec(value);
  if (!dayMonth) return partialDateProblem(value);
  const month = Number(dayMonth[1]);
  const day = Number(dayMonth[2]);
  if (month < 1 || month > 12 || day < 1) return 'shape';
  return day > MAX_DAYS[month - 1]! ? 'no_such_day' : null;
}

/** Whether the known date is a day and month without a year. */
export const isDayMonth = (value: string) => DAY_MONTH.test(value);

/** The known date as its readers write it: "18 April", "18 avril", "18 апреля"; a partial date as the registry writes it. */
export function formatKnownDate(value: string, locale: string): string {
  const dayMonth = DAY_MONTH.exec(value);
  if (!dayMonth) return formatPartialDate(value, locale);
  // 2000 is a leap year, so 29 February is formatted too; the year is not shown
  const date = new Date(Date.UTC(2000, Number(dayMonth[1]) - 1, Number(dayMonth[2])));
  return new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(date);
}

/**
 * The IANA time zone as Intl spells it (Europe/Moscow; "europe/moscow" is read the same), or null when Intl
 * knows no such zone. Offsets ("+03:00") and abbreviations ("MSK") are not zones: an event keeps the rules of
 * its place, summer time included.
 */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-]*(\/[A-Za-z0-9_+\-]+)*$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The zone's offset from UTC at an instant, as "+03:00". */
export function timeZoneOffset(timeZone: string, at: Date = new Date()): string {
  const part = new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = part?.replace(/^GMT/, '') ?? '';
  return offset === '' ? '+00:00' : offset;
}
