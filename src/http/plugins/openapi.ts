import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { ErrorSchema } from '../../shared/schemas/common.js';

/** The OpenAPI 3.1 document, built from the routes' own schemas, at /api/openapi.json and browsable at /api/docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  app.addSchema(ErrorSchema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Clusterbridge API',
        version: '1',
        description:
          'Organisations, regions and partnerships of cross-border cooperation between regional innovation ecosystems. Texts are multilingual (ru, fr, en). Errors have a stable `code`, a `message` and the `field` at fault.',
      },
      servers: [],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'cb_session', description: 'Set by POST /api/v1/auth/sign-in' },
          csrf: {
            type: 'apiKey',
            in: 'header',
            name: 'X-CSRF-Token',
            description: 'From GET /api/v1/auth/session; required on writes made with the session cookie',
          },
        },
      },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}
