import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

describe('system routes', () => {
  it('reports health and the database engine', async () => {
    const res = await t.app.inject('/api/v1/health');
    expect(res.json()).toEqual({ status: 'ok', database: t.engine });
  });

  it('publishes an OpenAPI 3.1 document listing every API route', async () => {
    const doc = (await t.app.inject('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    const routes = t.app.printRoutes({ commonPrefix: false });
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/v1/areas',
      '/api/v1/classifications/nace',
      '/api/v1/classifications/resolve',
      '/api/v1/health',
      '/api/v1/organisations',
      '/api/v1/organisations/{slug}',
      '/api/v1/partnerships',
      '/api/v1/partnerships/{slug}',
      '/api/v1/regions',
      '/api/v1/stats/organisations',
    ]);
    expect(routes).toContain('/api/v1/organisations');
    expect(doc.paths['/api/v1/organisations'].get.responses['400']).toBeDefined();
  });

  it('serves the browsable API documentation', async () => {
    const res = await t.app.inject('/api/docs/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const res = await t.app.inject('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('route_not_found');
  });

  it('an empty database still answers the directory', async () => {
    const res = await t.app.inject('/api/v1/organisations');
    expect(res.json().meta.total).toBe(0);
  });
});
