import type { EventAccessRow } from '../repositories/events/event-access.repository.js';
import type { RegistrationView } from '../repositories/events/registration.repository.js';
import type { ParticipationTypeWithCounts } from '../repositories/events/registration-types.repository.js';
import type { Language } from '../shared/languages.js';
import { resolveText } from '../shared/multilingual.js';
import type { ParticipationType, Registration } from '../shared/schemas/events/registration.js';

export function presentParticipationType(row: ParticipationTypeWithCounts): ParticipationType {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    capacity: row.capacity,
    requiresApproval: row.requiresApproval,
    meetingsAllowed: row.meetingsAllowed,
    questions: row.questions,
    position: row.position,
    version: row.version,
    confirmedCount: row.confirmed,
    waitlistedCount: row.waitlisted,
    pendingCount: row.pending,
    placesLeft: row.capacity === null ? null : Math.max(0, row.capacity - row.confirmed),
  };
}

export function presentRegistration(row: RegistrationView): Registration {
  return {
    id: row.id,
    eventSlug: row.eventSlug,
    participationType: row.type,
    name: row.name,
    organisation: row.organisation,
    organisationName: row.organisationName,
    jobTitle: row.jobTitle,
    sector: row.sector,
    regionCode: row.regionCode,
    status: row.status,
    statusReason: row.statusReason,
    answers: row.answers,
    ...(row.waitlistPosition === null ? {} : { waitlistPosition: row.waitlistPosition }),
    delegationId: row.delegationId,
    hasAccount: row.userId !== null,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    meetingsEnabled: row.meetingsEnabled,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The event beside one's registration, in the shape of the events part's summary. */
export function presentRegistrationEvent(event: EventAccessRow, language: Language) {
  return {
    id: event.id,
    slug: event.slug,
    kind: event.kind,
    status: event.status,
    title: event.title,
    timeZone: event.timeZone,
    startsAt: event.startsAt?.toISOString() ?? null,
    endsAt: event.endsAt?.toISOString() ?? null,
    knownDate: event.knownDate,
    regionCode: event.regionCode,
    venueLabel: resolveText(event.venueName, language)?.text ?? event.venueAddress ?? null,
  };
}
