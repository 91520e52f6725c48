import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { SearchRateLimit } from '../../../services/search/search-rate-limit.js';
import { matchLanguage } from '../../../shared/languages.js';
import { OfferListQuerySchema, OfferListSchema } from '../../../shared/schemas/offers.js';
import { errors } from '../responses.js';

export const offerSearchRoutes =
  (services: Services, options: { searchRateLimit?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const limit = new SearchRateLimit(options.searchRateLimit ?? 0);
    app.get(
      '/offers',
      {
        // before the query is validated or the session read: a flood costs as little as it can
        onRequest: async (request) => limit.take(request.ip),
        schema: {
          tags: ['marketplace'],
          summary: 'Search the marketplace of cooperation offers and requests',
          description:
            'Published offers and requests (until their expiry) found by words in any language — matched across Russian, French and English as the directory matches organisations — and filters: kind, area, owner’s region (a region covers its subdivisions), target region (offers seeking partners there, or anywhere), NACE, partnership sought. Several values of one filter match any of them; different filters all apply. Best first with words, newest published first without; `why` says each result’s reasons in the reader’s language (lang, else Accept-Language). An anonymous offer’s owner is not named. 503 search_starting while the index loads after a start.',
          querystring: OfferListQuerySchema,
          response: { 200: OfferListSchema, 400: errors[400], 422: errors[422], 429: errors[429] },
        },
      },
      async (request, reply) => {
        if (request.query.lang === undefined) reply.header('vary', 'Accept-Language');
        const lang = request.query.lang ?? matchLanguage(request.headers['accept-language']);
        return services.offerSearch.search({ ...request.query, lang }, request.actor);
      },
    );
  };
