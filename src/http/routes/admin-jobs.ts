import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { presentJob } from '../../presenters/job.presenter.js';
import type { Services } from '../../services/index.js';
import { JobListQuerySchema, JobListSchema, JobParamsSchema, JobSchema } from '../../shared/schemas/jobs.js';
import { DigestRunBodySchema } from '../../shared/schemas/offer-alerts.js';
import { errors } from './responses.js';

const tags = ['admin'];

/** The background jobs, for platform administrators: what ran, what failed and why, and a retry. */
export const adminJobRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/admin/jobs',
      {
        schema: {
          tags,
          summary: 'Recent background jobs (newest first) and how many are in each state (platform administrators)',
          querystring: JobListQuerySchema,
          response: { 200: JobListSchema, ...errors },
        },
      },
      async (request) => {
        const { state, name, limit } = request.query;
        const { counts, items } = await services.jobs.list(request.actor, { state, name }, limit);
        return { counts, items: items.map(presentJob) };
      },
    );

    app.post(
      '/admin/jobs/:id/retry',
      {
        schema: {
          tags,
          summary: 'Queue a failed job again, with its attempts renewed (platform administrators)',
          params: JobParamsSchema,
          response: { 200: JobSchema, ...errors },
        },
      },
      async (request) => presentJob(await services.jobs.retry(request.actor, request.params.id)),
    );

    app.post(
      '/admin/jobs/digests',
      {
        schema: {
          tags,
          summary: 'Send the marketplace digests of one frequency now (platform administrators)',
          description:
            'Queues a run of its own covering up to now: each saved search of the frequency gets the offers published since its last digest, none twice; the job and its progress are listed with the others.',
          body: DigestRunBodySchema,
          response: { 202: JobSchema, ...errors },
        },
      },
      async (request, reply) => {
        const job = await services.digests.sendNow(request.actor, request.body.frequency);
        reply.code(202);
        return presentJob(job);
      },
    );
  };
