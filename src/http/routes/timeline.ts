import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/index.js';
import { SlugSchema } from '../../shared/schemas/organisations.js';
import { AreaParamsSchema, AreaTimelineQuerySchema, TimelinePageSchema, TimelineQuerySchema } from '../../shared/schemas/timeline.js';
import { Type } from '@fastify/type-provider-typebox';
import { readErrors } from './responses.js';

const tags = ['timeline'];
const description =
  'Records of the registry at their own date (else their validity’s start) and initiatives’ milestones, newest or oldest first, a page at a time (nextCursor). A date keeps its precision: a record of "2004" comes with precision year, at the head of 2004. Unpublished records only for their parties’ people and their regions’ coordinators.';

/** The timelines of a partnership, an organisation and an area of cooperation. */
export const timelineRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/partnerships/:slug/timeline',
      {
        schema: {
          tags,
          summary: "A partnership's timeline: records with a party in each side's regions",
          description,
          params: Type.Object({ slug: SlugSchema }),
          querystring: TimelineQuerySchema,
          response: { 200: TimelinePageSchema, ...readErrors },
        },
      },
      async (request) => services.timeline.partnership(request.actor, request.params.slug, request.query),
    );

    app.get(
      '/organisations/:slug/timeline',
      {
        schema: {
          tags,
          summary: "An organisation's timeline: the records it is a party of",
          description,
          params: Type.Object({ slug: SlugSchema }),
          querystring: TimelineQuerySchema,
          response: { 200: TimelinePageSchema, ...readErrors },
        },
      },
      async (request) => services.timeline.organisation(request.actor, request.params.slug, request.query),
    );

    app.get(
      '/areas/:code/timeline',
      {
        schema: {
          tags,
          summary: "An area of cooperation's timeline, in some regions when asked",
          description,
          params: AreaParamsSchema,
          querystring: AreaTimelineQuerySchema,
          response: { 200: TimelinePageSchema, ...readErrors },
        },
      },
      async (request) => services.timeline.area(request.actor, request.params.code, request.query),
    );
  };
