import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../services/index.js';
import {
  DismissalBodySchema,
  DismissedPartnersSchema,
  PartnerQuerySchema,
  PartnerSuggestionsSchema,
} from '../../shared/schemas/matching.js';
import { SlugSchema } from '../../shared/schemas/organisations.js';
import { errors, readErrors } from './responses.js';

const Done = Type.Object({ ok: Type.Literal(true) });
const Params = Type.Object({ slug: SlugSchema });
const tags = ['partner matchmaking'];

export const partnerRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/organisations/:slug/partners',
      {
        schema: {
          tags,
          summary: 'Suggested partners for an organisation, explained',
          description:
            'Published organisations ranked by one scoring function (docs/matching.md): shared areas of cooperation and NACE classes, shared glossary concepts weighted by rarity, complementary kinds, and a region on the other side of a partnership. By default the organisation’s own region and its neighbours are left out; candidates its people marked "not interested" are too.',
          params: Params,
          querystring: PartnerQuerySchema,
          response: { 200: PartnerSuggestionsSchema, ...readErrors, 409: errors[409] },
        },
      },
      async (request) => services.matches.suggest(request.params.slug, request.query, request.actor),
    );

    app.get(
      '/organisations/:slug/partners/dismissals',
      {
        schema: {
          tags,
          summary: 'Partners the organisation marked "not interested"',
          params: Params,
          response: { 200: DismissedPartnersSchema, ...errors },
        },
      },
      async (request) => services.matches.dismissed(request.params.slug, request.actor),
    );

    app.post(
      '/organisations/:slug/partners/dismissals',
      {
        schema: {
          tags,
          summary: 'Mark a suggested partner "not interested" (the organisation’s people)',
          params: Params,
          body: DismissalBodySchema,
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.matches.dismiss(request.params.slug, request.body.candidate, request.actor);
        return { ok: true as const };
      },
    );

    app.delete(
      '/organisations/:slug/partners/dismissals/:candidate',
      {
        schema: {
          tags,
          summary: 'Take back "not interested"',
          params: Type.Object({ slug: SlugSchema, candidate: SlugSchema }),
          response: { 200: Done, ...errors },
        },
      },
      async (request) => {
        await services.matches.undismiss(request.params.slug, request.params.candidate, request.actor);
        return { ok: true as const };
      },
    );
  };
