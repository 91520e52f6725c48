import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import {
  EventItemParamsSchema,
  EventParamsSchema,
  SessionInputSchema,
  SessionListSchema,
  SessionPatchSchema,
  SessionSchema,
} from '../../../shared/schemas/events/events.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

/** An event's programme: sessions with times, rooms, speakers, languages and interpretation; a delegation's visits. */
export const sessionRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const sessions = services.events.sessions;
    const tags = ['events'];

    app.get(
      '/events/:slug/sessions',
      {
        schema: {
          tags,
          summary: 'The programme, by start',
          params: EventParamsSchema,
          response: { 200: SessionListSchema, ...readErrors },
        },
      },
      async (request) => sessions.list(request.actor, request.params.slug),
    );

    app.post(
      '/events/:slug/sessions',
      {
        schema: {
          tags,
          summary: 'Add a session, site visit or break (organisers)',
          description:
            'Within the event’s start and end: one outside is refused with 422 event_invalid naming body.startsAt or body.endsAt.',
          params: EventParamsSchema,
          body: SessionInputSchema,
          response: { 201: SessionSchema, ...errors },
        },
      },
      async (request, reply) => {
        const session = await sessions.create(request.actor, request.params.slug, request.body);
        sendVersion(reply, session.version);
        return reply.code(201).send(session);
      },
    );

    app.put(
      '/events/:slug/sessions/:id',
      {
        schema: {
          tags,
          summary: 'Change a session: the fields sent replace its own',
          params: EventItemParamsSchema,
          headers: IfMatchHeadersSchema,
          body: SessionPatchSchema,
          response: { 200: SessionSchema, ...errors },
        },
      },
      async (request, reply) => {
        const session = await sessions.update(
          request.actor,
          request.params.slug,
          request.params.id,
          request.body,
          expectedVersion(request),
        );
        sendVersion(reply, session.version);
        return session;
      },
    );

    app.delete(
      '/events/:slug/sessions/:id',
      {
        schema: {
          tags,
          summary: 'Remove a session from the programme',
          params: EventItemParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 204: Type.Null({ description: 'Removed' }), ...errors },
        },
      },
      async (request, reply) => {
        await sessions.delete(request.actor, request.params.slug, request.params.id, expectedVersion(request));
        return reply.code(204).send(null);
      },
    );
  };
