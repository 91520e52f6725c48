import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';
import { buildApp } from '../app.js';

// A running server compiles each route's validator and response serializer at its first use
// (compile-later.ts); the tests' apps compile them all at once. Both must answer every request alike: the
// same coercions, the same refusals naming the same field, the same bytes.
let t: TestPlatform;
let lazy: FastifyInstance;
let admin: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await signedInUser(t, 'lazy-admin@example.org', [{ role: 'platform_admin' }]);
  const vitest = process.env.VITEST;
  delete process.env.VITEST;
  try {
    lazy = await buildApp({ services: t.services, database: t.database.kind, webRoot: null, trustProxy: 1 });
    // the routes' validators and serializers are made (not compiled) as the app gets ready
    await lazy.ready();
  } finally {
    process.env.VITEST = vitest;
  }
});
afterAll(async () => {
  await lazy?.close();
  await t.close();
});

const cases: [string, string, unknown?][] = [
  ['GET', '/api/v1/organisations?pageSize=5&page=2'],
  ['GET', '/api/v1/organisations?page=0'],
  ['GET', '/api/v1/organisations?pageSize=abc'],
  ['GET', '/api/v1/organisations?pageSize=1e400'],
  ['GET', '/api/v1/organisations?sort=nonsense'],
  ['GET', '/api/v1/organisations?q=céramique&kind=enterprise'],
  ['GET', '/api/v1/organisations/iate-mephi/partners?limit=-3'],
  ['GET', '/api/v1/glossary/concepts?pageSize=2'],
  ['POST', '/api/v1/auth/sign-in', { email: 'not an address', password: 1 }],
  ['POST', '/api/v1/auth/sign-in', { email: 'nobody@example.org' }],
];

describe('route validators and serializers compiled at their first use', () => {
  it.each(cases)('%s %s is answered as when compiled at the start', async (method, url, body) => {
    const ask = (app: FastifyInstance) =>
      app.inject({ method: method as 'GET' | 'POST', url, ...(body === undefined ? {} : { payload: body as object }) });
    const [eager, late] = [await ask(t.app), await ask(lazy)];
    expect(late.statusCode, late.body).toBe(eager.statusCode);
    expect(late.body).toBe(eager.body);
  });

  it('keeps a signed-in request coerced and checked alike', async () => {
    const url = '/api/v1/audit-events?limit=3&offset=0';
    const headers = { cookie: `cb_session=${admin.cookie}` };
    const [eager, late] = [await t.app.inject({ url, headers }), await lazy.inject({ url, headers })];
    expect(late.statusCode).toBe(200);
    expect(late.body).toBe(eager.body);
  });
});
