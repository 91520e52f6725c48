import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/index.js';
import { SearchRateLimit } from '../../services/search/search-rate-limit.js';
import { RecordSearchListSchema, RecordSearchQuerySchema } from '../../shared/schemas/registry-search.js';
import { errors } from './responses.js';

export const registrySearchRoutes =
  (services: Services, options: { searchRateLimit?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const limit = new SearchRateLimit(options.searchRateLimit ?? 0);
    app.get(
      '/registry/search',
      {
        onRequest: async (request) => limit.take(request.ip),
        schema: {
          tags: ['registry'],
          summary: 'Search the cooperation registry',
          description:
            'Agreements, joint initiatives, academic partnerships and technopark residencies found by words in any language (as the directory finds organisations: stems, prefixes, glossary concepts, vocabulary translations), with filters. Published records only. Several values of one filter match any of them; different filters all apply. 503 search_starting while the index loads after a start.',
          querystring: RecordSearchQuerySchema,
          response: { 200: RecordSearchListSchema, 400: errors[400], 422: errors[422], 429: errors[429] },
        },
      },
      async (request) => services.registrySearch.search(request.query),
    );
  };
