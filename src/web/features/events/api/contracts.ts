/** The events' API as the web app reads it: the shared schemas' types (src/shared/schemas/events/). */
export type {
  Delegation,
  DelegationInput,
  Event,
  EventInput,
  EventList,
  EventSummary,
  Session,
  SessionInput,
  TimeZoneList,
} from '../../../../shared/schemas/events/events';
export type {
  Attendance,
  AttendeeInput,
  Question,
  ParticipationType,
  ParticipationTypeInput,
  Registration,
  RegistrationInput,
  MyRegistrationList,
  RegistrationList,
} from '../../../../shared/schemas/events/registration';
export type { DocumentList, DocumentView } from '../../../../shared/schemas/documents';
