import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/index.js';
import {
  ConceptCodeSchema,
  ConceptListQuerySchema,
  ConceptListSchema,
  ConceptSchema,
  GlossaryChangeSchema,
  NewConceptSchema,
  NewTermSchema,
} from '../../shared/schemas/glossary.js';
import { errors, readErrors } from './responses.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../versioning.js';

const tags = ['glossary'];
const CodeParams = Type.Object({ code: ConceptCodeSchema });

export const glossaryRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/glossary/concepts',
      {
        schema: {
          tags,
          summary: 'The trilingual concept glossary that search and matchmaking use',
          querystring: ConceptListQuerySchema,
          response: { 200: ConceptListSchema, 400: errors[400] },
        },
      },
      async (request) => services.glossary.list(request.query),
    );

    app.get(
      '/glossary/concepts/:code',
      { schema: { tags, summary: 'One concept with its terms', params: CodeParams, response: { 200: ConceptSchema, ...readErrors } } },
      async (request, reply) => {
        const concept = await services.glossary.get(request.params.code);
        sendVersion(reply, concept.version);
        return concept;
      },
    );

    app.post(
      '/glossary/concepts',
      {
        schema: {
          tags,
          summary: 'Add a concept with its terms (coordinators, administrators)',
          description: 'Organisations whose texts contain one of the terms are tagged at once; the response says how many.',
          body: NewConceptSchema,
          response: { 201: GlossaryChangeSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await services.glossary.createConcept(request.actor, request.body)),
    );

    app.post(
      '/glossary/concepts/:code/terms',
      {
        schema: {
          tags,
          summary: 'Add a term (a translation or a synonym) to a concept (coordinators, administrators)',
          description: "With If-Match (the concept's ETag), a concept whose terms changed since is refused: 409 version_conflict.",
          params: CodeParams,
          headers: IfMatchHeadersSchema,
          body: NewTermSchema,
          response: { 201: GlossaryChangeSchema, ...errors },
        },
      },
      async (request, reply) => {
        const change = await services.glossary.addTerm(request.actor, request.params.code, request.body, expectedVersion(request));
        sendVersion(reply, change.concept.version);
        return reply.status(201).send(change);
      },
    );

    app.delete(
      '/glossary/terms/:id',
      {
        schema: {
          tags,
          summary: 'Remove a term (coordinators, administrators)',
          description: "With If-Match (the concept's ETag), a concept whose terms changed since is refused: 409 version_conflict.",
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          headers: IfMatchHeadersSchema,
          response: { 200: GlossaryChangeSchema, ...errors },
        },
      },
      async (request, reply) => {
        const change = await services.glossary.removeTerm(request.actor, request.params.id, expectedVersion(request));
        sendVersion(reply, change.concept.version);
        return change;
      },
    );
  };
