import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { LanguageSchema, NoQuerySchema } from '../../shared/schemas/common.js';
import {
  AreaSchema,
  NaceEntrySchema,
  NationalCodeSchema,
  ProductCodeSchema,
  RegionListQuerySchema,
  RegionSchema,
  ResolvedCodeSchema,
} from '../../shared/schemas/reference.js';
import { presentArea, presentRegion } from '../../presenters/reference.presenter.js';
import type { Services } from '../../services/index.js';
import { allRegionsJson, findRegions } from '../../services/regions.js';
import { errors } from './responses.js';

export const referenceRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/regions',
      {
        schema: {
          tags: ['reference'],
          summary: 'Regions (ISO 3166-2): all of them, or those of some countries, or those a name or code matches',
          querystring: RegionListQuerySchema,
          response: { 200: Type.Object({ items: Type.Array(RegionSchema) }), 400: errors[400] },
        },
      },
      async (request, reply) => {
        if (request.query.country === undefined && request.query.q === undefined) {
          // the page's one request for every region: its JSON is made once, not at each page load
          return reply.type('application/json; charset=utf-8').send(await allRegionsJson(services.repos, presentRegion));
        }
        return { items: (await findRegions(services.repos, request.query)).map(presentRegion) };
      },
    );

    app.get(
      '/areas',
      {
        schema: {
          tags: ['reference'],
          summary: 'Areas of cooperation',
          querystring: NoQuerySchema,
          response: { 200: Type.Object({ items: Type.Array(AreaSchema) }), 400: errors[400] },
        },
      },
      async () => ({ items: (await services.repos.areas.list()).map(presentArea) }),
    );

    app.get(
      '/classifications/nace',
      {
        schema: {
          tags: ['reference'],
          summary: 'NACE Rev. 2 classes, by code prefix or words of their title',
          querystring: Type.Object(
            {
              q: Type.Optional(Type.String({ maxLength: 100 })),
              lang: Type.Optional(LanguageSchema),
              limit: Type.Integer({ minimum: 1, maximum: 700, default: 50 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(NaceEntrySchema) }), 400: errors[400] },
        },
      },
      async (request) => ({
        items: services.classifications.searchNace(request.query.q ?? '', request.query.lang ?? 'en', request.query.limit),
      }),
    );

    app.get(
      '/classifications/national',
      {
        schema: {
          tags: ['reference'],
          summary: 'Every NAF rév. 2 or ОКВЭД 2 code with the NACE class it is stored as',
          description: 'For type-ahead in forms: a French user finds a NAF code by the words of its title, a Russian one an ОКВЭД 2 code.',
          querystring: Type.Object({ system: Type.Enum(['naf2', 'okved2'] as const) }, { additionalProperties: false }),
          response: { 200: Type.Object({ items: Type.Array(NationalCodeSchema) }), 400: errors[400] },
        },
      },
      async (request) => ({ items: services.classifications.nationalCodes(request.query.system) }),
    );

    app.get(
      '/classifications/products',
      {
        schema: {
          tags: ['reference'],
          summary: 'CPA 2.1 / ОКПД 2 and HS product codes, by code prefix or words of their title',
          description:
            'For type-ahead in forms: a code as typed ("8482", "23.43", a 9-digit ОКПД 2 or a 10-digit ТН ВЭД code) or words of a title in any language, those in the reader\'s language first.',
          querystring: Type.Object(
            {
              q: Type.String({ minLength: 1, maxLength: 100 }),
              lang: Type.Optional(LanguageSchema),
              limit: Type.Integer({ minimum: 1, maximum: 100, default: 30 }),
            },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(ProductCodeSchema) }), 400: errors[400] },
        },
      },
      async (request) => ({
        items: services.classifications.products.search(request.query.q, request.query.lang ?? 'en', request.query.limit),
      }),
    );

    app.post(
      '/classifications/products/resolve',
      {
        schema: {
          tags: ['reference'],
          summary: 'Read product codes as typed and give the stored form and title of each (null: no such code)',
          body: Type.Object(
            { codes: Type.Array(Type.String({ minLength: 1, maxLength: 30 }), { minItems: 1, maxItems: 100 }) },
            { additionalProperties: false },
          ),
          response: {
            200: Type.Object({
              items: Type.Array(Type.Object({ input: Type.String(), product: Type.Union([ProductCodeSchema, Type.Null()]) })),
            }),
            400: errors[400],
          },
        },
      },
      async (request) => ({
        items: request.body.codes.map((input) => {
          const entry = services.classifications.products.find(input);
          return { input, product: entry ? services.classifications.products.describe(entry.code)! : null };
        }),
      }),
    );

    app.post(
      '/classifications/resolve',
      {
        schema: {
          tags: ['reference'],
          summary: 'Read NACE, NAF rév. 2 or ОКВЭД 2 codes and give the NACE class of each',
          description:
            'For forms and imports: a Russian user enters an ОКВЭД 2 code, a French one a NAF code; both map to the NACE class the platform stores.',
          body: Type.Object(
            { codes: Type.Array(Type.String({ minLength: 1, maxLength: 20 }), { minItems: 1, maxItems: 100 }) },
            { additionalProperties: false },
          ),
          response: { 200: Type.Object({ items: Type.Array(ResolvedCodeSchema) }), 400: errors[400], 422: errors[422] },
        },
      },
      async (request) => {
        const items = request.body.codes.map((code, i) => services.classifications.resolve(code, `body.codes[${i}]`));
        return { items };
      },
    );
  };
