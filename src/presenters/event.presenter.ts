import type { EventDetailRow, EventSummaryRow, OrganisationRef } from '../repositories/events/events/event.repository.js';
import type { DelegationDetailRow } from '../repositories/events/events/delegation.repository.js';
import type { SessionDetailRow } from '../repositories/events/events/session.repository.js';
import type { Delegation, Event, EventSummary, Session } from '../shared/schemas/events/events.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const orgRef = (o: OrganisationRef) => ({ slug: o.slug, name: o.name, kind: o.kind });

type SummaryFields = Omit<EventSummaryRow, 'venueOrganisationName'> & { venueOrganisationName: EventSummaryRow['venueOrganisationName'] };

/** What a list shows of an event: its instants in UTC with its time zone, or the date a source knows. */
export function presentEventSummary(row: SummaryFields): EventSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    status: row.status,
    title: row.title,
    timeZone: row.timeZone,
    startsAt: iso(row.startsAt),
    endsAt: iso(row.endsAt),
    knownDate: row.knownDate,
    regionCode: row.regionCode,
    venueLabel: row.venueOrganisationName ?? row.venueName ?? null,
  };
}

/** An event's page: everything of it, and what its reader may do. */
export function presentEvent(row: EventDetailRow, can: Event['can']): Event {
  const venue: Event['venue'] = {};
  if (row.venueOrganisation) venue.organisation = orgRef(row.venueOrganisation);
  if (row.venueName) venue.name = row.venueName;
  if (row.venueAddress) venue.address = row.venueAddress;
  return {
    ...presentEventSummary({ ...row, venueOrganisationName: row.venueOrganisation?.name ?? null }),
    description: row.description,
    venue,
    organisers: row.organisers.map((o) => ({
      organisation: { ...orgRef(o.organisation), regionCode: o.organisation.regionCode },
      role: o.role,
    })),
    areaCodes: row.areaCodes,
    languages: row.languages,
    registrationOpen: row.registrationOpen,
    registrationClosesAt: iso(row.registrationClosesAt),
    meetingsEnabled: row.meetingsEnabled,
    meetingLengthMinutes: row.meetingLengthMinutes,
    maxBackToBack: row.maxBackToBack,
    meetingRequestsCloseAt: iso(row.meetingRequestsCloseAt),
    scheduleState: row.scheduleState,
    reportedAttendance: row.reportedAttendance,
    reportedAttendanceApproximate: row.reportedAttendanceApproximate,
    reportedSectors: row.reportedSectors,
    cancelledReason: row.cancelledReason,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    can,
  };
}

/** A programme item, its site and its speakers' organisations named by slug. */
export function presentSession(row: SessionDetailRow): Session {
  return {
    id: row.id,
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: row.room,
    delegationId: row.delegationId,
    siteOrganisationSlug: row.site?.slug ?? null,
    siteName: row.siteName,
    site: row.site,
    speakers: row.speakers.map((s) => ({
      name: s.name,
      organisationSlug: (s.organisationId && row.speakerOrganisations.get(s.organisationId)?.slug) || null,
      organisationName: s.organisationName ?? null,
      role: s.role ?? null,
    })),
    languages: row.languages,
    interpretation: row.interpretation,
    version: row.version,
  };
}

/** A delegation, its members in order, and its programme of visits. */
export function presentDelegation(row: DelegationDetailRow, programme: SessionDetailRow[]): Delegation {
  return {
    id: row.id,
    name: row.name,
    fromRegionCode: row.fromRegionCode,
    arrivesOn: row.arrivesOn,
    departsOn: row.departsOn,
    notes: row.notes,
    members: row.members.map((m) => ({
      id: m.id,
      name: m.name,
      position: m.position,
      organisation: m.organisation,
      organisationName: m.organisationName,
      role: m.role,
    })),
    programme: programme.map(presentSession),
    version: row.version,
  };
}
