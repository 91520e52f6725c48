import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../../services/access.js';
import type { Services } from '../../../services/index.js';
import {
  SAVED_SEARCHES_MAX,
  SavedSearchInputSchema,
  SavedSearchListSchema,
  SavedSearchParamsSchema,
  SavedSearchPatchSchema,
  SavedSearchSchema,
} from '../../../shared/schemas/offer-alerts.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors } from '../responses.js';

const tags = ['marketplace'];

/** A member's saved searches of the marketplace (and saved areas), each with its daily or weekly digest. */
export const savedSearchRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/my/saved-searches',
      { schema: { tags, summary: 'My saved searches', response: { 200: SavedSearchListSchema, 401: errors[401] } } },
      async (request) => ({ items: await services.savedSearches.list(requireActor(request.actor)), max: SAVED_SEARCHES_MAX }),
    );

    app.post(
      '/my/saved-searches',
      {
        schema: {
          tags,
          summary: 'Save a search (or an area) for a digest of new offers',
          description: `Words and filters as the marketplace search takes them, or an area alone; a daily or weekly digest of the offers published from now on that it finds. At most ${SAVED_SEARCHES_MAX} a member (409 saved_searches_full).`,
          body: SavedSearchInputSchema,
          response: { 201: SavedSearchSchema, 400: errors[400], 401: errors[401], 403: errors[403], 409: errors[409], 422: errors[422] },
        },
      },
      async (request, reply) => {
        const saved = await services.savedSearches.create(requireActor(request.actor), request.body);
        sendVersion(reply, saved.version);
        return reply.status(201).send(saved);
      },
    );

    app.patch(
      '/my/saved-searches/:id',
      {
        schema: {
          tags,
          summary: 'Change a saved search (its name, query, frequency, or subscribe again)',
          params: SavedSearchParamsSchema,
          headers: IfMatchHeadersSchema,
          body: SavedSearchPatchSchema,
          response: { 200: SavedSearchSchema, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404], 409: errors[409], 422: errors[422] },
        },
      },
      async (request, reply) => {
        const saved = await services.savedSearches.update(requireActor(request.actor), request.params.id, request.body, expectedVersion(request));
        sendVersion(reply, saved.version);
        return saved;
      },
    );

    app.delete(
      '/my/saved-searches/:id',
      {
        schema: {
          tags,
          summary: 'Delete a saved search',
          params: SavedSearchParamsSchema,
          response: { 204: { type: 'null', description: 'Deleted' }, 400: errors[400], 401: errors[401], 403: errors[403], 404: errors[404] },
        },
      },
      async (request, reply) => {
        await services.savedSearches.remove(requireActor(request.actor), request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
