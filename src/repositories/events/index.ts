import type { Database } from '../../db/client.js';
import { AgendaRepository } from './agenda.repository.js';
import { EventAccessRepository } from './event-access.repository.js';
import { MeetingGridRepository } from './meeting-grid.repository.js';
import { MeetingRequestRepository } from './meeting-request.repository.js';
import { MeetingScheduleRepository } from './meeting-schedule.repository.js';
import { DelegationRepository } from './events/delegation.repository.js';
import { EventRepository } from './events/event.repository.js';
import { SessionRepository } from './events/session.repository.js';
import { RegistrationRepository } from './registration.repository.js';
import { ParticipationTypeRepository } from './registration-types.repository.js';

/**
 * The events' SQL, one repository per part: events and their programme and delegations; registrations;
 * the meeting grid, requests, meetings and scheduler runs. Each part adds its repository here.
 */
export interface EventRepositories {
  /** An event as every part's access checks read it (services/events/events/event-guard.ts). */
  access: EventAccessRepository;
  // events: their programme, delegations, documents
  events: EventRepository;
  sessions: SessionRepository;
  delegations: DelegationRepository;
  // registration: participation types, registrations, check-in
  participationTypes: ParticipationTypeRepository;
  registrations: RegistrationRepository;
  // meetings: grid, requests, meetings, scheduler runs, outcomes
  meetingGrid: MeetingGridRepository;
  meetingRequests: MeetingRequestRepository;
  meetingSchedule: MeetingScheduleRepository;
  // outputs: agendas, badges, calendar feeds, reminders
  agenda: AgendaRepository;
}

export const createEventRepositories = (db: Database): EventRepositories => {
  return {
    access: new EventAccessRepository(db),
    // events
    events: new EventRepository(db),
    sessions: new SessionRepository(db),
    delegations: new DelegationRepository(db),
    // registration
    participationTypes: new ParticipationTypeRepository(db),
    registrations: new RegistrationRepository(db),
    // meetings
    meetingGrid: new MeetingGridRepository(db),
    meetingRequests: new MeetingRequestRepository(db),
    meetingSchedule: new MeetingScheduleRepository(db),
    // outputs
    agenda: new AgendaRepository(db),
  };
};
