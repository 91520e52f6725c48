import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import type { RecordKind } from '../../../shared/registry.js';
import {
  LinkBodySchema,
  LinkParamsSchema,
  RECORD_COLLECTIONS,
  RecordCreateSchemas,
  RecordListQuerySchema,
  RecordListSchema,
  RecordParamsSchema,
  RecordPatchSchemas,
  RecordSchema,
  StageChangeBodySchema,
  type RecordCreateBody,
  type RecordPatchBody,
} from '../../../shared/schemas/registry.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

const NAMES: Record<RecordKind, string> = {
  agreement: 'agreement',
  initiative: 'joint initiative',
  academic_partnership: 'academic partnership',
  residency: 'technopark residency',
};

/** One kind's collection of the registry (/agreements, /initiatives, …): the same routes for every kind. */
export const recordRoutes =
  (services: Services, kind: RecordKind): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { records, stages, parts } = services.registry;
    const base = `/${RECORD_COLLECTIONS[kind]}`;
    const name = NAMES[kind];
    const tags = ['registry'];

    app.get(
      base,
      {
        schema: {
          tags,
          summary: `The ${name}s the reader may read, newest first, with filters`,
          querystring: RecordListQuerySchema,
          response: { 200: RecordListSchema, ...readErrors },
        },
      },
      async (request) => records.list(request.actor, kind, request.query),
    );

    app.post(
      base,
      {
        schema: {
          tags,
          summary: `Record a new ${name}`,
          description: 'Its creator must be an editor of one of the party organisations, or a coordinator of a party’s region.',
          body: RecordCreateSchemas[kind],
          response: { 201: RecordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const record = await records.create(request.actor, kind, request.body as RecordCreateBody);
        sendVersion(reply, record.version);
        return reply.code(201).send(record);
      },
    );

    app.get(
      `${base}/:slug`,
      {
        schema: { tags, summary: `One ${name}: parties, stage history, parts, links`, params: RecordParamsSchema, response: { 200: RecordSchema, ...readErrors } },
      },
      async (request, reply) => {
        const record = await records.get(request.actor, kind, request.params.slug);
        sendVersion(reply, record.version);
        return record;
      },
    );

    app.patch(
      `${base}/:slug`,
      {
        schema: {
          tags,
          summary: `Change the ${name}: the fields sent replace its own`,
          description: 'With If-Match (the ETag of the GET), a record saved by someone else since is refused: 409 version_conflict.',
          params: RecordParamsSchema,
          headers: IfMatchHeadersSchema,
          body: RecordPatchSchemas[kind],
          response: { 200: RecordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const record = await records.update(request.actor, kind, request.params.slug, request.body as RecordPatchBody, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );

    app.delete(
      `${base}/:slug`,
      {
        schema: {
          tags,
          summary: `Delete the ${name} while it is at its first stage`,
          params: RecordParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
        },
      },
      async (request, reply) => {
        await records.delete(request.actor, kind, request.params.slug, expectedVersion(request));
        return reply.code(204).send(null);
      },
    );

    app.post(
      `${base}/:slug/stage`,
      {
        schema: {
          tags,
          summary: `Move the ${name} to another stage`,
          description: 'Along its pipeline (the next step, or an end) by its editors; skips, steps back and leaving an end by coordinators only (409 stage_change_refused).',
          params: RecordParamsSchema,
          headers: IfMatchHeadersSchema,
          body: StageChangeBodySchema,
          response: { 200: RecordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const record = await stages.change(request.actor, kind, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );

    app.post(
      `${base}/:slug/links`,
      {
        schema: {
          tags,
          summary: `Link the ${name} to another record (shown on both)`,
          params: RecordParamsSchema,
          headers: IfMatchHeadersSchema,
          body: LinkBodySchema,
          response: { 200: RecordSchema, ...errors },
        },
      },
      async (request, reply) => {
        const record = await parts.link(request.actor, kind, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );

    app.delete(
      `${base}/:slug/links/:targetKind/:targetId`,
      {
        schema: { tags, summary: 'Remove a link, whichever record it was made on', params: LinkParamsSchema, headers: IfMatchHeadersSchema, response: { 200: RecordSchema, ...errors } },
      },
      async (request, reply) => {
        const record = await parts.unlink(request.actor, kind, request.params.slug, request.params.targetId, expectedVersion(request));
        sendVersion(reply, record.version);
        return record;
      },
    );
  };
