import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import { CSV_SEPARATORS } from '../../../services/csv/csv.js';
import { RECORD_KINDS } from '../../../shared/registry.js';
import { errors } from '../responses.js';

const tags = ['registry'];

const ExportQuerySchema = Type.Object(
  {
    format: Type.Enum(['jsonl', 'csv'], { default: 'jsonl' }),
    kind: Type.Optional(Type.Enum(RECORD_KINDS)),
    separator: Type.Enum(Object.keys(CSV_SEPARATORS) as (keyof typeof CSV_SEPARATORS)[], { default: 'comma', description: 'CSV: semicolon for spreadsheets set to French or Russian' }),
  },
  { additionalProperties: false },
);

const ImportBodySchema = Type.Object(
  {
    records: Type.Array(Type.Object({}, { additionalProperties: true }), {
      minItems: 1,
      maxItems: 10000,
      description: 'the lines of a registry export (docs/import-export.md), one object each; checked line by line',
    }),
  },
  { additionalProperties: false },
);

const ImportReportSchema = Type.Object({ inserted: Type.Integer(), skipped: Type.Integer(), links: Type.Integer() });

/** The registry as JSON Lines and CSV (export), and its import all-or-nothing (administrators). */
export const registryTransferRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { transfer } = services.registry;

    app.get(
      '/registry/export',
      {
        schema: {
          tags,
          summary: 'The cooperation records as JSON Lines, or their list as CSV (published ones; administrators: all)',
          querystring: ExportQuerySchema,
          response: { 200: { type: 'string', description: 'JSON Lines (application/x-ndjson) or CSV' }, ...errors },
        },
      },
      async (request, reply) => {
        const { format, kind, separator } = request.query;
        const name = `cooperation-records${kind ? `-${kind}` : ''}.${format}`;
        reply.header('content-disposition', `attachment; filename="${name}"`);
        if (format === 'csv') return reply.type('text/csv; charset=utf-8').send(await transfer.exportCsv(request.actor, kind, CSV_SEPARATORS[separator]));
        return reply.type('application/x-ndjson; charset=utf-8').send(transfer.exportLines(request.actor, kind));
      },
    );

    app.post(
      '/registry/import',
      {
        schema: {
          tags,
          summary: 'Import cooperation records, all or none (platform administrators)',
          description: 'Every line is checked as the record’s create checks it; one problem anywhere and nothing is written (422 import_invalid, each problem with its line).',
          body: ImportBodySchema,
          response: { 200: ImportReportSchema, ...errors },
        },
      },
      async (request) => transfer.import(request.actor, request.body.records),
    );
  };
