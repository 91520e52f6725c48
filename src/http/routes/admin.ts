import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/index.js';
import { CSV_SEPARATORS } from '../../services/csv/csv.js';
import { errors } from './responses.js';

const AuditQuery = Type.Object(
  {
    entityType: Type.Optional(Type.String({ maxLength: 50 })),
    entityId: Type.Optional(Type.String({ maxLength: 100 })),
    action: Type.Optional(Type.String({ maxLength: 100 })),
    actorId: Type.Optional(Type.String({ format: 'uuid' })),
    from: Type.Optional(Type.String({ format: 'date-time' })),
    to: Type.Optional(Type.String({ format: 'date-time' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
    offset: Type.Integer({ minimum: 0, maximum: 100000, default: 0 }),
  },
  { additionalProperties: false },
);
const AuditCsvQuery = Type.Object(
  {
    ...AuditQuery.properties,
    separator: Type.Optional(
      Type.Enum(['comma', 'semicolon'] as const, { description: 'The character between cells: , (default) or ; (French and Russian spreadsheets)' }),
    ),
  },
  { additionalProperties: false },
);
const AuditEvent = Type.Object({
  id: Type.String(),
  at: Type.String({ format: 'date-time' }),
  actorId: Type.Union([Type.String(), Type.Null()]),
  action: Type.String(),
  entityType: Type.String(),
  entityId: Type.String(),
  regionCode: Type.Union([Type.String(), Type.Null()]),
  before: Type.Unknown(),
  after: Type.Unknown(),
});

export const adminRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const filter = (q: { entityType?: string; entityId?: string; action?: string; actorId?: string; from?: string; to?: string }) => ({
      entityType: q.entityType,
      entityId: q.entityId,
      action: q.action,
      actorId: q.actorId,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined,
    });

    app.get(
      '/audit-events',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log (administrators; coordinators see their regions)',
          querystring: AuditQuery,
          response: { 200: Type.Object({ items: Type.Array(AuditEvent) }), ...errors },
        },
      },
      async (request) => {
        const rows = await services.admin.auditEvents(request.actor, filter(request.query), request.query.limit, request.query.offset);
        return { items: rows.map((r) => ({ ...r, at: r.at.toISOString() })) };
      },
    );

    app.get(
      '/audit-events.csv',
      {
        schema: {
          tags: ['audit'],
          summary: 'The audit log as CSV (UTF-8 with BOM); `separator=semicolon` for spreadsheets set to French or Russian',
          querystring: AuditCsvQuery,
          response: { 200: { type: 'string', description: 'CSV' }, ...errors },
        },
      },
      async (request, reply) => {
        const separator = CSV_SEPARATORS[request.query.separator ?? 'comma'];
        const csv = await services.admin.auditCsv(request.actor, filter(request.query), separator);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="audit-log.csv"').send(csv);
      },
    );

    app.get(
      '/admin/emails',
      {
        schema: {
          tags: ['audit'],
          summary: 'E-mails sent or written to the outbox (administrators)',
          response: {
            200: Type.Object({
              items: Type.Array(
                Type.Object({
                  id: Type.String(),
                  to: Type.String(),
                  subject: Type.String(),
                  text: Type.String(),
                  language: Type.String(),
                  transport: Type.String(),
                  createdAt: Type.String({ format: 'date-time' }),
                }),
              ),
            }),
            ...errors,
          },
        },
      },
      async (request) => {
        const rows = await services.admin.emails(request.actor);
        return { items: rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })) };
      },
    );
  };
