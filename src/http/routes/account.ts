import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireActor } from '../../services/access.js';
import type { Services } from '../../services/index.js';
import { ChangeEmailBodySchema, ChangePasswordBodySchema, SessionListSchema, TokenBodySchema } from '../../shared/schemas/auth.js';
import { errors } from './responses.js';

const Done = Type.Object({ ok: Type.Literal(true) });
const tags = ['accounts'];

export const accountRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/me/sessions',
      { schema: { tags, summary: 'My active sessions', response: { 200: SessionListSchema, ...errors } } },
      async (request) => {
        const actor = requireActor(request.actor);
        const sessions = await services.credentials.sessions(actor);
        return {
          items: sessions.map((s) => ({
            id: s.id,
            current: s.id === actor.sessionId,
            createdAt: s.createdAt.toISOString(),
            lastSeenAt: s.lastSeenAt.toISOString(),
            userAgent: s.userAgent,
            ip: s.ip,
          })),
        };
      },
    );

    app.delete(
      '/me/sessions/:id',
      {
        schema: {
          tags,
          summary: 'End one of my sessions',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.credentials.endSession(requireActor(request.actor), request.params.id);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/password',
      {
        schema: {
          tags,
          summary: 'Change my password; ends my other sessions',
          body: ChangePasswordBodySchema,
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.credentials.changePassword(requireActor(request.actor), request.body.currentPassword, request.body.newPassword);
        return { ok: true as const };
      },
    );

    app.post(
      '/me/email',
      {
        schema: {
          tags,
          summary: 'Change my e-mail address: a link is sent to the new one',
          body: ChangeEmailBodySchema,
          response: { 202: Done, ...errors },
        },
      },
      async (request, reply) => {
        await services.credentials.requestEmailChange(requireActor(request.actor), request.body.password, request.body.email);
        return reply.status(202).send({ ok: true as const });
      },
    );

    app.post(
      '/me/email/confirm',
      {
        schema: {
          tags,
          summary: 'Confirm the new e-mail address with the e-mailed token',
          body: TokenBodySchema,
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.credentials.confirmEmailChange(request.body.token);
        return { ok: true as const };
      },
    );
  };
