import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SESSION_DAYS } from '../../services/accounts/context.js';
import type { Services } from '../../services/index.js';
import { requireActor } from '../../services/access.js';
import {
  EmailBodySchema,
  ResetBodySchema,
  SessionSchema,
  SignInBodySchema,
  SignUpBodySchema,
  TokenBodySchema,
} from '../../shared/schemas/auth.js';
import { SESSION_COOKIE, sessionCookieOptions } from '../plugins/session.js';
import { presentSession } from '../../presenters/session.presenter.js';
import { errors } from './responses.js';

const Done = Type.Object({ ok: Type.Literal(true), message: Type.Optional(Type.String()) });
const tags = ['accounts'];

export const authRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const client = (request: { ip: string; headers: Record<string, unknown> }) => ({
      ip: request.ip,
      userAgent: (request.headers['user-agent'] as string | undefined) ?? null,
    });

    app.get(
      '/auth/session',
      { schema: { tags, summary: 'Who is signed in, and the anti-forgery token for writes', response: { 200: SessionSchema } } },
      async (request) =>
        request.actor
          ? presentSession(request.actor.user, request.actor.grants, request.cookies[SESSION_COOKIE]!)
          : { user: null, csrfToken: null },
    );

    const signUpMessage = 'Check your e-mail: a message to this address says how to go on.';
    app.post(
      '/auth/sign-up',
      {
        schema: {
          tags,
          summary:
            'Create an account; the answer is the same whether or not the address has one: a confirmation link is e-mailed to a new address (none with an invitation, which confirms it), a note to sign in or reset the password to an address with an account',
          body: SignUpBodySchema,
          response: { 202: Done, ...errors },
        },
      },
      async (request, reply) => {
        await services.auth.signUp(request.body, client(request));
        return reply.status(202).send({ ok: true, message: signUpMessage });
      },
    );

    app.post(
      '/auth/confirm-email',
      {
        schema: {
          tags,
          summary: 'Confirm the e-mail address with the e-mailed token',
          body: TokenBodySchema,
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.auth.confirmEmail(request.body.token);
        return { ok: true as const };
      },
    );

    const resendMessage = 'If an account with this address waits for confirmation, a new link is on its way.';
    app.post(
      '/auth/confirm-email/resend',
      {
        schema: {
          tags,
          summary: 'E-mail the confirmation link again (the answer is the same for any address; only an unconfirmed account gets a link)',
          body: EmailBodySchema,
          response: { 202: Done, ...errors },
        },
      },
      async (request, reply) => {
        await services.auth.resendConfirmation(request.body.email, client(request));
        return reply.status(202).send({ ok: true, message: resendMessage });
      },
    );

    app.post(
      '/auth/sign-in',
      {
        schema: { tags, summary: 'Sign in: sets the session cookie', body: SignInBodySchema, response: { 200: SessionSchema, ...errors } },
      },
      async (request, reply) => {
        const { token, user } = await services.auth.signIn(
          request.body.email,
          request.body.password,
          client(request),
          request.cookies[SESSION_COOKIE],
        );
        reply.setCookie(SESSION_COOKIE, token, sessionCookieOptions(request, SESSION_DAYS * 24 * 3600));
        return presentSession(user, await services.repos.accounts.grantsOf(user.id), token);
      },
    );

    app.post(
      '/auth/sign-out',
      { schema: { tags, summary: 'End this session', response: { 200: Done, ...errors } } },
      async (request, reply) => {
        await services.auth.signOut(requireActor(request.actor));
        reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return { ok: true as const };
      },
    );

    const resetMessage = 'If an account has this address, a link to reset its password is on its way.';
    app.post(
      '/auth/password-reset/request',
      {
        schema: {
          tags,
          summary: 'E-mail a password reset link (the answer is the same for any address)',
          body: EmailBodySchema,
          response: { 202: Done, ...errors },
        },
      },
      async (request, reply) => {
        await services.credentials.requestPasswordReset(request.body.email, client(request));
        return reply.status(202).send({ ok: true, message: resetMessage });
      },
    );

    app.post(
      '/auth/password-reset',
      {
        schema: {
          tags,
          summary: 'Set a new password with the e-mailed token; ends every session',
          body: ResetBodySchema,
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.credentials.resetPassword(request.body.token, request.body.password);
        return { ok: true as const };
      },
    );
  };
