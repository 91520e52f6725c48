import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { MilestoneInputSchema, MilestoneParamsSchema, MilestonePatchSchema, RecordParamsSchema, RecordSchema } from '../../../shared/schemas/registry.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors } from '../responses.js';

const tags = ['registry'];

/** A joint initiative's milestones; each change moves the initiative's version on. */
export const milestoneRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { parts } = services.registry;

    app.post(
      '/initiatives/:slug/milestones',
      {
        schema: { tags, summary: 'Add a milestone', params: RecordParamsSchema, headers: IfMatchHeadersSchema, body: MilestoneInputSchema, response: { 200: RecordSchema, ...errors } },
      },
      async (request, reply) => {
        const record = await parts.addMilestone(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );

    app.patch(
      '/initiatives/:slug/milestones/:id',
      {
        schema: {
          tags,
          summary: 'Change a milestone (title, due day, done day)',
          params: MilestoneParamsSchema,
          headers: IfMatchHeadersSchema,
          body: MilestonePatchSchema,
          response: { 200: RecordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const record = await parts.updateMilestone(request.actor, request.params.slug, request.params.id, request.body, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );

    app.delete(
      '/initiatives/:slug/milestones/:id',
      { schema: { tags, summary: 'Remove a milestone', params: MilestoneParamsSchema, headers: IfMatchHeadersSchema, response: { 200: RecordSchema, ...errors } } },
      async (request, reply) => {
        const record = await parts.deleteMilestone(request.actor, request.params.slug, request.params.id, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );
  };
