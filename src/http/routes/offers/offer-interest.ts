import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../../services/index.js';
import { OfferParamsSchema } from '../../../shared/schemas/offers.js';
import {
  InterestDeclineSchema,
  InterestInputSchema,
  InterestListQuerySchema,
  InterestListSchema,
  InterestOutcomeInputSchema,
  InterestParamsSchema,
  InterestSchema,
  OutcomeCountsSchema,
  OutcomeQuerySchema,
  type Interest,
} from '../../../shared/schemas/offer-interest.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

const tags = ['marketplace'];

const withVersion = (reply: FastifyReply, interest: Interest) => {
  sendVersion(reply, interest.version);
  return interest;
};

/** Expressions of interest in offers, the owner's decision, and what the contacts led to (with the counts). */
export const offerInterestRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const interests = services.offerInterests;
    const outcomes = services.offerOutcomes;

    app.get(
      '/offers/outcomes',
      {
        schema: {
          tags,
          summary: 'Contacts (accepted expressions of interest) and the agreements they led to, per area, region pair and month',
          description: 'Public numbers: no organisation is named. from/to are months (YYYY-MM); region matches either side (a region covers its subdivisions).',
          querystring: OutcomeQuerySchema,
          response: { 200: OutcomeCountsSchema, ...readErrors },
        },
      },
      async (request) => outcomes.counts(request.query),
    );

    app.post(
      '/offers/:slug/interests',
      {
        schema: {
          tags,
          summary: 'Express interest in an offer on behalf of one of the reader’s organisations; e-mailed to the owner’s administrators and editors',
          params: OfferParamsSchema,
          body: InterestInputSchema,
          response: { 201: InterestSchema, ...errors },
        },
      },
      async (request, reply) => {
        const interest = await interests.express(request.actor, request.params.slug, request.body);
        return reply.code(201).send(withVersion(reply, interest));
      },
    );

    app.get(
      '/offers/:slug/interests',
      {
        schema: {
          tags,
          summary: 'The expressions of interest an offer received (its owner’s people, its reviewers and administrators)',
          params: OfferParamsSchema,
          querystring: InterestListQuerySchema,
          response: { 200: InterestListSchema, ...errors },
        },
      },
      async (request) => interests.received(request.actor, request.params.slug, request.query.state),
    );

    app.get(
      '/my/interests',
      {
        schema: {
          tags,
          summary: 'The expressions of interest the reader’s organisations wrote; an anonymous owner is named once it accepted',
          querystring: InterestListQuerySchema,
          response: { 200: InterestListSchema, ...errors },
        },
      },
      async (request) => interests.mine(request.actor, request.query.state),
    );

    app.get(
      '/interests/:id',
      {
        schema: {
          tags,
          summary: 'One expression of interest (either side); after accept, both organisations’ contacts and the thread',
          params: InterestParamsSchema,
          response: { 200: InterestSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await interests.get(request.actor, request.params.id)),
    );

    app.post(
      '/interests/:id/accept',
      {
        schema: {
          tags,
          summary: 'Accept (the owner’s administrators and editors): a message thread opens with the interest as its first message',
          params: InterestParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: InterestSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await interests.accept(request.actor, request.params.id, expectedVersion(request))),
    );

    app.post(
      '/interests/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline, with a reason or not (the owner’s administrators and editors)',
          params: InterestParamsSchema,
          headers: IfMatchHeadersSchema,
          body: InterestDeclineSchema,
          response: { 200: InterestSchema, ...errors },
        },
        // a decline without a reason may come without a body
        preValidation: async (request) => {
          request.body ??= {};
        },
      },
      async (request, reply) =>
        withVersion(reply, await interests.decline(request.actor, request.params.id, request.body, expectedVersion(request))),
    );

    app.post(
      '/interests/:id/withdraw',
      {
        schema: {
          tags,
          summary: 'Withdraw (the interested organisation’s people, while pending)',
          params: InterestParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: InterestSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await interests.withdraw(request.actor, request.params.id, expectedVersion(request))),
    );

    app.post(
      '/interests/:id/outcome',
      {
        schema: {
          tags,
          summary: 'Mark an accepted contact as having led to an agreement: an existing one of both organisations, or a new one',
          params: InterestParamsSchema,
          headers: IfMatchHeadersSchema,
          body: InterestOutcomeInputSchema,
          response: { 200: InterestSchema, ...errors },
        },
      },
      async (request, reply) => {
        await outcomes.record(request.actor, request.params.id, request.body, expectedVersion(request));
        return withVersion(reply, await interests.get(request.actor, request.params.id));
      },
    );

    app.delete(
      '/interests/:id/outcome',
      {
        schema: {
          tags,
          summary: 'Unlink the agreement a contact was marked as having led to (the agreement stays in the registry)',
          params: InterestParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: InterestSchema, ...errors },
        },
      },
      async (request, reply) => {
        await outcomes.clear(request.actor, request.params.id, expectedVersion(request));
        return withVersion(reply, await interests.get(request.actor, request.params.id));
      },
    );
  };
