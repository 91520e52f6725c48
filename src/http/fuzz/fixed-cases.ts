import type { FuzzRequest } from './requests.js';

/**
 * Requests that once answered 500 (or were accepted when they should not be), kept as fixed cases of the
 * fuzzer: they run first for their route, every time. Keyed by "METHOD /openapi/path".
 */
const get = (url: string): FuzzRequest => ({ method: 'GET', url, headers: {}, csrf: 'session', kind: 'fixed case' });
const json = (method: FuzzRequest['method'], url: string, payload: string | Buffer): FuzzRequest => ({
  method,
  url,
  headers: { 'content-type': 'application/json' },
  payload,
  csrf: 'session',
  kind: 'fixed case',
});

const profile = (name: string) =>
  `{"kind":"enterprise","sector":"business","region":"RU-KLU","city":null,"name":{"original":"fr","fr":${name}},"shortName":null,"description":null,"website":null,"nace":[],"areas":[]}`;

export const FIXED_CASES: Record<string, FuzzRequest[]> = {
  // Infinity passed the paging limits and read every organisation (7.8 s at 20,000), then answered 500
  'GET /api/v1/organisations': [
    get('/api/v1/organisations?pageSize=Infinity'),
    get('/api/v1/organisations?page=Infinity'),
    get('/api/v1/organisations?page=-Infinity'),
    get('/api/v1/organisations?pageSize=1e400'),
    get('/api/v1/organisations?q=%C3%28'),
  ],
  'GET /api/v1/glossary/concepts': [get('/api/v1/glossary/concepts?pageSize=Infinity'), get('/api/v1/glossary/concepts?q=%00')],
  'GET /api/v1/audit-events': [
    get('/api/v1/audit-events?limit=Infinity'),
    get('/api/v1/audit-events?offset=1e400'),
    get('/api/v1/audit-events?action=%00'),
    get('/api/v1/audit-events?entityType=%00'),
    get('/api/v1/audit-events?entityId=%00'),
  ],
  'GET /api/v1/audit-events.csv': [get('/api/v1/audit-events.csv?entityId=%00'), get('/api/v1/audit-events.csv?limit=Infinity')],
  // NUL characters and lone surrogates reached PostgreSQL, which refused them with a 500
  'PUT /api/v1/organisations/{slug}/profile': [
    json('PUT', '/api/v1/organisations/iate-mephi/profile', profile('"a\\u0000b"')),
    json('PUT', '/api/v1/organisations/iate-mephi/profile', profile('"\\ud800"')),
    // a body that is not UTF-8 was stored with U+FFFD in its place
    json('PUT', '/api/v1/organisations/iate-mephi/profile', Buffer.from(profile('"Caf\u00e9"'), 'latin1')),
  ],
  'POST /api/v1/organisations': [json('POST', '/api/v1/organisations', profile('"a\\u0000b"'))],
  'POST /api/v1/glossary/concepts': [
    json('POST', '/api/v1/glossary/concepts', '{"code":"nul-term","broader":[],"nace":[],"terms":[{"language":"en","term":"a\\u0000"}]}'),
  ],
  'GET /api/v1/organisations/{slug}': [get('/api/v1/organisations/%C3%28')],
};
