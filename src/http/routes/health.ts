import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { NoQuerySchema } from '../../shared/schemas/common.js';
import { errors } from './responses.js';

export const healthRoutes =
  (database: 'pglite' | 'postgres'): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness, and which database engine serves',
          querystring: NoQuerySchema,
          response: {
            200: Type.Object({ status: Type.Literal('ok'), database: Type.Enum(['pglite', 'postgres'] as const) }),
            400: errors[400],
          },
        },
      },
      async () => ({ status: 'ok' as const, database }),
    );
  };
