import type { MeetingRegistrationRow, MeetingSlotRow } from '../repositories/events/meeting-grid.repository.js';
import type { MeetingRequestRow } from '../repositories/events/meeting-request.repository.js';
import type { PlacedMeetingRow, ScheduleRunRow } from '../repositories/events/meeting-schedule.repository.js';
import { meetingWeight } from '../shared/events.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { Meeting, MeetingParticipant, MeetingRequest, MeetingSlot, ScheduleRun } from '../shared/schemas/events/meetings.js';

export type RequestState = MeetingParticipant['requestState'];
export interface OfferRef {
  id: string;
  slug: string;
  kind: string;
  title: MultilingualText;
  organisationId: string;
  stage: string;
}

export const presentSlot = (s: MeetingSlotRow): MeetingSlot => ({
  id: s.id,
  startsAt: s.startsAt.toISOString(),
  endsAt: s.endsAt.toISOString(),
  tableCount: s.tableCount,
});

/** A participant as other participants see them: only their organisation's published offers are shown. */
export function presentParticipant(
  r: MeetingRegistrationRow,
  offers: Map<string, OfferRef>,
  requestState: RequestState = null,
): MeetingParticipant {
  return {
    registrationId: r.id,
    name: r.name,
    organisation: r.organisation
      ? { slug: r.organisation.slug, name: r.organisation.name, kind: r.organisation.kind, regionCode: r.organisation.regionCode }
      : null,
    organisationName: r.organisationName ?? (r.organisation ? (r.organisation.name[r.organisation.name.original] ?? null) : null),
    jobTitle: r.jobTitle,
    meetingProfile: r.meetingProfile,
    offers: r.offerIds.flatMap((id) => {
      const o = offers.get(id);
      return o && o.stage === 'published' && o.organisationId === r.organisationId ? [{ slug: o.slug, kind: o.kind, title: o.title }] : [];
    }),
    requestState,
  };
}

export const sideOf = (r: MeetingRegistrationRow | undefined, id: string) => ({
  registrationId: id,
  name: r?.name ?? '',
  organisationName: r?.organisationName ?? (r?.organisation ? (r.organisation.name[r.organisation.name.original] ?? null) : null),
});

export function presentRequest(
  row: MeetingRequestRow,
  eventSlug: string,
  requester: MeetingParticipant,
  recipient: MeetingParticipant,
  meeting: PlacedMeetingRow | undefined,
): MeetingRequest {
  return {
    id: row.id,
    eventSlug,
    requester,
    recipient,
    requesterPriority: row.requesterPriority,
    recipientPriority: row.recipientPriority,
    message: row.message,
    status: row.status,
    declineReason: row.declineReason,
    meeting: meeting
      ? {
          id: meeting.id,
          slotId: meeting.slotId,
          startsAt: meeting.startsAt.toISOString(),
          endsAt: meeting.endsAt.toISOString(),
          tableNumber: meeting.tableNumber,
          status: meeting.status,
        }
      : null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

export const presentRun = (r: ScheduleRunRow): ScheduleRun => ({
  id: r.id,
  kind: r.kind,
  acceptedCount: r.acceptedCount,
  scheduledCount: r.scheduledCount,
  upperBoundCount: r.upperBoundCount,
  acceptedWeight: r.acceptedWeight,
  scheduledWeight: r.scheduledWeight,
  upperBoundWeight: r.upperBoundWeight,
  pinnedCount: r.pinnedCount,
  algorithm: r.algorithm,
  durationMs: r.durationMs,
  ranAt: r.ranAt.toISOString(),
});

export function presentMeeting(
  m: PlacedMeetingRow,
  request: MeetingRequestRow,
  people: Map<string, MeetingRegistrationRow>,
  records: Map<string, { slug: string; title: MultilingualText }>,
): Meeting {
  return {
    id: m.id,
    slotId: m.slotId,
    startsAt: m.startsAt.toISOString(),
    endsAt: m.endsAt.toISOString(),
    tableNumber: m.tableNumber,
    status: m.status,
    pinned: m.pinned,
    requestId: m.requestId,
    a: sideOf(people.get(request.requesterId), request.requesterId),
    b: sideOf(people.get(request.recipientId), request.recipientId),
    weight: meetingWeight(request.requesterPriority, request.recipientPriority),
    outcome: m.outcome,
    outcomeNote: m.outcomeNote,
    outcomeRecord: m.outcomeRecordId ? (records.get(m.outcomeRecordId) ?? null) : null,
    version: m.version,
  };
}
