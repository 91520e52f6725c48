import type { FastifyInstance } from 'fastify';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../services/index.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { buildApp } from '../app.js';

let t: TestPlatform;
let search: FastifyInstance;
let searchUrl: string;
const apps: FastifyInstance[] = [];

/** A port nobody listens on: a search process that has stopped. */
async function deadUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return `http://127.0.0.1:${port}`;
}

/** A web process: the same platform, but any use of an index fails, so an answer can only come forwarded. */
async function webProcess(urls: string[]): Promise<FastifyInstance> {
  const refuse = () => {
    throw new Error('a web process used an index');
  };
  const services = {
    ...t.services,
    directory: new Proxy(t.services.directory, { get: (target, key) => (key === 'search' ? refuse : Reflect.get(target, key)) }),
    matches: new Proxy(t.services.matches, { get: (target, key) => (key === 'suggest' ? refuse : Reflect.get(target, key)) }),
    registrySearch: new Proxy(t.services.registrySearch, { get: (target, key) => (key === 'search' ? refuse : Reflect.get(target, key)) }),
  } as Services;
  const app = await buildApp({ services, database: t.engine, webRoot: null, trustProxy: 1, searchServiceUrls: urls });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  // the search process trusts the web process's hop (loopback) and limits each reader to 3 searches a minute
  search = await buildApp({ services: t.services, database: t.engine, webRoot: null, trustProxy: ['loopback'], searchRateLimit: 3 });
  await search.listen({ port: 0, host: '127.0.0.1' });
  searchUrl = `http://127.0.0.1:${(search.server.address() as { port: number }).port}`;
}, 120_000);

afterAll(async () => {
  for (const app of apps) await app.close();
  await search?.close();
  await t?.close();
});

describe('a web process that sends the index routes to a search process', () => {
  it('answers searches, suggestions and registry searches as the search process does, in the reader’s language', async () => {
    const web = await webProcess([searchUrl]);
    const asks = [
      { url: '/api/v1/organisations?q=filtres', headers: { 'accept-language': 'ru', 'x-forwarded-for': '203.0.113.1' } },
      { url: '/api/v1/organisations/example-tehkeram/partners?limit=3', headers: { 'x-forwarded-for': '203.0.113.2' } },
      { url: '/api/v1/registry/search?q=coop%C3%A9ration', headers: { 'x-forwarded-for': '203.0.113.3' } },
    ];
    for (const ask of asks) {
      const direct = await search.inject({ method: 'GET', ...ask, remoteAddress: '127.0.0.1' });
      const forwarded = await web.inject({ method: 'GET', ...ask });
      expect(forwarded.statusCode, ask.url).toBe(200);
      expect(forwarded.headers['content-type']).toBe(direct.headers['content-type']);
      expect(forwarded.json()).toEqual(direct.json());
    }
    const russian = await web.inject({ method: 'GET', ...asks[0]! });
    expect(russian.headers.vary).toContain('Accept-Language');
    expect(russian.json().items.length).toBeGreaterThan(0);
  });

  it('passes over a search process that does not answer, and says so when none does', async () => {
    const web = await webProcess([await deadUrl(), searchUrl]);
    for (let i = 0; i < 2; i++) {
      const answer = await web.inject({ method: 'GET', url: '/api/v1/organisations?q=ceramics', headers: { 'x-forwarded-for': `198.51.100.${i}` } });
      expect(answer.statusCode).toBe(200);
    }
    const alone = await webProcess([await deadUrl()]);
    const down = await alone.inject({ method: 'GET', url: '/api/v1/organisations?q=ceramics' });
    expect(down.statusCode).toBe(503);
    expect(down.json().error.code).toBe('search_unavailable');
    // what needs no index is still answered by the web process itself
    expect((await alone.inject({ method: 'GET', url: '/api/v1/organisations/example-tehkeram' })).statusCode).toBe(200);
  });

  it('keeps each reader’s search rate limit at the search process, by the reader’s address, not the web process’s', async () => {
    const web = await webProcess([searchUrl]);
    const ask = (ip: string) => web.inject({ method: 'GET', url: '/api/v1/organisations?q=logiciels', headers: { 'x-forwarded-for': ip } });
    const flood = [];
    for (let i = 0; i < 5; i++) flood.push((await ask('192.0.2.10')).statusCode);
    expect(flood.slice(0, 3)).toEqual([200, 200, 200]);
    expect(flood.at(-1)).toBe(429);
    expect((await ask('192.0.2.11')).statusCode).toBe(200);
  });
});
