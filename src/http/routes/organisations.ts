import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  OrganisationDetailSchema,
  OrganisationListQuerySchema,
  OrganisationListSchema,
  OrganisationParamsSchema,
} from '../../shared/schemas/organisations.js';
import type { Services } from '../../services/index.js';
import { SearchRateLimit } from '../../services/search/search-rate-limit.js';
import { errors } from './responses.js';
import { matchLanguage } from '../../shared/languages.js';

/** JSON of the responses the directory keeps (the same object for every reader), by the route's response schema. */
const serialised = new WeakMap<object, string>();

/** Sends a response serialised once for as long as the directory keeps it, rather than at every request. */
function sendKept(reply: FastifyReply, body: object) {
  let json = serialised.get(body);
  if (json === undefined) serialised.set(body, (json = reply.serialize(body) as string));
  return reply.type('application/json; charset=utf-8').send(json);
}

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
            'Words in any language (stemmed, accents ignored, prefixes match) and filters. Several values of one filter match any of them; different filters all apply. A region covers its subdivisions. A listing without words counts its total exactly up to 10,000 organisations; beyond, `meta.total` is an estimate to two significant digits and `meta.totalEstimated` is true.',
          querystring: OrganisationListQuerySchema,
          response: { 200: OrganisationListSchema, 400: errors[400], 422: errors[422], 429: errors[429] },
        },
      },
      async (request, reply) => {
        // the reader's language orders names; without `lang` the browser's languages say it, so the answer varies by them
        if (request.query.lang === undefined) reply.header('vary', 'Accept-Language');
        const lang = request.query.lang ?? matchLanguage(request.headers['accept-language']);
        return sendKept(reply, await services.directory.search({ ...request.query, lang }));
      },
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
      async (request, reply) => sendKept(reply, await services.directory.get(request.params.slug, request.actor)),
    );
  };
