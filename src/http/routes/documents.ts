import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import contentDisposition from 'content-disposition';
import { Readable } from 'node:stream';
import { AppError } from '../../services/errors.js';
import type { Services } from '../../services/index.js';
import { DOCUMENT_MAX_BYTES_DEFAULT } from '../../shared/registry.js';
import { transliterate } from '../../shared/transliterate.js';
import {
  DocumentListSchema,
  DocumentParamsSchema,
  DocumentSchema,
  RecordParamsSchema,
  UploadQuerySchema,
} from '../../shared/schemas/documents.js';
import { errors, readErrors } from './responses.js';

const tags = ['documents'];
export const UPLOAD_TYPE = 'application/octet-stream';

/**
 * The name for clients that do not read `filename*` (RFC 5987): Cyrillic transliterated, anything else
 * outside printable ASCII as "_", so that «Соглашение 2004.pdf» saves as "Soglashenie 2004.pdf", not "?".
 */
const asciiName = (name: string) =>
  transliterate(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]/g, '_');

export const notAFileBody = () =>
  new AppError('unsupported_media_type', `Send the file itself as the request body, as ${UPLOAD_TYPE}.`, 'headers.content-type');

/**
 * Documents of registry records. An upload's body is the file as it is (not a form), so the route reads it
 * as a stream: this plugin's own parser hands Fastify's request stream over unread, the app's 256 KiB
 * JSON body limit does not apply, and the service enforces the document limit instead. The session's
 * anti-forgery check runs before the handler reads a byte (preHandler), as for every other write.
 */
/**
 * What an upload route hands its service: the streamed body (never buffered), the name from ?name=, the length the
 * client declared (checked against the limit before reading), the limit. A registry record's and an event's alike.
 */
export function uploadOf(request: { body: unknown; headers: { 'content-length'?: string }; query: { name: string } }, maxBytes: number) {
  if (!(request.body instanceof Readable)) throw notAFileBody();
  const length = request.headers['content-length'];
  return {
    fileName: request.query.name,
    body: request.body,
    declaredLength: length && /^\d+$/.test(length) ? Number(length) : null,
    maxBytes,
  };
}

export const documentRoutes =
  (services: Services, options: { maxBytes?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const maxBytes = options.maxBytes ?? DOCUMENT_MAX_BYTES_DEFAULT;
    app.addContentTypeParser(UPLOAD_TYPE, (_request, payload, done) => done(null, payload));
    app.addContentTypeParser('*', (_request, _payload, done) => done(notAFileBody()));

    app.get(
      '/records/:idOrSlug/documents',
      {
        schema: {
          tags,
          summary: 'The documents attached to a registry record, newest first, and whether the reader may add and delete them',
          params: RecordParamsSchema,
          response: { 200: DocumentListSchema, ...readErrors },
        },
      },
      async (request) => services.documents.list(request.actor, request.params.idOrSlug, maxBytes),
    );

    app.post(
      '/records/:idOrSlug/documents',
      {
        schema: {
          tags,
          summary: 'Attach a document: the body is the file (application/octet-stream), its name in ?name=',
          description:
            'For the parties’ editors and their regions’ coordinators. The type is read from the content (PDF, Word, Excel, PowerPoint, OpenDocument, PNG, JPEG, WebP); anything else is a 415, a file over the limit a 413, and nothing is stored.',
          consumes: [UPLOAD_TYPE],
          params: RecordParamsSchema,
          querystring: UploadQuerySchema,
          response: {
            201: DocumentSchema,
            ...errors,
            413: { description: 'Larger than the platform accepts (params.limit)', $ref: 'Error#' },
            415: { description: 'Not a kind of file the platform accepts', $ref: 'Error#' },
          },
        },
      },
      async (request, reply) => {
        const document = await services.documents.upload(request.actor, request.params.idOrSlug, uploadOf(request, maxBytes));
        return reply.code(201).send(document);
      },
    );

    app.get(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Download a document, as an attachment, for those who may read its record or event',
          produces: ['application/octet-stream'],
          params: DocumentParamsSchema,
          response: { 200: { description: 'The file, with the type read from its content' }, ...readErrors },
        },
      },
      async (request, reply) => {
        const { document, bytes } = await services.documents.download(request.actor, request.params.id);
        return reply
          .header('content-type', document.mediaType)
          .header('content-length', String(document.size))
          .header('content-disposition', contentDisposition(document.fileName, { fallback: asciiName(document.fileName) }))
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-cache')
          .header('etag', `"${document.sha256}"`)
          .send(Readable.from(bytes, { objectMode: false }));
      },
    );

    app.delete(
      '/documents/:id',
      {
        schema: {
          tags,
          summary: 'Delete a document (a record’s: the parties’ editors and their regions’ coordinators; an event’s: its organisers)',
          params: DocumentParamsSchema,
          response: { 204: { description: 'Deleted', type: 'null' }, ...errors },
        },
      },
      async (request, reply) => {
        await services.documents.remove(request.actor, request.params.id);
        return reply.code(204).send(null);
      },
    );
  };
