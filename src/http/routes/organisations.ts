import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  OrganisationDetailSchema,
  OrganisationListQuerySchema,
  OrganisationListSchema,
  OrganisationParamsSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../../services/index.js';
import { SearchRateLimit } from '../../services/search/search-rate-limit.js';
import { errors } from './responses.js';

export const organisationRoutes =
  (services: Services, options: { searchRateLimit?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const limit = new SearchRateLimit(options.searchRateLimit ?? 0);
    app.get(
      '/organisations',
      {
        // before the query is validated or the session read: a flood costs as little as it can
        onRequest: async (request) => limit.take(request.ip),
        schema: {
          tags: ['organisations'],
          summary: 'Search the organisation directory',
          description:
            'Words in any language (stemmed, accents ignored, prefixes match) and filters. Several values of one filter match any of them; different filters all apply. A region covers its subdivisions.',
          querystring: OrganisationListQuerySchema,
          response: { 200: OrganisationListSchema, 400: errors[400], 422: errors[422], 429: errors[429] },
        },
      },
      async (request) => services.directory.search(request.query),
    );

    app.get(
      '/organisations/:slug',
      {
        schema: {
          tags: ['organisations'],
          summary: "An organisation's profile",
          params: OrganisationParamsSchema,
          response: { 200: OrganisationDetailSchema, 400: errors[400], 404: errors[404] },
        },
      },
      async (request) => services.directory.get(request.params.slug, request.actor),
    );
  };
