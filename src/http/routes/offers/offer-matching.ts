import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Services } from '../../../services/index.js';
import { matchLanguage, type Language } from '../../../shared/languages.js';
import {
  FollowStateSchema,
  MyFollowsSchema,
  OfferMatchesSchema,
  OfferMatchQuerySchema,
  SuggestedOffersQuerySchema,
  SuggestedOffersSchema,
  SuggestedPartnersQuerySchema,
  SuggestedPartnersSchema,
} from '../../../shared/schemas/offer-matching.js';
import { SlugSchema } from '../../../shared/schemas/organisations.js';
import { errors, readErrors } from '../responses.js';

const Params = Type.Object({ slug: SlugSchema });
const tags = ['marketplace matching'];

/** The reader's language: `?lang=`, else Accept-Language (the answer says Vary: Accept-Language then). */
function readerLanguage(
  request: { query: { lang?: Language }; headers: FastifyRequest['headers'] },
  reply: { header(name: string, value: string): unknown },
): Language {
  if (request.query.lang) return request.query.lang;
  reply.header('vary', 'Accept-Language');
  return matchLanguage(request.headers['accept-language']);
}

/** Matching of offers and requests (docs/matching.md, "Offers and requests"), and following an offer. */
export const offerMatchingRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    app.get(
      '/offers/:slug/matches',
      {
        schema: {
          tags,
          summary:
            'The best published offers of the complementary kinds for an offer (requests for an offer, offers for a request), explained',
          description:
            'Ranked by the one scoring function of docs/matching.md: the kinds meeting, shared areas, NACE classes, product codes and glossary concepts, the partner sought, the target regions (an offer that seeks partners elsewhere is no candidate), the region pair. Each explanation is in the reader’s language (`lang`, else Accept-Language) and names no owner.',
          params: Params,
          querystring: OfferMatchQuerySchema,
          response: { 200: OfferMatchesSchema, ...readErrors },
        },
      },
      async (request, reply) =>
        services.offerMatching.matches(request.params.slug, request.query, request.actor, readerLanguage(request, reply)),
    );

    app.get(
      '/offers/:slug/suggested-partners',
      {
        schema: {
          tags,
          summary: 'Published organisations that fit an offer, explained (the offer’s own people, its reviewers, administrators)',
          params: Params,
          querystring: SuggestedPartnersQuerySchema,
          response: { 200: SuggestedPartnersSchema, ...readErrors, 401: errors[401], 403: errors[403] },
        },
      },
      async (request, reply) =>
        services.offerMatching.suggestedPartners(request.params.slug, request.query, request.actor, readerLanguage(request, reply)),
    );

    app.get(
      '/organisations/:slug/suggested-offers',
      {
        schema: {
          tags,
          summary: 'Published offers of other organisations that fit an organisation, explained (its own people, administrators)',
          params: Params,
          querystring: SuggestedOffersQuerySchema,
          response: { 200: SuggestedOffersSchema, ...readErrors, 401: errors[401], 403: errors[403] },
        },
      },
      async (request, reply) =>
        services.offerMatching.suggestedOffers(request.params.slug, request.query, request.actor, readerLanguage(request, reply)),
    );

    app.put(
      '/offers/:slug/follow',
      {
        schema: {
          tags,
          summary: 'Follow a published offer: its renewal, closing, expiry and edits by e-mail',
          params: Params,
          response: { 200: FollowStateSchema, ...errors },
        },
      },
      async (request) => services.offerFollows.follow(request.params.slug, request.actor),
    );

    app.delete(
      '/offers/:slug/follow',
      {
        schema: { tags, summary: 'Stop following an offer', params: Params, response: { 200: FollowStateSchema, ...errors } },
      },
      async (request) => services.offerFollows.unfollow(request.params.slug, request.actor),
    );

    app.get(
      '/my/follows',
      {
        schema: { tags, summary: 'The published offers I follow', response: { 200: MyFollowsSchema, ...errors } },
      },
      async (request) => services.offerFollows.mine(request.actor),
    );
  };
