import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { DOCUMENT_MAX_BYTES_DEFAULT } from '../../../shared/registry.js';
import { DocumentListSchema, DocumentSchema, UploadQuerySchema } from '../../../shared/schemas/documents.js';
import { EventParamsSchema } from '../../../shared/schemas/events/events.js';
import { notAFileBody, UPLOAD_TYPE, uploadOf } from '../documents.js';
import { errors, readErrors } from '../responses.js';

/**
 * An event's documents: the upload is the file itself, read as a stream as the registry's are (this plugin's
 * own parser hands the body over unread; the document limit applies, not the JSON one). Downloads and
 * deletions are the existing /documents/:id, checked against the event.
 */
export const eventDocumentRoutes =
  (services: Services, options: { maxBytes?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    const maxBytes = options.maxBytes ?? DOCUMENT_MAX_BYTES_DEFAULT;
    const documents = services.events.documents;
    const tags = ['events'];
    app.addContentTypeParser(UPLOAD_TYPE, (_request, payload, done) => done(null, payload));
    app.addContentTypeParser('*', (_request, _payload, done) => done(notAFileBody()));

    app.get(
      '/events/:slug/documents',
      {
        schema: {
          tags,
          summary: 'The event’s documents, newest first, and whether the reader may add and delete them',
          params: EventParamsSchema,
          response: { 200: DocumentListSchema, ...readErrors },
        },
      },
      async (request) => documents.list(request.actor, request.params.slug, maxBytes),
    );

    app.post(
      '/events/:slug/documents',
      {
        schema: {
          tags,
          summary: 'Attach a document to the event (organisers): the body is the file (application/octet-stream), its name in ?name=',
          consumes: [UPLOAD_TYPE],
          params: EventParamsSchema,
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
        const document = await documents.upload(request.actor, request.params.slug, uploadOf(request, maxBytes));
        return reply.code(201).send(document);
      },
    );
  };
