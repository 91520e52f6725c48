import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../../services/index.js';
import {
  EventSlugParamsSchema,
  IdParamsSchema,
  MeetingAcceptSchema,
  MeetingDeclineSchema,
  MeetingRequestInputSchema,
  MeetingRequestSchema,
  MyMeetingRequestsSchema,
  type MeetingRequest,
} from '../../../shared/schemas/events/meetings.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors } from '../responses.js';

const tags = ['events: meetings'];

const withVersion = (reply: FastifyReply, request: MeetingRequest) => {
  sendVersion(reply, request.version);
  return request;
};

/** Meeting requests between participants: sent with a priority, accepted with the recipient's, declined, cancelled. */
export const meetingRequestRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const requests = services.events.meetingRequests;

    app.post(
      '/events/:slug/meeting-requests',
      {
        schema: {
          tags,
          summary: 'Ask another participant for a one-to-one meeting (e-mailed to them)',
          description:
            'To oneself → 422 meeting_with_oneself; a pair with a pending or accepted request either way → 409 meeting_request_exists; a recipient not taking part → 422 meetings_not_enabled; requests closed → 422 meeting_requests_closed.',
          params: EventSlugParamsSchema,
          body: MeetingRequestInputSchema,
          response: { 201: MeetingRequestSchema, ...errors },
        },
      },
      async (request, reply) => {
        const created = await requests.create(request.actor, request.params.slug, request.body);
        return reply.code(201).send(withVersion(reply, created));
      },
    );

    app.get(
      '/events/:slug/meeting-requests/mine',
      {
        schema: {
          tags,
          summary: 'The meeting requests I sent and received at the event',
          params: EventSlugParamsSchema,
          response: { 200: MyMeetingRequestsSchema, ...errors },
        },
      },
      async (request) => requests.mine(request.actor, request.params.slug),
    );

    app.post(
      '/meeting-requests/:id/accept',
      {
        schema: {
          tags,
          summary:
            'Accept a meeting request with my priority (the recipient); after the final schedule it is placed at once into a free common slot',
          params: IdParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MeetingAcceptSchema,
          response: { 200: MeetingRequestSchema, ...errors },
        },
      },
      async (request, reply) =>
        withVersion(reply, await requests.accept(request.actor, request.params.id, request.body.priority, expectedVersion(request))),
    );

    app.post(
      '/meeting-requests/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline a meeting request (the recipient)',
          params: IdParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MeetingDeclineSchema,
          response: { 200: MeetingRequestSchema, ...errors },
        },
      },
      async (request, reply) =>
        withVersion(reply, await requests.decline(request.actor, request.params.id, request.body.reason, expectedVersion(request))),
    );

    app.post(
      '/meeting-requests/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Call a meeting request off (the requester while pending; either side once accepted: its meeting goes too)',
          params: IdParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: MeetingRequestSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await requests.cancel(request.actor, request.params.id, expectedVersion(request))),
    );
  };
