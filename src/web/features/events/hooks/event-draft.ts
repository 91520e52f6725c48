import type { EventKind, OrganiserRole } from '../../../../shared/events';
import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { Event, EventInput } from '../api/contracts';
import { instantToLocal, localToInstant, readerTimeZone } from './zoned-time';

/**
 * An event as its editor holds it: start, end and the registration's close as the local date and time at the
 * venue ("2026-04-18T18:00" in the event's zone), turned into instants only when sent.
 */
export interface EventDraft {
  kind: EventKind;
  title: MultilingualText;
  description: MultilingualText | null;
  timeZone: string;
  startsLocal: string;
  endsLocal: string;
  venueOrganisationSlug: string;
  venueName: string;
  venueAddress: string;
  regionCode: string;
  areaCodes: string[];
  languages: Language[];
  organisers: { organisationSlug: string; role: OrganiserRole }[];
  registrationOpen: boolean;
  registrationClosesLocal: string;
  meetingsEnabled: boolean;
}

export function newEventDraft(lang: Language): EventDraft {
  return {
    kind: 'round_table',
    title: { original: lang },
    description: null,
    timeZone: readerTimeZone(),
    startsLocal: '',
    endsLocal: '',
    venueOrganisationSlug: '',
    venueName: '',
    venueAddress: '',
    regionCode: '',
    areaCodes: [],
    languages: [lang],
    organisers: [],
    registrationOpen: true,
    registrationClosesLocal: '',
    meetingsEnabled: false,
  };
}

const text = (value: MultilingualText | string | null | undefined, lang: Language): string =>
  !value ? '' : typeof value === 'string' ? value : (value[lang] ?? value[value.original] ?? '');

export function draftOfEvent(event: Event, lang: Language): EventDraft {
  return {
    kind: event.kind,
    title: event.title,
    description: event.description,
    timeZone: event.timeZone,
    startsLocal: instantToLocal(event.startsAt, event.timeZone),
    endsLocal: instantToLocal(event.endsAt, event.timeZone),
    venueOrganisationSlug: event.venue.organisation?.slug ?? '',
    venueName: text(event.venue.name, lang),
    venueAddress: event.venue.address ?? '',
    regionCode: event.regionCode,
    areaCodes: event.areaCodes,
    languages: event.languages,
    organisers: event.organisers.map((o) => ({ organisationSlug: o.organisation.slug, role: o.role })),
    registrationOpen: event.registrationOpen,
    registrationClosesLocal: instantToLocal(event.registrationClosesAt, event.timeZone),
    meetingsEnabled: event.meetingsEnabled,
  };
}

/** What the editor sends: an event's input, its region left out until one is chosen. */
export type EventDraftInput = Omit<EventInput, 'regionCode'> & Partial<Pick<EventInput, 'regionCode'>>;

/**
 * What is sent: the local times read in the event's zone. A time that cannot be read is sent as typed, so
 * that the API names its field in its refusal with the others, all at once. A region not chosen is left out
 * (not sent as ""), so that the API says it is required rather than malformed.
 */
export function inputOfDraft(draft: EventDraft, lang: Language): EventDraftInput {
  const instant = (local: string) => (local ? (localToInstant(local, draft.timeZone) ?? local) : null);
  return {
    kind: draft.kind,
    title: draft.title,
    description: draft.description,
    timeZone: draft.timeZone,
    startsAt: instant(draft.startsLocal),
    endsAt: instant(draft.endsLocal),
    venueOrganisationSlug: draft.venueOrganisationSlug || null,
    venueName: draft.venueName.trim() ? { original: lang, [lang]: draft.venueName.trim() } : null,
    venueAddress: draft.venueAddress.trim() || null,
    ...(draft.regionCode ? { regionCode: draft.regionCode } : {}),
    areaCodes: draft.areaCodes,
    languages: draft.languages,
    organisers: draft.organisers,
    registrationOpen: draft.registrationOpen,
    registrationClosesAt: instant(draft.registrationClosesLocal),
    meetingsEnabled: draft.meetingsEnabled,
  };
}
