import Fastify, { type FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FuzzRoute } from './openapi-routes.js';
import { encodePart, requestsFor } from './requests.js';
import { send } from './runner.js';
import { toJson, raw } from './schema-values.js';

/** The fuzzer's own checks: it must see what it is there to see. */
let app: FastifyInstance;
beforeAll(async () => {
  app = Fastify();
  app.get('/crash', async () => {
    throw new Error('boom');
  });
  app.get('/unregistered', async (_, reply) => reply.status(400).send({ error: { code: 'made_up', message: 'x' } }));
  app.get('/wrong-status', async (_, reply) => reply.status(400).send({ error: { code: 'not_found', message: 'x' } }));
  app.get('/text', async (_, reply) => reply.status(404).type('text/plain').send('nothing'));
  app.get('/slow', async () => new Promise((resolve) => setTimeout(() => resolve({ ok: true }), 2200)));
  app.get('/ok', async () => ({ ok: true }));
  app.get('/fine', async (_, reply) => reply.status(404).send({ error: { code: 'not_found', message: 'No such record.' } }));
  await app.ready();
});
afterAll(() => app.close());

const get = (url: string) => send(app, { method: 'GET', url, headers: {}, csrf: 'session', kind: 'test' }, { name: 'visitor' });

describe('the fuzzer runner', () => {
  it('flags a 500, an unregistered code, a code with another status, an error that is not JSON, and a slow answer', async () => {
    expect((await get('/crash')).problem).toMatch(/answered 500/);
    expect((await get('/unregistered')).problem).toMatch(/unregistered code made_up/);
    expect((await get('/wrong-status')).problem).toMatch(/not_found, which is a 404/);
    expect((await get('/text')).problem).toMatch(/without a JSON body/);
    expect((await get('/slow')).problem).toMatch(/took \d+ ms/);
    expect((await get('/fine')).problem).toBeNull();
    const accepted = await send(
      app,
      { method: 'GET', url: '/ok', headers: {}, csrf: 'session', kind: 'test', mustRefuse: 'query.page is Infinity' },
      { name: 'visitor' },
    );
    expect(accepted.problem).toMatch(/accepted although query.page is Infinity/);
  });

  it('writes lone surrogates and non-finite numbers the way a hostile client would', () => {
    expect(encodePart('a\ud800')).toBe('a%ED%A0%80');
    expect(encodePart('é/')).toBe('%C3%A9%2F');
    expect(toJson({ n: raw('1e400'), s: 'a\u0000' })).toBe('{"n":1e400,"s":"a\\u0000"}');
  });

  it('fills path parameters from real data and the query from the schema', () => {
    const route: FuzzRoute = {
      method: 'GET',
      path: '/api/v1/things/{slug}',
      parameters: [
        { name: 'slug', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } },
        { name: 'page', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 10 } },
      ],
      body: null,
    };
    const urls = fc.sample(requestsFor(route, { slug: ['real-one'] }), { numRuns: 300, seed: 1 }).map((r) => r.url);
    expect(urls.filter((u) => u.startsWith('/api/v1/things/real-one')).length).toBeGreaterThan(100);
    expect(urls.some((u) => /page=(Infinity|1e400|-1e400|11)/.test(u))).toBe(true);
    expect(urls.some((u) => /page=([1-9]|10)(&|$)/.test(u))).toBe(true);
    const refused = fc.sample(requestsFor(route, {}), { numRuns: 300, seed: 1 }).filter((r) => r.mustRefuse);
    expect(refused.some((r) => /page=(Infinity|1e400|-Infinity)/.test(r.url))).toBe(true);
    expect(refused.every((r) => /page=[^&]*(Infinity|1e400|%00|%ED%[AB])/i.test(r.url))).toBe(true);
  });
});
