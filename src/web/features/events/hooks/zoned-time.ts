/**
 * Times of an event in its own time zone, by the IANA database the browser carries (Intl): no library. An
 * organiser types the local date and time at the venue; the API keeps instants; readers elsewhere see both.
 */

const partsFormat = new Map<string, Intl.DateTimeFormat>();
function zoneFormat(zone: string): Intl.DateTimeFormat {
  let format = partsFormat.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    partsFormat.set(zone, format);
  }
  return format;
}

/** Whether the browser knows the zone (an IANA name). */
export function isTimeZone(zone: string): boolean {
  try {
    zoneFormat(zone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of a zone at an instant, as UTC milliseconds of the same reading. */
function wallClock(ms: number, zone: string): number {
  const parts = Object.fromEntries(
    zoneFormat(zone)
      .formatToParts(new Date(ms))
      .map((p) => [p.type, p.value]),
  );
  return Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
}

/** The zone's offset from UTC at an instant, in minutes (Moscow: 180). */
export function zoneOffsetMinutes(ms: number, zone: string): number {
  return Math.round((wallClock(ms, zone) - Math.floor(ms / 1000) * 1000) / 60_000);
}

const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant (ISO 8601 in UTC) of a local date and time ("2026-04-18T18:00") in a zone; null when it is not
 * one. The offset is read at the guess and again at the result: a time just after a change of offset (summer
 * time) takes the offset then in force. A time skipped by the change comes out an hour later, as clocks do.
 */
export function localToInstant(local: string, zone: string): string | null {
  const m = LOCAL.exec(local);
  if (!m || !isTimeZone(zone)) return null;
  const asUtc = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!);
  if (Number.isNaN(asUtc)) return null;
  const first = asUtc - zoneOffsetMinutes(asUtc, zone) * 60_000;
  const second = asUtc - zoneOffsetMinutes(first, zone) * 60_000;
  return new Date(second).toISOString();
}

/** An instant as the local date and time in a zone ("2026-04-18T18:00"), as a datetime-local input holds it. */
export function instantToLocal(iso: string | null | undefined, zone: string): string {
  if (!iso || !isTimeZone(zone)) return '';
  const wall = new Date(wallClock(Date.parse(iso), zone));
  return wall.toISOString().slice(0, 16);
}

/** The zone a reader's browser is in. */
export const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** Whether two zones read the same clock at an instant (Paris and Brussels do: one time is enough). */
export const sameClock = (ms: number, a: string, b: string) => a === b || zoneOffsetMinutes(ms, a) === zoneOffsetMinutes(ms, b);

/** The zone's name in a language ("heure normale de Moscou", "Moscow Standard Time"). */
export function zoneName(ms: number, zone: string, lang: string): string {
  const part = new Intl.DateTimeFormat(lang, { timeZone: zone, timeZoneName: 'longGeneric' })
    .formatToParts(new Date(ms))
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? zone;
}

/** A date and time in a zone, in the reader's language. */
export const formatDateTime = (iso: string, zone: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { timeZone: zone, dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));

/** A time of day in a zone. */
export const formatTime = (iso: string, zone: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { timeZone: zone, timeStyle: 'short' }).format(new Date(iso));

/** A whole day in a zone ("samedi 18 avril 2026"), a programme's heading. */
export const formatDay = (iso: string, zone: string, lang: string) =>
  new Intl.DateTimeFormat(lang, { timeZone: zone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));

/** The day an instant falls on in a zone (YYYY-MM-DD): the programme groups its sessions by it. */
export const dayKey = (iso: string, zone: string) => instantToLocal(iso, zone).slice(0, 10);

/**
 * A date known to a year, a month or a day ("2026", "2026-04", "2026-04-18", or "--04-18" with no year: the
 * founding round table's source gives none, so none is shown), in the reader's language.
 */
export function formatKnownDate(known: string, lang: string): string {
  const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));
  let m = /^--(\d{2})-(\d{2})$/.exec(known);
  // a leap year holds every day, 29 February too; the year itself is never shown
  if (m) return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', day: 'numeric', month: 'long' }).format(utc(2000, +m[1]!, +m[2]!));
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(known);
  if (m) return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', dateStyle: 'long' }).format(utc(+m[1]!, +m[2]!, +m[3]!));
  m = /^(\d{4})-(\d{2})$/.exec(known);
  if (m) return new Intl.DateTimeFormat(lang, { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(utc(+m[1]!, +m[2]!, 1));
  return known;
}
