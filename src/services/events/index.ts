import type { Repositories } from '../../repositories/index.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { MailSettings } from '../mailer.js';
import { DelegationService } from './events/delegation.service.js';
import { EventDocumentsService } from './events/event-documents.service.js';
import { EventService } from './events/event.service.js';
import { SessionService } from './events/session.service.js';
import { CheckInService } from './registration/check-in.service.js';
import { ParticipationTypeService } from './registration/participation-types.service.js';
import { RegistrationDecisions } from './registration/registration-decisions.js';
import { RegistrationService } from './registration/registration.service.js';

/**
 * The events' services, one folder per part: events/ (events, programme, delegations, documents),
 * registration/ (participation types, registrations, waiting list, check-in, attendee counts), meetings/
 * (the grid, requests, the scheduler's runs, pins, outcomes), outputs/ (iCalendar, PDF agendas and badges,
 * reminders), scheduler/ (the scheduler itself, free of the database). Each part adds its services here.
 */
export interface EventServices {
  // events
  events: EventService;
  sessions: SessionService;
  delegations: DelegationService;
  documents: EventDocumentsService;
  // registration
  participationTypes: ParticipationTypeService;
  registrations: RegistrationService;
  registrationDecisions: RegistrationDecisions;
  checkIn: CheckInService;
  // meetings
  // outputs
}

export interface EventServiceContext {
  repos: Repositories;
  mail: MailSettings;
  runner: JobRunner;
}

export const createEventServices = (context: EventServiceContext): EventServices => {
  void context;
  const registrations = new RegistrationService(context.repos, context.mail);
  return {
    // events
    events: new EventService(context.repos),
    sessions: new SessionService(context.repos),
    delegations: new DelegationService(context.repos),
    documents: new EventDocumentsService(context.repos),
    // registration
    participationTypes: new ParticipationTypeService(context.repos, context.mail),
    registrations,
    registrationDecisions: new RegistrationDecisions(context.repos, context.mail, registrations),
    checkIn: new CheckInService(context.repos, registrations),
    // meetings
    // outputs
  };
};
