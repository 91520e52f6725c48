import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { MergeBodySchema, MergeResultSchema, NamedPartyListSchema, NamedPartyParamsSchema, NamedPartyQuerySchema } from '../../../shared/schemas/registry.js';
import { errors } from '../responses.js';

const tags = ['registry'];

/** Parties not on the platform yet: the type-ahead of record forms, and the merge into the organisation they became. */
export const namedPartyRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { namedParties } = services.registry;

    app.get(
      '/named-parties',
      {
        schema: { tags, summary: 'Named parties not merged yet, by name (signed in)', querystring: NamedPartyQuerySchema, response: { 200: NamedPartyListSchema, ...errors } },
      },
      async (request) => namedParties.search(request.actor, request.query),
    );

    app.post(
      '/named-parties/:id/merge',
      {
        schema: {
          tags,
          summary: 'The named party joined as this organisation: its records name the organisation now',
          description: 'For coordinators of its region and administrators; a second merge is refused (409 already_merged).',
          params: NamedPartyParamsSchema,
          body: MergeBodySchema,
          response: { 200: MergeResultSchema, ...errors },
        },
      },
      async (request) => namedParties.merge(request.actor, request.params.id, request.body),
    );
  };
