import type { LightMyRequestResponse } from 'fastify';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';
import { buildApp, REQUEST_TIMEOUTS } from '../app.js';

/** The defects an outside test of the API found; each is also a fixed case of the fuzzer (src/http/fuzz). */
let t: TestPlatform;
let admin: TestUser;
let editor: TestUser;
let concept = '';
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await signedInUser(t, 'admin@example.org', [{ role: 'platform_admin' }]);
  editor = await signedInUser(t, 'editor@example.org', [{ role: 'org_admin', organisationSlug: 'iate-mephi' }]);
  concept = (await t.app.inject('/api/v1/glossary/concepts?pageSize=1')).json().items[0].code;
});
afterAll(() => t.close());

const refused = (res: LightMyRequestResponse, field: string, code = 'validation_failed') => {
  expect(res.statusCode, res.body).toBe(400);
  expect(res.json().error).toMatchObject({ code, field });
};

describe('numbers in query strings', () => {
  it.each([
    ['/api/v1/organisations?pageSize=Infinity', 'query.pageSize'],
    ['/api/v1/organisations?page=Infinity', 'query.page'],
    ['/api/v1/organisations?page=-Infinity', 'query.page'],
    ['/api/v1/organisations?pageSize=1e400', 'query.pageSize'],
    ['/api/v1/glossary/concepts?pageSize=Infinity', 'query.pageSize'],
    ['/api/v1/glossary/concepts?page=-1e400', 'query.page'],
    ['/api/v1/audit-events?limit=Infinity', 'query.limit'],
    ['/api/v1/audit-events?offset=1e400', 'query.offset'],
    ['/api/v1/audit-events.csv?limit=Infinity', 'query.limit'],
    ['/api/v1/classifications/nace?limit=Infinity', 'query.limit'],
    ['/api/v1/organisations/iate-mephi/partners?limit=-Infinity', 'query.limit'],
  ])('%s is a 400 naming the parameter', async (url, field) => {
    refused(await admin.get(url), field);
  });
});

describe('NUL characters and lone surrogates', () => {
  const texts = { nul: 'a\u0000b', surrogate: '\ud800' };

  it.each(Object.entries(texts))('%s in a profile, a new organisation or a glossary term is a 400 naming the field', async (_, text) => {
    refused(
      await editor.send('PUT', '/api/v1/organisations/iate-mephi/profile', profile({ name: { original: 'fr', fr: text } })),
      'body.name.fr',
    );
    refused(
      await editor.send('PUT', '/api/v1/organisations/iate-mephi/profile', profile({ website: `https://a.org/${text}` })),
      'body.website',
    );
    refused(await admin.send('POST', '/api/v1/organisations', profile({ city: { original: 'en', en: text } })), 'body.city.en');
    refused(await admin.send('POST', `/api/v1/glossary/concepts/${concept}/terms`, { language: 'fr', term: text }), 'body.term');
    refused(
      await admin.send('POST', '/api/v1/glossary/concepts', { code: 'nul-concept', terms: [{ language: 'en', term: `x${text}` }] }),
      'body.terms[0].term',
    );
  });

  it.each([
    ['/api/v1/glossary/concepts?q=%00', 'query.q'],
    ['/api/v1/organisations?q=a%00', 'query.q'],
    ['/api/v1/audit-events?action=%00', 'query.action'],
    ['/api/v1/audit-events?entityType=%00', 'query.entityType'],
    ['/api/v1/audit-events?entityId=%00', 'query.entityId'],
    ['/api/v1/audit-events.csv?entityId=%00', 'query.entityId'],
  ])('%s is a 400 naming the parameter', async (url, field) => {
    refused(await admin.get(url), field);
  });

  it('refuses a NUL in a header', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'user-agent': 'curl\u0000' } });
    refused(res, 'headers.user-agent');
  });

  it('keeps text that is valid Unicode, surrogate pairs included', async () => {
    const res = await editor.send(
      'PUT',
      '/api/v1/organisations/iate-mephi/profile',
      profile({ name: { original: 'en', en: 'Ceramics 🧪' } }),
    );
    expect(res.statusCode, res.body).toBe(200);
    expect((await editor.get('/api/v1/organisations/iate-mephi/profile')).json().profile.name.en).toBe('Ceramics 🧪');
  });
});

