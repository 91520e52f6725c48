/**
 * Times of an event as its participants read them: in the event's own time zone (where the meeting takes
 * place), and in the reader's when it differs (a visitor from Limoges to Obninsk), each in the reader's
 * language through Intl.
 */

/** The reader's time zone, as the browser knows it. */
export const readerTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** "18 avr. 2027, 10:00–10:20" in a zone. */
export function timeRange(lang: string, startsAt: string, endsAt: string, timeZone: string): string {
  const day = new Date(startsAt).toLocaleDateString(lang, { dateStyle: 'medium', timeZone });
  const time = (iso: string) => new Date(iso).toLocaleTimeString(lang, { timeStyle: 'short', timeZone });
  return `${day}, ${time(startsAt)}–${time(endsAt)}`;
}

/** Only the hours "10:00–10:20" in a zone (the grid's rows, under their day). */
export function hours(lang: string, startsAt: string, endsAt: string, timeZone: string): string {
  const time = (iso: string) => new Date(iso).toLocaleTimeString(lang, { timeStyle: 'short', timeZone });
  return `${time(startsAt)}–${time(endsAt)}`;
}

/** The day of an instant in a zone, as a key (YYYY-MM-DD) and as the reader reads it. */
export function dayOf(lang: string, iso: string, timeZone: string): { key: string; label: string } {
  const date = new Date(iso);
  return {
    key: date.toLocaleDateString('en-CA', { timeZone }),
    label: date.toLocaleDateString(lang, { weekday: 'long', day: 'numeric', month: 'long', timeZone }),
  };
}

/** Whether two zones show the same wall-clock time at an instant (then the second time is not shown). */
export function sameClock(iso: string, a: string, b: string): boolean {
  const at = (timeZone: string) => new Date(iso).toLocaleString('en-GB', { timeZone, hour12: false });
  return at(a) === at(b);
}

/** The zone's offset from UTC at an instant, in minutes (Europe/Moscow: 180). */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(instant))
      .map((p) => [p.type, p.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return Math.round((asUtc - instant) / 60_000);
}

/**
 * The instant (ISO, UTC) of a wall-clock date and time typed in the event's zone ("2027-04-18", "10:00",
 * "Europe/Moscow" → "2027-04-18T07:00:00.000Z"); null when either is empty or malformed.
 */
export function instantOf(date: string, time: string, timeZone: string): string | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return null;
  const wall = Date.UTC(+d[1]!, +d[2]! - 1, +d[3]!, +t[1]!, +t[2]!);
  // the offset at the wall time, corrected once for a change of offset between the guess and the answer
  let instant = wall - offsetMinutes(wall, timeZone) * 60_000;
  instant = wall - offsetMinutes(instant, timeZone) * 60_000;
  return new Date(instant).toISOString();
}

/** The wall-clock date (YYYY-MM-DD) and time (HH:MM) of an instant in a zone: what an input shows. */
export function wallClock(iso: string, timeZone: string): { date: string; time: string } {
  const date = new Date(iso);
  return {
    date: date.toLocaleDateString('en-CA', { timeZone }),
    time: date.toLocaleTimeString('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
  };
}
