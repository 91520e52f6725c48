import type { MeetingPriority } from '../../../../shared/events';
import { queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import type {
  Agenda,
  MeetingEvent,
  MeetingRequest,
  MeetingSettingsInput,
  MeetingStats,
  MyMeetings,
  MyMeetingsInput,
  MyRequests,
  OutcomeInput,
  ParticipantList,
  Registration,
  Schedule,
  ScheduledMeeting,
  ScheduleRun,
  SlotBlock,
  SlotList,
  SuggestionList,
} from './contracts';

const event = (slug: string) => `/events/${encodeURIComponent(slug)}`;
const meeting = (id: string) => `/meetings/${encodeURIComponent(id)}`;
const request = (id: string) => `/meeting-requests/${encodeURIComponent(id)}`;

export const useMeetingEvent = (slug: string) => useApi<MeetingEvent>(event(slug));
/** My registration at the event (404 when I have none): its status says whether I may meet. */
export const useMyRegistration = (slug: string) => useApi<Registration>(`${event(slug)}/registrations/mine`);

// the participant's side
export const useMyMeetings = (slug: string, enabled = true) => useApi<MyMeetings>(enabled ? `${event(slug)}/meetings/me` : null);
/** Saves my profile, offers and blocked times over the registration's version shown. */
export const saveMyMeetings = (slug: string, body: MyMeetingsInput, version: number) =>
  sendJson<MyMeetings>('PUT', `${event(slug)}/meetings/me`, body, { ifMatch: version });
export const useSuggestions = (slug: string, enabled: boolean) =>
  useApi<SuggestionList>(enabled ? `${event(slug)}/meetings/suggestions` : null);
export const useMeetingParticipants = (slug: string, q: string, page: number, enabled: boolean) =>
  useApi<ParticipantList>(enabled ? `${event(slug)}/meeting-participants${queryString({ q, page: page > 1 ? page : undefined })}` : null);
export const useMeetingSlots = (slug: string) => useApi<SlotList>(`${event(slug)}/meeting-slots`);
export const useMyRequests = (slug: string, enabled: boolean) =>
  useApi<MyRequests>(enabled ? `${event(slug)}/meeting-requests/mine` : null);
export const sendMeetingRequest = (slug: string, body: { recipientRegistrationId: string; priority: MeetingPriority; message?: string }) =>
  sendJson<MeetingRequest>('POST', `${event(slug)}/meeting-requests`, body);
export const acceptRequest = (r: Pick<MeetingRequest, 'id' | 'version'>, priority: MeetingPriority) =>
  sendJson<MeetingRequest>('POST', `${request(r.id)}/accept`, { priority }, { ifMatch: r.version });
export const declineRequest = (r: Pick<MeetingRequest, 'id' | 'version'>, reason?: string) =>
  sendJson<MeetingRequest>('POST', `${request(r.id)}/decline`, reason ? { reason } : {}, { ifMatch: r.version });
export const cancelRequest = (r: Pick<MeetingRequest, 'id' | 'version'>) =>
  sendJson<MeetingRequest>('POST', `${request(r.id)}/cancel`, {}, { ifMatch: r.version });
export const useMeetingStats = (slug: string) => useApi<MeetingStats>(`${event(slug)}/meeting-stats`);

// the agenda
/** My agenda, its texts ("Meeting with …", the sessions' titles) in the reader's language. */
export const useAgenda = (slug: string, lang: string) => useApi<Agenda>(`${event(slug)}/agenda/mine${queryString({ lang })}`);
export const agendaIcsPath = (slug: string, lang: string) => `/api/v1${event(slug)}/agenda/mine.ics${queryString({ lang })}`;
export const agendaPdfPath = (slug: string, lang: string) => `/api/v1${event(slug)}/agenda/mine.pdf${queryString({ lang })}`;
export const recordMeetingOutcome = (id: string, body: OutcomeInput, version: number | undefined) =>
  sendJson<ScheduledMeeting>('PUT', `${meeting(id)}/outcome`, body, version === undefined ? {} : { ifMatch: version });

// the organisers' side
export const saveMeetingSettings = (slug: string, body: MeetingSettingsInput, version: number) =>
  sendJson<MeetingEvent>('PUT', `${event(slug)}/meeting-settings`, body, { ifMatch: version });
export const saveSlotGrid = (slug: string, blocks: SlotBlock[]) => sendJson<SlotList>('PUT', `${event(slug)}/meeting-slots`, { blocks });
export const useSchedule = (slug: string) => useApi<Schedule>(`${event(slug)}/schedule`);
export const runScheduler = (slug: string, kind: 'preliminary' | 'final' | 'late_requests') =>
  sendJson<ScheduleRun>('POST', `${event(slug)}/schedule/runs`, { kind });
export const publishSchedule = (slug: string) => sendJson<unknown>('POST', `${event(slug)}/schedule/publish`, {});
export const schedulePdfPath = (slug: string, lang: string) => `/api/v1${event(slug)}/schedule.pdf${queryString({ lang })}`;
export const moveMeeting = (m: Pick<ScheduledMeeting, 'id' | 'version'>, slotId: string, tableNumber: number) =>
  sendJson<unknown>('POST', `${meeting(m.id)}/move`, { slotId, tableNumber }, { ifMatch: m.version });
export const pinMeeting = (m: Pick<ScheduledMeeting, 'id' | 'version'>, pinned: boolean) =>
  sendJson<unknown>('POST', `${meeting(m.id)}/${pinned ? 'pin' : 'unpin'}`, {}, { ifMatch: m.version });
export const cancelMeeting = (m: Pick<ScheduledMeeting, 'id' | 'version'>) =>
  sendJson<unknown>('POST', `${meeting(m.id)}/cancel`, {}, { ifMatch: m.version });
export const placeRequest = (requestId: string, slotId: string, tableNumber: number) =>
  sendJson<unknown>('POST', `${request(requestId)}/place`, { slotId, tableNumber });
