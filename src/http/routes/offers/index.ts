import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import { CSV_SEPARATORS } from '../../../services/csv/csv.js';
import type { Actor } from '../../../services/access.js';
import { matchLanguage, type Language } from '../../../shared/languages.js';
import {
  MyOffersQuerySchema,
  OfferInputSchema,
  OfferLanguageQuerySchema,
  OfferListSchema,
  OfferParamsSchema,
  OfferPatchSchema,
  OfferSchema,
  OfferStageBodySchema,
  OfferTaggingBodySchema,
  OfferTaggingSchema,
  ReviewOffersQuerySchema,
} from '../../../shared/schemas/offers.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

const ExportQuerySchema = Type.Object(
  {
    separator: Type.Enum(['comma', 'semicolon'] as const, {
      default: 'comma',
      description: '`semicolon` for spreadsheets set to French or Russian',
    }),
  },
  { additionalProperties: false },
);

/**
 * The marketplace's offers and requests: the editor (create, read, change, delete a draft), the lifecycle
 * (submit, return, publish, renew, close), one's own and the review queue, tagging and the export. The
 * search (GET /offers) is the marketplace search's.
 */
export const offerRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { offers, lifecycle, tagging } = services.offers;
    const tags = ['marketplace'];
    /** The language of labels: asked for, else the reader's browser's, else their account's. */
    const readerLanguage = (lang: Language | undefined, accepted: string | undefined, actor: Actor | null): Language =>
      lang ?? (accepted ? matchLanguage(accepted) : (actor?.user.language ?? 'en'));

    app.post(
      '/offers',
      {
        schema: {
          tags,
          summary: 'Write a new offer or request (a draft) of one of your organisations',
          description:
            'By an administrator or editor of the organisation, which the offer stays of. Its address is made from its title, never from the organisation.',
          body: OfferInputSchema,
          response: { 201: OfferSchema, ...errors },
        },
      },
      async (request, reply) => {
        const offer = await offers.create(request.actor, request.body);
        sendVersion(reply, offer.version);
        return reply.code(201).send(offer);
      },
    );

    app.get(
      '/offers/export',
      {
        schema: {
          tags,
          summary: 'The published offers as CSV (UTF-8 with BOM), one line each; an anonymous one without its owner',
          querystring: ExportQuerySchema,
          response: { 200: { type: 'string', description: 'CSV' }, ...readErrors },
        },
      },
      async (request, reply) => {
        const csv = await services.offers.exportCsv(request.actor, CSV_SEPARATORS[request.query.separator]);
        return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="offers.csv"').send(csv);
      },
    );

    app.post(
      '/offers/tagging',
      {
        schema: {
          tags,
          summary: 'How matching would see an unsaved draft: the concepts its texts name, its codes and areas with their titles',
          querystring: OfferLanguageQuerySchema,
          body: OfferTaggingBodySchema,
          response: { 200: OfferTaggingSchema, ...errors },
        },
      },
      async (request) =>
        tagging.ofDraft(request.body, readerLanguage(request.query.lang, request.headers['accept-language'], request.actor)),
    );

    app.get(
      '/offers/:slug',
      {
        schema: {
          tags,
          summary: 'One offer or request: its fields, history, and what you may do with it',
          params: OfferParamsSchema,
          response: { 200: OfferSchema, ...readErrors },
        },
      },
      async (request, reply) => {
        const offer = await offers.get(request.actor, request.params.slug);
        sendVersion(reply, offer.version);
        return offer;
      },
    );

    app.get(
      '/offers/:slug/tagging',
      {
        schema: {
          tags,
          summary: 'How matching sees the offer: the concepts its texts name, its codes and areas with their titles',
          params: OfferParamsSchema,
          querystring: OfferLanguageQuerySchema,
          response: { 200: OfferTaggingSchema, ...readErrors },
        },
      },
      async (request) =>
        tagging.ofOffer(
          request.actor,
          request.params.slug,
          readerLanguage(request.query.lang, request.headers['accept-language'], request.actor),
        ),
    );

    app.patch(
      '/offers/:slug',
      {
        schema: {
          tags,
          summary: 'Change the offer: the fields sent replace its own',
          description:
            'In draft, returned, published (it stays published) or expired. With If-Match, a version saved by someone else since is refused: 409 version_conflict.',
          params: OfferParamsSchema,
          headers: IfMatchHeadersSchema,
          body: OfferPatchSchema,
          response: { 200: OfferSchema, ...errors },
        },
      },
      async (request, reply) => {
        const offer = await offers.update(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, offer.version);
        return offer;
      },
    );

    app.delete(
      '/offers/:slug',
      {
        schema: {
          tags,
          summary: 'Delete a draft (a submitted offer is closed instead)',
          params: OfferParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
        },
      },
      async (request, reply) => {
        await offers.delete(request.actor, request.params.slug, expectedVersion(request));
        return reply.code(204).send(null);
      },
    );

    app.post(
      '/offers/:slug/stage',
      {
        schema: {
          tags,
          summary: 'Move the offer along its lifecycle',
          description:
            'The owner submits (from draft or returned), renews (to published with a new expiresOn, from published or expired) and closes; a coordinator of its region, not of its organisation, returns (with a reason) or publishes. Other moves: 409 offer_stage_refused.',
          params: OfferParamsSchema,
          headers: IfMatchHeadersSchema,
          body: OfferStageBodySchema,
          response: { 200: OfferSchema, ...errors },
        },
      },
      async (request, reply) => {
        const offer = await lifecycle.change(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, offer.version);
        return offer;
      },
    );

    app.get(
      '/my/offers',
      {
        schema: {
          tags,
          summary: 'The offers and requests of your organisations, last changed first',
          querystring: MyOffersQuerySchema,
          response: { 200: OfferListSchema, ...errors },
        },
      },
      async (request) => offers.mine(request.actor, request.query),
    );

    app.get(
      '/review/offers',
      {
        schema: {
          tags,
          summary: 'The submitted offers of the regions you coordinate, waiting longest first',
          querystring: ReviewOffersQuerySchema,
          response: { 200: OfferListSchema, ...errors },
        },
      },
      async (request) => offers.reviewQueue(request.actor, request.query),
    );
  };
