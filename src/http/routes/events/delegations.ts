import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import {
  EventItemParamsSchema,
  EventParamsSchema,
  DelegationInputSchema,
  DelegationListSchema,
  DelegationPatchSchema,
  DelegationSchema,
} from '../../../shared/schemas/events/events.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

/** An event's visiting delegations: from a region, their head and members, travel dates, their programme of visits. */
export const delegationRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const delegations = services.events.delegations;
    const tags = ['events'];

    app.get(
      '/events/:slug/delegations',
      {
        schema: {
          tags,
          summary: 'The visiting delegations, each with its members and programme of visits',
          params: EventParamsSchema,
          response: { 200: DelegationListSchema, ...readErrors },
        },
      },
      async (request) => delegations.list(request.actor, request.params.slug),
    );

    app.post(
      '/events/:slug/delegations',
      {
        schema: {
          tags,
          summary: 'Add a visiting delegation (organisers)',
          description: 'At most one head; a departure before the arrival is refused with 422 event_invalid naming body.departsOn.',
          params: EventParamsSchema,
          body: DelegationInputSchema,
          response: { 201: DelegationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const delegation = await delegations.create(request.actor, request.params.slug, request.body);
        sendVersion(reply, delegation.version);
        return reply.code(201).send(delegation);
      },
    );

    app.put(
      '/events/:slug/delegations/:id',
      {
        schema: {
          tags,
          summary: 'Change a delegation: the fields sent replace its own, members whole',
          params: EventItemParamsSchema,
          headers: IfMatchHeadersSchema,
          body: DelegationPatchSchema,
          response: { 200: DelegationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const delegation = await delegations.update(
          request.actor,
          request.params.slug,
          request.params.id,
          request.body,
          expectedVersion(request),
        );
        sendVersion(reply, delegation.version);
        return delegation;
      },
    );

    app.delete(
      '/events/:slug/delegations/:id',
      {
        schema: {
          tags,
          summary: 'Remove a delegation and its programme of visits',
          params: EventItemParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 204: Type.Null({ description: 'Removed' }), ...errors },
        },
      },
      async (request, reply) => {
        await delegations.delete(request.actor, request.params.slug, request.params.id, expectedVersion(request));
        return reply.code(204).send(null);
      },
    );
  };
