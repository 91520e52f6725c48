import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import {
  EventSlugParamsSchema,
  MeetingGridInputSchema,
  MeetingParticipantListSchema,
  MeetingParticipantQuerySchema,
  MeetingSettingsInputSchema,
  MeetingSettingsSchema,
  MeetingSlotListSchema,
  MeetingStatsSchema,
  MeetingSuggestionListSchema,
  MyMeetingProfileInputSchema,
  MyMeetingProfileSchema,
} from '../../../shared/schemas/events/meetings.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

const tags = ['events: meetings'];

/** One-to-one meetings: the settings and the grid (organisers), a participant's meeting profile, people to meet, the figures. */
export const meetingRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { meetingSettings, meetingProfiles, meetingSuggestions, schedule } = services.events;

    app.get(
      '/events/:slug/meeting-settings',
      {
        schema: {
          tags,
          summary: 'The event’s meeting settings (ETag: the event’s version)',
          params: EventSlugParamsSchema,
          response: { 200: MeetingSettingsSchema, ...readErrors },
        },
      },
      async (request, reply) => {
        const settings = await meetingSettings.settings(request.actor, request.params.slug);
        sendVersion(reply, settings.version);
        return settings;
      },
    );

    app.put(
      '/events/:slug/meeting-settings',
      {
        schema: {
          tags,
          summary:
            'Set whether the event has one-to-one meetings, their length, the break after N back to back, when requests close (organisers)',
          params: EventSlugParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MeetingSettingsInputSchema,
          response: { 200: MeetingSettingsSchema, ...errors },
        },
      },
      async (request, reply) => {
        const settings = await meetingSettings.update(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, settings.version);
        return settings;
      },
    );

    app.get(
      '/events/:slug/meeting-slots',
      {
        schema: {
          tags,
          summary: 'The meeting grid: slots in time order with their tables',
          params: EventSlugParamsSchema,
          response: { 200: MeetingSlotListSchema, ...readErrors },
        },
      },
      async (request) => meetingSettings.slots(request.actor, request.params.slug),
    );

    app.put(
      '/events/:slug/meeting-slots',
      {
        schema: {
          tags,
          summary: 'Replace the grid: each block is cut into slots of the meeting length (organisers)',
          description:
            'A block outside the event → 422 slot_outside_event naming body.blocks.<i>; overlapping blocks → 422 slots_overlap; slots with meetings that would go → 409 schedule_exists.',
          params: EventSlugParamsSchema,
          body: MeetingGridInputSchema,
          response: { 200: MeetingSlotListSchema, ...errors },
        },
      },
      async (request) => meetingSettings.replaceSlots(request.actor, request.params.slug, request.body),
    );

    app.get(
      '/events/:slug/meeting-participants',
      {
        schema: {
          tags,
          summary: 'The confirmed participants taking part in meetings (for confirmed participants and organisers), by name',
          params: EventSlugParamsSchema,
          querystring: MeetingParticipantQuerySchema,
          response: { 200: MeetingParticipantListSchema, ...errors },
        },
      },
      async (request) => meetingProfiles.participants(request.actor, request.params.slug, request.query),
    );

    app.get(
      '/events/:slug/meetings/me',
      {
        schema: {
          tags,
          summary:
            'My meeting profile at the event: taking part, what I offer and seek, my offers, my blocked times (ETag: my registration’s version)',
          params: EventSlugParamsSchema,
          response: { 200: MyMeetingProfileSchema, ...errors },
        },
      },
      async (request, reply) => {
        const profile = await meetingProfiles.mine(request.actor, request.params.slug);
        sendVersion(reply, profile.version);
        return profile;
      },
    );

    app.put(
      '/events/:slug/meetings/me',
      {
        schema: {
          tags,
          summary: 'Change my meeting profile and blocked times (If-Match: my registration’s version)',
          params: EventSlugParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MyMeetingProfileInputSchema,
          response: { 200: MyMeetingProfileSchema, ...errors },
        },
      },
      async (request, reply) => {
        const profile = await meetingProfiles.update(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, profile.version);
        return profile;
      },
    );

    app.get(
      '/events/:slug/meetings/suggestions',
      {
        schema: {
          tags,
          summary: 'People to meet: other participants whose organisations the partner matchmaking scores best against mine, with reasons',
          params: EventSlugParamsSchema,
          response: { 200: MeetingSuggestionListSchema, ...errors },
        },
      },
      async (request) => meetingSuggestions.suggest(request.actor, request.params.slug),
    );

    app.get(
      '/events/:slug/meeting-stats',
      {
        schema: {
          tags,
          summary: 'Meetings requested, accepted, scheduled, held and their outcomes (numbers only)',
          params: EventSlugParamsSchema,
          response: { 200: MeetingStatsSchema, ...readErrors },
        },
      },
      async (request) => schedule.stats(request.actor, request.params.slug),
    );
  };
