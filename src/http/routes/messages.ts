import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/index.js';
import {
  ContactBodySchema,
  ContactOptionsSchema,
  ReplyBodySchema,
  ThreadListSchema,
  ThreadParamsSchema,
  ThreadSchema,
} from '../../shared/schemas/messaging.js';
import { NoQuerySchema } from '../../shared/schemas/common.js';
import { OrganisationParamsSchema } from '../../shared/schemas/organisations.js';
import { errors, readErrors } from './responses.js';

const tags = ['messages'];

/** "Contact this organisation" and the message threads between organisations. */
export const messageRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/organisations/:slug/contact',
      {
        schema: {
          tags,
          summary: 'Whether the reader may write to the organisation, why not, and as which of their organisations',
          params: OrganisationParamsSchema,
          response: { 200: ContactOptionsSchema, ...readErrors },
        },
      },
      async (request) => services.messaging.options(request.actor, request.params.slug),
    );

    app.post(
      '/organisations/:slug/contact',
      {
        schema: {
          tags,
          summary: 'Write to the organisation: a new thread, e-mailed to its administrators (Reply-To: the sender)',
          description:
            'For signed-in people of a validated organisation, on behalf of one of their validated organisations other than this one. Rate-limited per account.',
          params: OrganisationParamsSchema,
          body: ContactBodySchema,
          response: { 201: ThreadSchema, ...errors },
        },
      },
      async (request, reply) => {
        const thread = await services.messaging.contact(request.actor, request.params.slug, request.body);
        return reply.code(201).send(thread);
      },
    );

    app.get(
      '/messages',
      {
        schema: {
          tags,
          summary: 'The threads of the reader’s organisations, newest first',
          querystring: NoQuerySchema,
          response: { 200: ThreadListSchema, ...errors },
        },
      },
      async (request) => services.messaging.list(request.actor),
    );

    app.get(
      '/messages/:id',
      {
        schema: {
          tags,
          summary: 'One thread with its messages (people of its two organisations only); marks it read',
          params: ThreadParamsSchema,
          response: { 200: ThreadSchema, ...errors },
        },
      },
      async (request) => services.messaging.get(request.actor, request.params.id),
    );

    app.post(
      '/messages/:id/replies',
      {
        schema: {
          tags,
          summary: 'Answer in the thread; e-mailed to the other side’s people in it',
          params: ThreadParamsSchema,
          body: ReplyBodySchema,
          response: { 201: ThreadSchema, ...errors },
        },
      },
      async (request, reply) => {
        const thread = await services.messaging.reply(request.actor, request.params.id, request.body);
        return reply.code(201).send(thread);
      },
    );
  };
