import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../../services/index.js';
import {
  EventSlugParamsSchema,
  IdParamsSchema,
  MeetingOutcomeInputSchema,
  MeetingPlaceSchema,
  MeetingSchema,
  ScheduleRunInputSchema,
  ScheduleRunSchema,
  ScheduleSchema,
  type Meeting,
} from '../../../shared/schemas/events/meetings.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors } from '../responses.js';

const tags = ['events: schedule'];

const withVersion = (reply: FastifyReply, meeting: Meeting) => {
  sendVersion(reply, meeting.version);
  return meeting;
};

/** The organisers' schedule: scheduler runs, publication, the grid view, moves and pins; the sides' outcomes. */
export const scheduleRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { schedule, meetingEdits, meetingOutcomes } = services.events;

    app.post(
      '/events/:slug/schedule/runs',
      {
        schema: {
          tags,
          summary:
            'Run the scheduler (organisers): preliminary (re)places the meetings not pinned; final also publishes; late_requests places requests accepted since',
          description: 'The answer gives the figures: accepted, scheduled and the upper bound on what can be, in count and weight.',
          params: EventSlugParamsSchema,
          body: ScheduleRunInputSchema,
          response: { 201: ScheduleRunSchema, ...errors },
        },
      },
      async (request, reply) => reply.code(201).send(await schedule.run(request.actor, request.params.slug, request.body.kind)),
    );

    app.post(
      '/events/:slug/schedule/publish',
      {
        schema: {
          tags,
          summary:
            'Publish the preliminary schedule as final without running again (organisers); each participant is e-mailed their meetings',
          params: EventSlugParamsSchema,
          response: { 200: ScheduleSchema, ...errors },
        },
      },
      async (request) => schedule.publish(request.actor, request.params.slug),
    );

    app.get(
      '/events/:slug/schedule',
      {
        schema: {
          tags,
          summary: 'The grid of all slots and tables with the meetings and the unscheduled requests (organisers)',
          params: EventSlugParamsSchema,
          response: { 200: ScheduleSchema, ...errors },
        },
      },
      async (request) => schedule.view(request.actor, request.params.slug),
    );

    app.post(
      '/meetings/:id/move',
      {
        schema: {
          tags,
          summary:
            'Move a meeting to a slot and table, and pin it there (organisers); a busy or blocked participant or a taken table → 409 meeting_conflict',
          params: IdParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MeetingPlaceSchema,
          response: { 200: MeetingSchema, ...errors },
        },
      },
      async (request, reply) =>
        withVersion(reply, await meetingEdits.move(request.actor, request.params.id, request.body, expectedVersion(request))),
    );

    for (const [action, pinned] of [
      ['pin', true],
      ['unpin', false],
    ] as const) {
      app.post(
        `/meetings/:id/${action}`,
        {
          schema: {
            tags,
            summary: pinned
              ? 'Pin a meeting where it is: a re-run keeps it (organisers)'
              : 'Unpin a meeting: the next run may move it (organisers)',
            params: IdParamsSchema,
            headers: IfMatchHeadersSchema,
            response: { 200: MeetingSchema, ...errors },
          },
        },
        async (request, reply) =>
          withVersion(reply, await meetingEdits.pin(request.actor, request.params.id, expectedVersion(request), pinned)),
      );
    }

    app.post(
      '/meetings/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a meeting: an organiser’s leaves the request to be placed again; a side’s calls the request off too',
          params: IdParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: MeetingSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await meetingEdits.cancel(request.actor, request.params.id, expectedVersion(request))),
    );

    app.post(
      '/meeting-requests/:id/place',
      {
        schema: {
          tags,
          summary: 'Place an accepted request without a meeting by hand, pinned (organisers), with the move’s conflict checks',
          params: IdParamsSchema,
          body: MeetingPlaceSchema,
          response: { 201: MeetingSchema, ...errors },
        },
      },
      async (request, reply) =>
        reply.code(201).send(withVersion(reply, await meetingEdits.place(request.actor, request.params.id, request.body))),
    );

    app.put(
      '/meetings/:id/outcome',
      {
        schema: {
          tags,
          summary:
            'Record what came of a meeting (its sides, once it started); an agreement or letter of intent may link a registry agreement of both organisations',
          params: IdParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MeetingOutcomeInputSchema,
          response: { 200: MeetingSchema, ...errors },
        },
      },
      async (request, reply) =>
        withVersion(reply, await meetingOutcomes.record(request.actor, request.params.id, request.body, expectedVersion(request))),
    );
  };
