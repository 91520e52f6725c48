import type { Repositories } from '../../repositories/index.js';
import type { JobRunner } from '../jobs/job-runner.js';
import type { MailSettings } from '../mailer.js';
import { createMeetingServices, type MeetingServices } from './meetings/index.js';

/**
 * The events' services, one folder per part: events/ (events, programme, delegations, documents),
 * registration/ (participation types, registrations, waiting list, check-in, attendee counts), meetings/
 * (the grid, requests, the scheduler's runs, pins, outcomes), outputs/ (iCalendar, PDF agendas and badges,
 * reminders), scheduler/ (the scheduler itself, free of the database). Each part adds its services here.
 */
export interface EventServices {
  // events
  // registration
  // meetings
  meetingSettings: MeetingServices['meetingSettings'];
  meetingProfiles: MeetingServices['meetingProfiles'];
  meetingSuggestions: MeetingServices['meetingSuggestions'];
  meetingRequests: MeetingServices['meetingRequests'];
  schedule: MeetingServices['schedule'];
  meetingEdits: MeetingServices['meetingEdits'];
  meetingOutcomes: MeetingServices['meetingOutcomes'];
  // outputs
}

export interface EventServiceContext {
  repos: Repositories;
  mail: MailSettings;
  runner: JobRunner;
}

export const createEventServices = (context: EventServiceContext): EventServices => {
  void context;
  return {
    // events
    // registration
    // meetings
    ...createMeetingServices(context.repos, context.mail),
    // outputs
  };
};
