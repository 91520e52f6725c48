import type { Database } from '../../db/client.js';

/**
 * The events' SQL, one repository per part: events and their programme and delegations; registrations;
 * the meeting grid, requests, meetings and scheduler runs. Each part adds its repository here.
 */
export interface EventRepositories {
  // events: their programme, delegations, documents
  // registration: participation types, registrations, check-in
  // meetings: grid, requests, meetings, scheduler runs, outcomes
  // outputs: agendas, badges, calendar feeds, reminders
}

export const createEventRepositories = (db: Database): EventRepositories => {
  void db;
  return {
    // events
    // registration
    // meetings
    // outputs
  };
};
