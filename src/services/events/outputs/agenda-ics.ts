import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language } from '../../../shared/languages.js';
import { OUTPUT_LABELS } from './labels.js';
import type { AgendaContent } from './agenda-content.js';
import { vtimezone, wallClock } from './vtimezone.js';

/**
 * A participant's agenda as an iCalendar file (RFC 5545): every time with the event's TZID and its
 * VTIMEZONE; each meeting's UID is its id at the platform's host, so that a calendar that imported or
 * subscribed to it updates the entry when it moves (SEQUENCE is the meeting's version, LAST-MODIFIED its
 * last change) and removes it when cancelled (STATUS:CANCELLED).
 */
export function agendaCalendar(content: AgendaContent, language: Language, host: string): string {
  const labels = OUTPUT_LABELS[language];
  const { event, items } = content;
  const zone = event.timeZone;
  const times = items.flatMap((i) => [i.startsAt, i.endsAt]);
  const from = times.length ? new Date(Math.min(...times.map((d) => d.getTime()))) : (event.startsAt ?? new Date());
  const to = times.length ? new Date(Math.max(...times.map((d) => d.getTime()))) : (event.endsAt ?? from);
  const calendar = ical({
    name: `${content.eventTitle} — ${labels.agenda}`,
    prodId: { company: 'Clusterbridge', product: 'events', language: language.toUpperCase() },
    method: ICalCalendarMethod.PUBLISH,
    // no calendar-wide zone (ical-generator would then write DTSTAMP without its Z); each entry has the TZID
    timezone: { name: null, generator: (id) => vtimezone(id, from, to) },
  });
  for (const item of items) {
    const description = [
      item.counterpart
        ? `${labels.counterpart}: ${item.counterpart.name}${item.counterpart.organisationName ? `, ${item.counterpart.organisationName}` : ''}`
        : null,
      item.tableNumber ? labels.table(item.tableNumber) : null,
      item.description,
    ]
      .filter(Boolean)
      .join('\n');
    calendar.createEvent({
      id: `${item.kind}-${item.id}@${host}`,
      start: wallClock(item.startsAt, zone),
      end: wallClock(item.endsAt, zone),
      timezone: zone,
      summary: item.title,
      description: description || null,
      location: item.tableNumber
        ? `${labels.table(item.tableNumber)}${event.venueLabel ? `, ${event.venueLabel}` : ''}`
        : item.room || event.venueLabel || null,
      sequence: item.sequence,
      stamp: content.stamp,
      lastModified: item.updatedAt,
      status: item.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}
