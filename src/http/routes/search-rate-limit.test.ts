import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../app.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
let app: FastifyInstance;
beforeAll(async () => {
  t = await createTestPlatform();
  app = await buildApp({ services: t.services, database: t.database.kind, webRoot: null, trustProxy: 1, searchRateLimit: 30 });
});
afterAll(async () => {
  await app.close();
  await t.close();
});

const fromAddress = (address: string, url: string) => app.inject({ url, headers: { 'x-forwarded-for': address } });

describe('the search rate limit', () => {
  it('answers a flooding address 429 with Retry-After, while another address is still served', async () => {
    const started = performance.now();
    const flood = await Promise.all(Array.from({ length: 60 }, () => fromAddress('203.0.113.7', '/api/v1/organisations?q=filtres')));
    const statuses = flood.map((r) => r.statusCode);
    // the first burst (the limit a minute) is served, the rest refused; on a slow machine the bucket refills
    // meanwhile (30 a minute: one every 2 s), and those are served too
    const refilled = Math.ceil((performance.now() - started) / 2000);
    const served = statuses.filter((s) => s === 200).length;
    expect(served).toBeGreaterThanOrEqual(30);
    expect(served).toBeLessThanOrEqual(30 + refilled);
    expect(statuses.filter((s) => s === 429)).toHaveLength(60 - served);
    const refused = flood.find((r) => r.statusCode === 429)!;
    expect(refused.json().error.code).toBe('rate_limited');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    // listings without words count too
    expect((await fromAddress('203.0.113.7', '/api/v1/organisations')).statusCode).toBe(429);

    expect((await fromAddress('198.51.100.20', '/api/v1/organisations?q=filtres')).statusCode).toBe(200);
    expect((await fromAddress('198.51.100.20', '/api/v1/organisations')).statusCode).toBe(200);
    // an organisation's page is not limited
    const slug = (await fromAddress('198.51.100.20', '/api/v1/organisations')).json().items[0].slug;
    expect((await fromAddress('203.0.113.7', `/api/v1/organisations/${slug}`)).statusCode).toBe(200);
  });
});
