import { ApiRequestError, currentCsrfToken, getJson, queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import type {
  Attendance,
  AttendeeInput,
  Delegation,
  DelegationInput,
  Event,
  DocumentList,
  DocumentView,
  EventInput,
  EventList,
  ParticipationType,
  ParticipationTypeInput,
  Registration,
  RegistrationInput,
  Session,
  SessionInput,
  TimeZoneList,
  MyRegistrationList,
  RegistrationList,
} from './contracts';

const one = (slug: string) => `/events/${encodeURIComponent(slug)}`;
const reg = (id: string) => `/registrations/${encodeURIComponent(id)}`;

/** The list's filters as its address holds them. */
export interface EventQuery {
  q?: string;
  kind?: string[];
  region?: string[];
  from?: string;
  to?: string;
  mine?: string;
  page: number;
}

export const useEvents = (query: EventQuery, pageSize: number) =>
  useApi<EventList>(`/events${queryString({ ...query, page: query.page > 1 ? query.page : undefined, pageSize })}`);
export const useEvent = (slug: string) => useApi<Event>(one(slug));
export const getEvent = (slug: string) => getJson<Event>(one(slug));
/** The body as the editor has it: the API names each required field left out (the region). */
export const createEvent = (body: Omit<EventInput, 'regionCode'> & Partial<Pick<EventInput, 'regionCode'>>) =>
  sendJson<Event>('POST', '/events', body);
export const updateEvent = (slug: string, body: Partial<EventInput>, version: number) =>
  sendJson<Event>('PUT', one(slug), body, { ifMatch: version });
export const publishEvent = (e: Pick<Event, 'slug' | 'version'>) =>
  sendJson<Event>('POST', `${one(e.slug)}/publish`, {}, { ifMatch: e.version });
export const cancelEvent = (e: Pick<Event, 'slug' | 'version'>, reason: string) =>
  sendJson<Event>('POST', `${one(e.slug)}/cancel`, { reason }, { ifMatch: e.version });
export const deleteEvent = (slug: string) => sendJson<unknown>('DELETE', one(slug));

export const useTimeZones = () => useApi<TimeZoneList>('/reference/time-zones');

// programme
export const useSessions = (slug: string) => useApi<{ items: Session[] }>(`${one(slug)}/sessions`);
export const createSession = (slug: string, body: SessionInput) => sendJson<Session>('POST', `${one(slug)}/sessions`, body);
export const updateSession = (slug: string, s: Pick<Session, 'id' | 'version'>, body: SessionInput) =>
  sendJson<Session>('PUT', `${one(slug)}/sessions/${encodeURIComponent(s.id)}`, body, { ifMatch: s.version });
export const deleteSession = (slug: string, id: string) => sendJson<unknown>('DELETE', `${one(slug)}/sessions/${encodeURIComponent(id)}`);

// delegations
export const useDelegations = (slug: string) => useApi<{ items: Delegation[] }>(`${one(slug)}/delegations`);
export const createDelegation = (slug: string, body: DelegationInput) => sendJson<Delegation>('POST', `${one(slug)}/delegations`, body);
export const updateDelegation = (slug: string, d: Pick<Delegation, 'id' | 'version'>, body: DelegationInput) =>
  sendJson<Delegation>('PUT', `${one(slug)}/delegations/${encodeURIComponent(d.id)}`, body, { ifMatch: d.version });
export const deleteDelegation = (slug: string, id: string) =>
  sendJson<unknown>('DELETE', `${one(slug)}/delegations/${encodeURIComponent(id)}`);

// participation types
export const useParticipationTypes = (slug: string) => useApi<{ items: ParticipationType[] }>(`${one(slug)}/participation-types`);
export const createParticipationType = (slug: string, body: ParticipationTypeInput) =>
  sendJson<ParticipationType>('POST', `${one(slug)}/participation-types`, body);
export const updateParticipationType = (slug: string, p: Pick<ParticipationType, 'id' | 'version'>, body: ParticipationTypeInput) =>
  sendJson<ParticipationType>('PUT', `${one(slug)}/participation-types/${encodeURIComponent(p.id)}`, body, { ifMatch: p.version });
export const deleteParticipationType = (slug: string, id: string) =>
  sendJson<unknown>('DELETE', `${one(slug)}/participation-types/${encodeURIComponent(id)}`);

// registration
/** My registration to the event; a 404 (none) is read as null, not as an error. */
export const useMyRegistration = (slug: string | null) => useApi<Registration>(slug === null ? null : `${one(slug)}/registrations/mine`);
export const register = (slug: string, body: RegistrationInput) => sendJson<Registration>('POST', `${one(slug)}/registrations`, body);
export const addAttendee = (slug: string, body: AttendeeInput) => sendJson<Registration>('POST', `${one(slug)}/attendees`, body);
export const useMyRegistrations = () => useApi<MyRegistrationList>('/my/registrations');
export const useRegistrations = (slug: string, filters: { status?: string; type?: string; q?: string; page?: number }) =>
  useApi<RegistrationList>(`${one(slug)}/registrations${queryString({ ...filters, pageSize: 50 })}`);
export const decideRegistration = (r: Pick<Registration, 'id' | 'version'>, action: 'approve' | 'decline' | 'cancel', reason?: string) =>
  sendJson<Registration>('POST', `${reg(r.id)}/${action}`, action === 'approve' ? {} : { reason }, { ifMatch: r.version });
export const useAttendance = (slug: string) => useApi<Attendance>(`${one(slug)}/attendance`);

// check-in
export const useCheckInSearch = (slug: string, q: string) =>
  useApi<{ items: Registration[] }>(`${one(slug)}/check-in${queryString({ q })}`);
export const checkIn = (id: string) => sendJson<Registration>('POST', `${reg(id)}/check-in`, {});
export const checkInBadge = (slug: string, token: string) => sendJson<Registration>('POST', `${one(slug)}/check-in/badge`, { token });
export const badgesPdf = (slug: string, registration?: string) => `/api/v1${one(slug)}/badges.pdf${queryString({ registration })}`;

// documents
export const useEventDocuments = (slug: string) => useApi<DocumentList>(`${one(slug)}/documents`);
export const documentUrl = (id: string) => `/api/v1/documents/${encodeURIComponent(id)}`;
/** The file itself as the body, its name in ?name= (as a registry record's documents). */
export async function uploadEventDocument(slug: string, file: File): Promise<DocumentView> {
  const token = currentCsrfToken();
  const response = await fetch(`/api/v1${one(slug)}/documents?name=${encodeURIComponent(file.name)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', accept: 'application/json', ...(token ? { 'x-csrf-token': token } : {}) },
    body: file,
  });
  if (!response.ok) throw new ApiRequestError(response.status, await response.json().catch(() => null));
  return (await response.json()) as DocumentView;
}
export const deleteEventDocument = (id: string) => sendJson<unknown>('DELETE', `/documents/${encodeURIComponent(id)}`);
