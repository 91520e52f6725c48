import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../services/errors.js';

/**
 * The API's reads answered from the in-memory indexes (directory, partners, registry and marketplace
 * search, offer matching), by route as registered under /api/v1. A web process that forwards them holds
 * no index: its memory stays that of a process without search, whatever the number of organisations.
 */
export const INDEX_ROUTES = new Set([
  '/api/v1/organisations',
  '/api/v1/organisations/:slug/partners',
  '/api/v1/organisations/:slug/suggested-offers',
  '/api/v1/registry/search',
  '/api/v1/offers',
  '/api/v1/offers/:slug/matches',
  '/api/v1/offers/:slug/suggested-partners',
]);

/** What the search process is told of the reader, and what it says back, besides the body. */
const ASKED = ['accept', 'accept-language', 'cookie', 'authorization', 'if-none-match', 'user-agent'];
const ANSWERED = ['content-type', 'content-language', 'vary', 'retry-after', 'cache-control', 'etag'];

/** A search process that does not answer in this time is skipped for the next one. */
const FORWARD_TIMEOUT_MS = 10_000;

/**
 * Sends the index routes' GET requests to the search processes (SEARCH_SERVICE_URL: the same server code,
 * started with the indexes, docs/scaling.md), in turn, the next one when one does not answer; the reader's
 * session cookie and languages go along, and the client's address as X-Forwarded-For (the search process
 * trusts this hop: TRUST_PROXY), so its rate limit and answer are the reader's. Forwarded before the
 * session is read: the search process reads it, once.
 */
export function registerSearchForwarding(app: FastifyInstance, urls: string[]): void {
  let next = 0;
  app.addHook('onRequest', async (request, reply) => {
    if (request.method !== 'GET' || !INDEX_ROUTES.has(request.routeOptions.url ?? '')) return;
    const start = next++ % urls.length;
    for (let i = 0; i < urls.length; i++) {
      const base = urls[(start + i) % urls.length]!;
      const answered = await forward(base, request, reply);
      if (answered) return reply;
    }
    throw new AppError('search_unavailable');
  });
}

async function forward(base: string, request: FastifyRequest, reply: FastifyReply): Promise<boolean> {
  const headers: Record<string, string> = {};
  for (const name of ASKED) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  // the reader's address as this process reads it (behind its own proxies too): the search process trusts this one hop
  headers['x-forwarded-for'] = request.ip;
  headers['x-forwarded-proto'] = request.protocol;
  let response: Response;
  try {
    response = await fetch(new URL(request.url, base), { headers, redirect: 'manual', signal: AbortSignal.timeout(FORWARD_TIMEOUT_MS) });
  } catch (error) {
    request.log.warn({ err: error, searchService: base }, 'a search process did not answer; trying the next one');
    return false;
  }
  reply.code(response.status);
  for (const name of ANSWERED) {
    const value = response.headers.get(name);
    if (value !== null) reply.header(name, value);
  }
  await reply.send(Buffer.from(await response.arrayBuffer()));
  return true;
}
