import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

export const healthRoutes =
  (database: 'pglite' | 'postgres'): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/health',
      {
        schema: {
          tags: ['system'],
          summary: 'Liveness, and which database engine serves',
          response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.Enum(['pglite', 'postgres'] as const) }) },
        },
      },
      async () => ({ status: 'ok' as const, database }),
    );
  };
