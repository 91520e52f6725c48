import type { Repositories } from '../../repositories/index.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { MailSettings } from '../mailer.js';
import { createMeetingServices, type MeetingServices } from './meetings/index.js';
import { AgendaService } from './outputs/agenda.service.js';
import { PrintService } from './outputs/badges.service.js';
import { EventReminderService } from './outputs/reminders.js';
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
  meetingSettings: MeetingServices['meetingSettings'];
  meetingProfiles: MeetingServices['meetingProfiles'];
  meetingSuggestions: MeetingServices['meetingSuggestions'];
  meetingRequests: MeetingServices['meetingRequests'];
  schedule: MeetingServices['schedule'];
  meetingEdits: MeetingServices['meetingEdits'];
  meetingOutcomes: MeetingServices['meetingOutcomes'];
  // outputs
  /** A participant's agenda: JSON, iCalendar file and subscription feed, PDF. */
  agenda: AgendaService;
  /** Badges with their check-in QR codes, and the organisers' printable grid. */
  print: PrintService;
  /** E-mails each participant their meetings before they start (a job on the runner). */
  reminders: EventReminderService;
}

export interface EventServiceContext {
  repos: Repositories;
  mail: MailSettings;
  runner: JobRunner;
  /** Hours before a meeting its participants are reminded (EVENT_REMINDER_HOURS). */
  reminderHours?: number;
}

/** The meeting reminders, registered on the runner. */
const eventReminders = (context: EventServiceContext) => {
  const reminders = new EventReminderService(context.repos, context.mail, context.reminderHours);
  reminders.register(context.runner);
  return reminders;
};

export const createEventServices = (context: EventServiceContext): EventServices => {
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
    ...createMeetingServices(context.repos, context.mail),
    // outputs
    agenda: new AgendaService(context.repos, context.mail),
    print: new PrintService(context.repos, context.mail),
    reminders: eventReminders(context),
  };
};
