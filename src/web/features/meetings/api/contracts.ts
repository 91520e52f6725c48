/**
 * The answers of the events' meetings and outputs APIs as the pages read them, typed by the API's own
 * schemas (shared/schemas/events/meetings.ts, outputs.ts, events.ts, registration.ts), in one place for the pages.
 */
export type { Event as MeetingEvent } from '../../../../shared/schemas/events/events';
export type { Registration } from '../../../../shared/schemas/events/registration';
export type {
  MeetingSettingsInput,
  MeetingSettings,
  MeetingSlot,
  MeetingSlotList as SlotList,
  MeetingParticipant,
  MeetingParticipantList as ParticipantList,
  MeetingSuggestionList as SuggestionList,
  MyMeetingProfile as MyMeetings,
  MyMeetingProfileInput as MyMeetingsInput,
  MeetingRequest,
  MyMeetingRequests as MyRequests,
  ScheduleRun,
  Meeting as ScheduledMeeting,
  Schedule,
  MeetingOutcomeInput as OutcomeInput,
  MeetingStats,
} from '../../../../shared/schemas/events/meetings';
export type { Agenda, AgendaItem } from '../../../../shared/schemas/events/outputs';

import type { MeetingGridInput, Schedule } from '../../../../shared/schemas/events/meetings';

export type SlotBlock = MeetingGridInput['blocks'][number];
/** One side of a meeting, as the schedule names it. */
export type Side = Schedule['meetings'][number]['a'];
export type UnscheduledRequest = Schedule['unscheduled'][number];
/** Times a participant is away. */
export type BlockedTime = { startsAt: string; endsAt: string };
