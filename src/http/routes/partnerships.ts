import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MultilingualTextSchema, NoQuerySchema } from '../../shared/schemas/common.js';
import { RegionCodeSchema, SlugSchema } from '../../shared/schemas/organisations.js';
import { OrganisationStatsSchema, PartnershipSchema } from '../../shared/schemas/reference.js';
import type { Services } from '../../services/index.js';
import { errors } from './responses.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../versioning.js';

export const partnershipRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/partnerships',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'Partnerships between regions',
          querystring: NoQuerySchema,
          response: {
            200: Type.Object({ items: Type.Array(Type.Object({ slug: Type.String(), name: MultilingualTextSchema(300) })) }),
            400: errors[400],
          },
        },
      },
      async () => ({ items: await services.partnerships.list() }),
    );

    app.get(
      '/partnerships/:slug',
      {
        schema: {
          tags: ['partnerships'],
          summary: 'A partnership: its sides, their regions and institutions, counts by kind and sector, areas of cooperation',
          params: Type.Object({ slug: SlugSchema }),
          response: { 200: PartnershipSchema, 400: errors[400], 404: errors[404] },
        },
      },
      async (request, reply) => {
        const partnership = await services.partnerships.get(request.params.slug);
        sendVersion(reply, partnership.version);
        return partnership;
      },
    );

    app.put(
      '/partnerships/:slug',
      {
        schema: {
          tags: ['partnerships'],
          summary: "Edit a partnership's name, description and areas (coordinators of its regions, administrators)",
          description: 'With If-Match (the ETag of the GET), a partnership edited by someone else since is refused: 409 version_conflict.',
          params: Type.Object({ slug: SlugSchema }),
          headers: IfMatchHeadersSchema,
          body: Type.Object(
            {
              name: MultilingualTextSchema(300),
              description: Type.Union([MultilingualTextSchema(5000), Type.Null()]),
              areas: Type.Array(SlugSchema, { maxItems: 50 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ ok: Type.Literal(true), version: Type.Integer() }), ...errors },
        },
      },
      async (request, reply) => {
        const version = await services.partnerships.update(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, version);
        return { ok: true as const, version };
      },
    );

    app.get(
      '/stats/organisations',
      {
        schema: {
          tags: ['organisations'],
          summary: 'Organisations by kind and by sector, for all regions or some',
          querystring: Type.Object(
            { region: Type.Optional(Type.Array(RegionCodeSchema, { maxItems: 20 })) },
            { additionalProperties: false },
          ),
          response: { 200: OrganisationStatsSchema, 400: errors[400], 422: errors[422] },
        },
      },
      async (request) => services.partnerships.statsForRegions(request.query.region ?? []),
    );
  };
