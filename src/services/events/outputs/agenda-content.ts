import type { Repositories } from '../../../repositories/index.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { PersonView, RegistrationRow } from '../../../repositories/events/agenda.repository.js';
import type { Language } from '../../../shared/languages.js';
import { resolveText } from '../../../shared/multilingual.js';
import type { MeetingStatus, SessionKind } from '../../../shared/events.js';
import { OUTPUT_LABELS } from './labels.js';

/** One entry of an agenda, as every form of it (JSON, iCalendar, PDF) writes it. */
export interface AgendaEntry {
  kind: 'meeting' | 'session';
  id: string;
  startsAt: Date;
  endsAt: Date;
  title: string;
  description: string | null;
  tableNumber?: number;
  counterpart?: { name: string; organisationName: string | null };
  room?: string | null;
  sessionKind?: SessionKind;
  status?: MeetingStatus;
  sequence: number;
  updatedAt: Date;
}

export interface AgendaContent {
  event: EventAccessRow & { venueLabel: string | null };
  eventTitle: string;
  registration: RegistrationRow;
  items: AgendaEntry[];
  /** When this answer was made (iCalendar's DTSTAMP). */
  stamp: Date;
}

const textIn = (value: Parameters<typeof resolveText>[0], language: Language) => resolveText(value, language)?.text ?? '';

/** A person's organisation as they registered it, else their organisation's name on the platform. */
export const organisationOf = (p: Pick<PersonView, 'organisationName' | 'organisation'>, language: Language): string | null =>
  p.organisationName || (p.organisation ? textIn(p.organisation, language) : '') || null;

export const venueLabel = (event: EventAccessRow, language: Language): string | null =>
  [event.venueName ? textIn(event.venueName, language) : '', event.venueAddress ?? ''].filter(Boolean).join(', ') || null;

/**
 * A participant's agenda: the programme's sessions (the event's, and their delegation's visits) and their
 * meetings, in time order. Meetings appear once the final schedule is published (a preliminary one may
 * still move, and a participant who put it in a calendar would go to the wrong table); cancelled ones stay,
 * marked, so that a subscribed calendar removes them.
 */
export async function agendaContent(
  repos: Repositories,
  event: EventAccessRow,
  registration: RegistrationRow,
  language: Language,
): Promise<AgendaContent> {
  const labels = OUTPUT_LABELS[language];
  const sessions = await repos.events.agenda.sessionsFor(event.id, registration.delegationId);
  const meetings = event.scheduleState === 'final' ? await repos.events.agenda.meetingsOf(registration.id, ['confirmed', 'cancelled']) : [];
  const items: AgendaEntry[] = [
    ...sessions.map((s): AgendaEntry => ({
      kind: 'session',
      id: s.id,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      title: textIn(s.title, language),
      description: s.description ? textIn(s.description, language) || null : null,
      room: s.room,
      sessionKind: s.kind,
      sequence: s.version,
      updatedAt: event.updatedAt,
    })),
    ...meetings.map((m): AgendaEntry => {
      const organisationName = organisationOf(m.counterpart, language);
      return {
        kind: 'meeting',
        id: m.id,
        startsAt: m.startsAt,
        endsAt: m.endsAt,
        title: labels.meetingWith(organisationName ? `${m.counterpart.name} (${organisationName})` : m.counterpart.name),
        description: null,
        tableNumber: m.tableNumber,
        counterpart: { name: m.counterpart.name, organisationName },
        status: m.status,
        sequence: m.version,
        updatedAt: m.updatedAt,
      };
    }),
  ].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.kind.localeCompare(b.kind) || a.id.localeCompare(b.id));
  return {
    event: { ...event, venueLabel: venueLabel(event, language) },
    eventTitle: textIn(event.title, language),
    registration,
    items,
    stamp: repos.clock.now(),
  };
}
