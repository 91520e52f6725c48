/**
 * The answers of the events' meetings and outputs APIs as the pages read them (contract: meetings and
 * outputs parts), in one place for the pages.
 */
import type {
  MeetingOutcome,
  MeetingPriority,
  MeetingRequestStatus,
  MeetingStatus,
  ScheduleRunKind,
  ScheduleState,
} from '../../../../shared/events';
import type { MultilingualText } from '../../../../shared/multilingual';

/** The event as the meetings' pages need it (a part of the events API's Event). */
export interface MeetingEvent {
  id: string;
  slug: string;
  kind: string;
  status: string;
  title: MultilingualText;
  timeZone: string;
  startsAt: string | null;
  endsAt: string | null;
  meetingsEnabled: boolean;
  meetingLengthMinutes: number | null;
  maxBackToBack: number | null;
  meetingRequestsCloseAt: string | null;
  scheduleState: ScheduleState;
  version: number;
  can: { edit: boolean; manage: boolean; register: boolean; requestMeetings: boolean; runSchedule: boolean };
}

export interface MeetingSettingsInput {
  meetingsEnabled: boolean;
  meetingLengthMinutes: number;
  maxBackToBack: number | null;
  meetingRequestsCloseAt?: string | null;
}

export interface MeetingSlot {
  id: string;
  startsAt: string;
  endsAt: string;
  tableCount: number;
}
export interface SlotList {
  items: MeetingSlot[];
}
export interface SlotBlock {
  startsAt: string;
  endsAt: string;
  tableCount: number;
}

export type RequestState = null | 'sent' | 'received' | 'accepted' | 'declined';

export interface MeetingParticipant {
  registrationId: string;
  name: string;
  organisation?: { slug: string; name: MultilingualText | string; kind: string; regionCode: string } | null;
  organisationName: string | null;
  jobTitle: string | null;
  meetingProfile: MultilingualText | null;
  offers: { slug: string; kind: string; title: MultilingualText }[];
  requestState: RequestState;
}
export interface ParticipantList {
  items: MeetingParticipant[];
  total?: number;
}
export interface SuggestionList {
  items: (MeetingParticipant & { score: number; reasons: string[] })[];
}

export interface BlockedTime {
  startsAt: string;
  endsAt: string;
}
export interface MyMeetings {
  registrationId: string;
  meetingsEnabled: boolean;
  meetingProfile: MultilingualText | null;
  offerIds: string[];
  blockedTimes: BlockedTime[];
  version: number;
}
export type MyMeetingsInput = Omit<MyMeetings, 'registrationId' | 'version'>;

export interface MeetingRequest {
  id: string;
  requester: MeetingParticipant;
  recipient: MeetingParticipant;
  requesterPriority: MeetingPriority;
  recipientPriority: MeetingPriority | null;
  message: string | null;
  status: MeetingRequestStatus;
  version: number;
  createdAt: string;
}
export interface MyRequests {
  sent: MeetingRequest[];
  received: MeetingRequest[];
}

export interface ScheduleRun {
  id: string;
  kind: ScheduleRunKind;
  acceptedCount: number;
  scheduledCount: number;
  upperBoundCount: number;
  acceptedWeight: number;
  scheduledWeight: number;
  upperBoundWeight: number;
  pinnedCount: number;
  algorithm: string;
  durationMs: number;
  ranAt: string;
}
export interface Side {
  registrationId: string;
  name: string;
  organisationName: string | null;
}
export interface ScheduledMeeting {
  id: string;
  slotId: string;
  tableNumber: number;
  status: MeetingStatus;
  pinned: boolean;
  requestId: string;
  a: Side;
  b: Side;
  weight: number;
  version?: number;
}
export interface UnscheduledRequest {
  requestId: string;
  a: Side;
  b: Side;
  weight: number;
  version?: number;
}
export interface Schedule {
  scheduleState: ScheduleState;
  lastRun: ScheduleRun | null;
  slots: MeetingSlot[];
  meetings: ScheduledMeeting[];
  unscheduled: UnscheduledRequest[];
}

export interface AgendaItem {
  kind: 'meeting' | 'session';
  startsAt: string;
  endsAt: string;
  title: MultilingualText | string;
  tableNumber?: number | null;
  counterpart?: { name: string; organisationName: string | null } | null;
  room?: string | null;
  status?: string | null;
  /** A meeting's own id, version and recorded outcome: what the outcome form writes over. */
  meetingId?: string;
  id?: string;
  version?: number;
  outcome?: MeetingOutcome | null;
  outcomeNote?: string | null;
}
export interface Agenda {
  timeZone: string;
  items: AgendaItem[];
  feedUrl: string;
  icsUrl?: string;
  pdfUrl?: string;
  /** Meetings show in the agenda once the final schedule is published. */
  scheduleState?: ScheduleState;
}

export interface OutcomeInput {
  outcome: MeetingOutcome;
  note?: string;
  recordSlug?: string;
}

export interface MeetingStats {
  requested: number;
  accepted: number;
  scheduled: number;
  held: number;
  outcomes: Record<MeetingOutcome, number>;
  agreements: { slug: string; title: MultilingualText | string }[];
}
