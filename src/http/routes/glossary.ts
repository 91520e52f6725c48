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
      async (request) => services.glossary.get(request.params.code),
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
          params: CodeParams,
          body: NewTermSchema,
          response: { 201: GlossaryChangeSchema, ...errors },
        },
      },
      async (request, reply) => reply.status(201).send(await services.glossary.addTerm(request.actor, request.params.code, request.body)),
    );

    app.delete(
      '/glossary/terms/:id',
      {
        schema: {
          tags,
          summary: 'Remove a term (coordinators, administrators)',
          params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
          response: { 200: GlossaryChangeSchema, ...errors },
        },
      },
      async (request) => services.glossary.removeTerm(request.actor, request.params.id),
    );
  };
