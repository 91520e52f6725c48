import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../services/access.js';
import { AppError } from '../../services/errors.js';
import type { Services } from '../../services/index.js';

export const SESSION_COOKIE = 'cb_session';
export const CSRF_HEADER = 'x-csrf-token';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
}

/** The anti-forgery token of a session: derived from its secret, so nothing more is stored. */
export const csrfTokenFor = (sessionToken: string) => createHash('sha256').update(`csrf:${sessionToken}`).digest('base64url');

export function sessionCookieOptions(request: FastifyRequest, maxAgeSeconds: number) {
  return { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: request.protocol === 'https', maxAge: maxAgeSeconds };
}

/**
 * Reads the session cookie into request.actor, and refuses a cookie-authenticated write that does not
 * carry the session's anti-forgery token in a header (a cross-site form cannot set headers).
 */
export async function registerSession(app: FastifyInstance, services: Services): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('actor', null);
  app.addHook('preHandler', async (request) => {
    const token = request.cookies[SESSION_COOKIE];
    request.actor = await services.auth.actorFor(token);
    if (request.actor && token && UNSAFE.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = Buffer.from(csrfTokenFor(token));
      if (typeof sent !== 'string' || sent.length !== expected.length || !timingSafeEqual(Buffer.from(sent), expected)) {
        throw new AppError('csrf_failed', undefined, `headers.${CSRF_HEADER}`);
      }
    }
  });
}
