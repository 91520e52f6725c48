/**
 * The VTIMEZONE of an IANA zone (RFC 5545 §3.6.5) made from the platform's own time-zone database, Intl:
 * ical-generator writes TZID-ed times but leaves VTIMEZONE to a generator, and a calendar client needs it to
 * place "10:00 Europe/Moscow" without a database of its own. Each offset change in the range is one
 * observance with its exact onset (no RRULE), which is what the zone did, not a guessed rule.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The zone's offset from UTC at an instant, in minutes. */
export function offsetMinutes(timeZone: string, at: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    .formatToParts(at)
    .find((p) => p.type === 'timeZoneName')!.value;
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0));
}

const pad = (n: number) => String(n).padStart(2, '0');
const offsetText = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`;
/** The wall-clock time at `at` under a given offset, in iCalendar's local form. */
const localText = (at: Date, minutes: number) => {
  const d = new Date(at.getTime() + minutes * 60_000);
  return `${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
};

/** The instants in [from, to) where the zone's offset changes (to the minute). */
export function transitions(timeZone: string, from: Date, to: Date): { at: Date; before: number; after: number }[] {
  const found: { at: Date; before: number; after: number }[] = [];
  let t = from.getTime();
  let current = offsetMinutes(timeZone, from);
  while (t < to.getTime()) {
    const next = Math.min(t + DAY, to.getTime());
    const offset = offsetMinutes(timeZone, new Date(next));
    if (offset !== current) {
      let lo = t;
      let hi = next;
      while (hi - lo > 60_000) {
        const mid = lo + Math.floor((hi - lo) / 2 / 60_000) * 60_000 || lo + 60_000;
        if (offsetMinutes(timeZone, new Date(mid)) === current) lo = mid;
        else hi = mid;
      }
      found.push({ at: new Date(hi), before: current, after: offset });
      current = offset;
    }
    t = next;
  }
  return found;
}

/** The VTIMEZONE component of `timeZone` for the times between `from` and `to` (a year around them). */
export function vtimezone(timeZone: string, from: Date, to: Date): string {
  const start = new Date(Date.UTC(from.getUTCFullYear() - 1, 0, 1));
  const end = new Date(Date.UTC(to.getUTCFullYear() + 2, 0, 1));
  const first = offsetMinutes(timeZone, start);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`];
  const observance = (at: Date, before: number, after: number) => {
    const kind = after > before ? 'DAYLIGHT' : 'STANDARD';
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${localText(at, before)}`,
      `TZOFFSETFROM:${offsetText(before)}`,
      `TZOFFSETTO:${offsetText(after)}`,
      `END:${kind}`,
    );
  };
  observance(start, first, first);
  for (const change of transitions(timeZone, start, end)) observance(change.at, change.before, change.after);
  lines.push('END:VTIMEZONE');
  return lines.join('\r\n');
}

/** The wall-clock time of an instant in the zone, "2026-12-02T10:00:00", as ical-generator takes a TZID-ed time. */
export function wallClock(at: Date, timeZone: string): string {
  const offset = offsetMinutes(timeZone, at);
  return new Date(at.getTime() + offset * 60_000).toISOString().slice(0, 19);
}
