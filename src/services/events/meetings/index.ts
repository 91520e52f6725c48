import type { Repositories } from '../../../repositories/index.js';
import type { MailSettings } from '../../mailer.js';
import { MeetingEditService } from './meeting-edit.service.js';
import { MeetingOutcomeService } from './meeting-outcome.service.js';
import { MeetingProfileService } from './meeting-profile.service.js';
import { MeetingRequestService } from './meeting-request.service.js';
import { MeetingSettingsService } from './meeting-settings.service.js';
import { MeetingSuggestionService } from './meeting-suggestions.service.js';
import { ScheduleService } from './schedule.service.js';

/** One-to-one meetings: the grid, profiles, suggestions, requests, the scheduler's runs, the organisers' edits, outcomes. */
export interface MeetingServices {
  meetingSettings: MeetingSettingsService;
  meetingProfiles: MeetingProfileService;
  meetingSuggestions: MeetingSuggestionService;
  meetingRequests: MeetingRequestService;
  schedule: ScheduleService;
  meetingEdits: MeetingEditService;
  meetingOutcomes: MeetingOutcomeService;
}

export function createMeetingServices(repos: Repositories, mail: MailSettings): MeetingServices {
  const meetingProfiles = new MeetingProfileService(repos);
  const meetingEdits = new MeetingEditService(repos, mail);
  return {
    meetingSettings: new MeetingSettingsService(repos),
    meetingProfiles,
    meetingSuggestions: new MeetingSuggestionService(repos, meetingProfiles),
    meetingRequests: new MeetingRequestService(repos, mail),
    schedule: new ScheduleService(repos, mail),
    meetingEdits,
    meetingOutcomes: new MeetingOutcomeService(repos, meetingEdits),
  };
}
