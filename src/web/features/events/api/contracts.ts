/**
 * The events' API as the web app reads it (docs: the events' contract). These types follow the shared schemas
 * of src/shared/schemas/events/ field for field; they are written here until those schemas are merged.
 */
import type { MultilingualText } from '../../../../shared/multilingual';
import type {
  DelegationRole,
  EventKind,
  EventStatus,
  OrganiserRole,
  ParticipationKind,
  QuestionKind,
  RegistrationStatus,
  ScheduleState,
  SessionKind,
} from '../../../../shared/events';

export interface EventSummary {
  id: string;
  slug: string;
  kind: EventKind;
  status: EventStatus;
  title: MultilingualText;
  timeZone: string;
  startsAt: string | null;
  endsAt: string | null;
  knownDate: string | null;
  regionCode: string;
  venueLabel: MultilingualText | null;
}

export interface EventList {
  items: EventSummary[];
  total: number;
  page: number;
  pageSize: number;
}

export interface OrganisationRef {
  slug: string;
  name: MultilingualText;
  kind?: string;
  regionCode?: string;
}

export interface EventCan {
  edit: boolean;
  manage: boolean;
  register: boolean;
  requestMeetings: boolean;
  runSchedule: boolean;
}

export interface Event extends EventSummary {
  description: MultilingualText | null;
  venue: { organisation?: OrganisationRef | null; name?: MultilingualText | null; address?: string | null };
  organisers: { organisation: OrganisationRef; role: OrganiserRole }[];
  areaCodes: string[];
  languages: string[];
  registrationOpen: boolean;
  registrationClosesAt: string | null;
  meetingsEnabled: boolean;
  meetingLengthMinutes?: number;
  maxBackToBack?: number | null;
  meetingRequestsCloseAt?: string | null;
  scheduleState: ScheduleState;
  reportedAttendance: number | null;
  reportedAttendanceApproximate: boolean;
  reportedSectors: string[];
  cancelledReason: string | null;
  version: number;
  can: EventCan;
}

export interface EventInput {
  kind: EventKind;
  title: MultilingualText;
  description?: MultilingualText | null;
  timeZone: string;
  startsAt?: string | null;
  endsAt?: string | null;
  knownDate?: string | null;
  venueOrganisationSlug?: string | null;
  venueName?: MultilingualText | null;
  venueAddress?: string | null;
  regionCode: string;
  areaCodes?: string[];
  languages?: string[];
  organisers: { organisationSlug: string; role: OrganiserRole }[];
  registrationOpen?: boolean;
  registrationClosesAt?: string | null;
  meetingsEnabled?: boolean;
}

export interface Speaker {
  name: string;
  organisationSlug?: string | null;
  organisationName?: MultilingualText | null;
  role?: MultilingualText | null;
}

export interface SessionInput {
  kind: SessionKind;
  title: MultilingualText;
  description?: MultilingualText | null;
  startsAt: string;
  endsAt: string;
  room?: string | null;
  delegationId?: string | null;
  siteOrganisationSlug?: string | null;
  siteName?: MultilingualText | null;
  speakers?: Speaker[];
  languages?: string[];
  interpretation?: string[];
}

export interface Session extends SessionInput {
  id: string;
  version: number;
  site?: { slug: string; name: MultilingualText } | null;
}

export interface DelegationMemberInput {
  name?: string | null;
  position?: MultilingualText | null;
  organisationSlug?: string | null;
  organisationName?: MultilingualText | null;
  role: DelegationRole;
}

export interface DelegationInput {
  name: MultilingualText;
  fromRegionCode: string;
  arrivesOn?: string | null;
  departsOn?: string | null;
  notes?: MultilingualText | null;
  members: DelegationMemberInput[];
}

export interface Delegation extends Omit<DelegationInput, 'members'> {
  id: string;
  version: number;
  members: (DelegationMemberInput & { organisation?: OrganisationRef | null })[];
  programme: Session[];
}

export interface Question {
  id: string;
  label: MultilingualText | string;
  kind: QuestionKind;
  required: boolean;
  choices?: { id: string; label: MultilingualText | string }[];
}

export interface ParticipationTypeInput {
  kind: ParticipationKind;
  name: MultilingualText | string;
  capacity?: number | null;
  requiresApproval?: boolean;
  meetingsAllowed?: boolean;
  questions?: Question[];
}

export interface ParticipationType extends ParticipationTypeInput {
  id: string;
  position: number;
  version: number;
  confirmedCount: number;
  waitlistedCount: number;
  pendingCount: number;
  placesLeft: number | null;
}

export interface Registration {
  id: string;
  eventSlug: string;
  participationType: { id: string; kind: ParticipationKind; name: MultilingualText | string };
  name: string;
  organisation?: OrganisationRef | null;
  organisationName: string | null;
  jobTitle: string | null;
  sector: string | null;
  regionCode: string | null;
  status: RegistrationStatus;
  answers: Record<string, string | boolean>;
  waitlistPosition?: number | null;
  checkedInAt: string | null;
  meetingsEnabled: boolean;
  version: number;
  createdAt: string;
}

export interface RegistrationInput {
  participationTypeId: string;
  organisationSlug?: string;
  organisationName?: string;
  jobTitle?: string;
  answers?: Record<string, string | boolean>;
  meetingsEnabled?: boolean;
}

export interface AttendeeInput {
  participationTypeId: string;
  name: string;
  email?: string;
  organisationSlug?: string;
  organisationName?: string;
  sector?: string;
  regionCode?: string;
  delegationId?: string;
  overCapacity?: boolean;
}

export interface Attendance {
  confirmed: number;
  checkedIn: number;
  bySector: { government: number; science: number; business: number; unknown: number };
  byRegion: { regionCode: string; count: number }[];
  byType: { participationTypeId: string; count: number }[];
  reported: { count: number; approximate: boolean; sectors: string[] } | null;
}

export interface EventDocument {
  id: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
}

export interface TimeZoneChoice {
  id: string;
  offset: string;
}
