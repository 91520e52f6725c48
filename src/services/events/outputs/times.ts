import type { Language } from '../../../shared/languages.js';

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU' };

/** A time of day in the event's zone, with the zone's name: "10:00 (Europe/Moscow)". */
export const timeIn = (at: Date, timeZone: string, language: Language) =>
  `${new Intl.DateTimeFormat(LOCALES[language], { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at)}`;

/** A day in the event's zone, in the reader's language: "mercredi 2 décembre 2026". */
export const dayIn = (at: Date, timeZone: string, language: Language) =>
  new Intl.DateTimeFormat(LOCALES[language], { timeZone, weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' }).format(at);

/** "10:00–10:20 (Europe/Moscow)": a span of one day, in the event's zone, named. */
export const spanIn = (from: Date, to: Date, timeZone: string, language: Language) =>
  `${timeIn(from, timeZone, language)}–${timeIn(to, timeZone, language)} (${timeZone})`;

/** "2 décembre 2026, 10:00 (Europe/Moscow)". */
export const dateTimeIn = (at: Date, timeZone: string, language: Language) =>
  `${new Intl.DateTimeFormat(LOCALES[language], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(at)}, ${timeIn(at, timeZone, language)} (${timeZone})`;

/** The event's dates in its zone: one day, or first–last. */
export function eventDatesIn(
  startsAt: Date | null,
  endsAt: Date | null,
  knownDate: string | null,
  timeZone: string,
  language: Language,
): string {
  if (!startsAt) return knownDate ?? '';
  const day = (d: Date) =>
    new Intl.DateTimeFormat(LOCALES[language], { timeZone, day: 'numeric', month: 'long', year: 'numeric' }).format(d);
  const first = day(startsAt);
  const last = endsAt ? day(endsAt) : first;
  return first === last ? first : `${first} – ${last}`;
}

/** The day key (YYYY-MM-DD) of an instant in the event's zone: agendas are grouped by it. */
export const dayKeyIn = (at: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
