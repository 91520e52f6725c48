import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import {
  EventSlugParamsSchema,
  ParticipationTypeInputSchema,
  ParticipationTypeListSchema,
  ParticipationTypeParamsSchema,
  ParticipationTypePatchSchema,
  ParticipationTypeSchema,
} from '../../../shared/schemas/events/registration.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

const tags = ['events'];

/** An event's participation types: read by whoever reads the event, written by its organisers. */
export const participationTypeRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const types = services.events.participationTypes;

    app.get(
      '/events/:slug/participation-types',
      {
        schema: {
          tags,
          summary: 'The ways to take part in an event, with capacities, questions and the places left',
          params: EventSlugParamsSchema,
          response: { 200: ParticipationTypeListSchema, ...readErrors },
        },
      },
      async (request) => types.list(request.actor, request.params.slug),
    );

    app.post(
      '/events/:slug/participation-types',
      {
        schema: {
          tags,
          summary: 'Offer a way to take part (organisers): a capacity (none: unlimited), approval, questions',
          params: EventSlugParamsSchema,
          body: ParticipationTypeInputSchema,
          response: { 201: ParticipationTypeSchema, ...errors },
        },
      },
      async (request, reply) => {
        const type = await types.create(request.actor, request.params.slug, request.body);
        sendVersion(reply, type.version);
        return reply.code(201).send(type);
      },
    );

    app.put(
      '/events/:slug/participation-types/:id',
      {
        schema: {
          tags,
          summary:
            'Change a participation type (organisers); a capacity below the confirmed count is refused, a larger one confirms the waiting list',
          params: ParticipationTypeParamsSchema,
          headers: IfMatchHeadersSchema,
          body: ParticipationTypePatchSchema,
          response: { 200: ParticipationTypeSchema, ...errors },
        },
      },
      async (request, reply) => {
        const type = await types.update(request.actor, request.params.slug, request.params.id, request.body, expectedVersion(request));
        sendVersion(reply, type.version);
        return type;
      },
    );

    app.delete(
      '/events/:slug/participation-types/:id',
      {
        schema: {
          tags,
          summary: 'Delete a participation type nobody registered under (organisers)',
          params: ParticipationTypeParamsSchema,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
        },
      },
      async (request, reply) => {
        await types.delete(request.actor, request.params.slug, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