describe('encodings', () => {
  it('refuses a body that is not UTF-8 instead of storing U+FFFD', async () => {
    const latin1 = Buffer.from(JSON.stringify(profile({ name: { original: 'fr', fr: 'Caf#' } })));
    latin1[latin1.indexOf('#')] = 0xe9; // "é" in Latin-1, not UTF-8
    const cut = Buffer.from(JSON.stringify(profile({ name: { original: 'fr', fr: 'Café' } })));
    const halfChar = Buffer.concat([cut.subarray(0, cut.indexOf('é') + 1), cut.subarray(cut.indexOf('é') + 2)]);
    for (const payload of [latin1, halfChar]) {
      const res = await t.app.inject({
        method: 'PUT',
        url: '/api/v1/organisations/iate-mephi/profile',
        headers: { 'content-type': 'application/json', cookie: `cb_session=${editor.cookie}`, 'x-csrf-token': editor.csrf },
        payload,
      });
      refused(res, 'body', 'invalid_encoding');
    }
    const saved = (await editor.get('/api/v1/organisations/iate-mephi/profile')).json().profile.name;
    expect(JSON.stringify(saved)).not.toContain('\ufffd');
  });

  it.each([
    ['/api/v1/organisations?q=%C3%28', 'query'],
    ['/api/v1/organisations?q=%E0%A4%A', 'query'],
    ['/api/v1/organisations?q=%ED%A0%80', 'query'],
    ['/api/v1/glossary/concepts?q=100%', 'query'],
    ['/api/v1/organisations/%C3%28', 'params'],
    ['/api/v1/glossary/concepts/%E0%A4%A', 'params'],
  ])('%s is a 400 invalid_encoding', async (url, field) => {
    refused(await admin.get(url), field, 'invalid_encoding');
  });

  it('still reads + as a space and repeated parameters as a list', async () => {
    const res = await t.app.inject('/api/v1/organisations?q=IATE+MEPhI&region=RU-KLU&region=FR-NAQ');
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((o: { slug: string }) => o.slug)).toContain('iate-mephi');
  });
});

describe('request timeouts', () => {
  it('a server cuts off a half-sent body within 30 s', async () => {
    expect(REQUEST_TIMEOUTS.requestMs + REQUEST_TIMEOUTS.checkEveryMs).toBeLessThanOrEqual(30_000);
    const app = await buildApp({ services: t.services, database: t.engine, webRoot: null });
    try {
      expect(app.server.requestTimeout).toBe(REQUEST_TIMEOUTS.requestMs);
      expect(app.server.headersTimeout).toBe(REQUEST_TIMEOUTS.headersMs);
      expect(app.server.timeout).toBeGreaterThan(0);
      expect(app.server.timeout).toBeLessThanOrEqual(30_000);
    } finally {
      await app.close();
    }
  });

  it('closes a connection whose body stops half-way, and keeps kept-alive connections working', async () => {
    const app = await buildApp({
      services: t.services,
      database: t.engine,
      webRoot: null,
      timeouts: { requestMs: 1000, headersMs: 1000, idleMs: 3000, checkEveryMs: 200 },
    });
    await app.listen({ host: '127.0.0.1', port: 0 });
    const { port } = app.server.address() as { port: number };
    try {
      const started = Date.now();
      const closed = await new Promise<string>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => {
          socket.write(
            'POST /api/v1/auth/sign-in HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"email":',
          );
        });
        let answer = '';
        socket.on('data', (d) => (answer += d.toString()));
        socket.on('close', () => resolve(answer));
        socket.on('error', reject);
        setTimeout(() => reject(new Error('still open after 5 s')), 5000);
      });
      expect(Date.now() - started).toBeLessThan(5000);
      // answered in the API's error format before the connection is closed
      expect(closed.startsWith('HTTP/1.1 408')).toBe(true);
      expect(JSON.parse(closed.slice(closed.indexOf('\r\n\r\n') + 4))).toMatchObject({ error: { code: 'request_timeout' } });

      // two requests on one kept-alive connection, the second after a pause longer than the request timeout
      const answers = await new Promise<string[]>((resolve, reject) => {
        const got: string[] = [];
        const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n'));
        socket.on('data', (d) => {
          got.push(d.toString());
          if (got.length === 1) setTimeout(() => socket.write('GET /api/v1/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'), 1500);
        });
        socket.on('close', () => resolve(got));
        socket.on('error', reject);
      });
      expect(answers.join('').match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    } finally {
      await app.close();
    }
  });
});
