import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import type { Services } from '../../../services/index.js';
import {
  AttendeeInputSchema,
  EventSlugParamsSchema,
  MyRegistrationListSchema,
  ReasonBodySchema,
  RegistrationInputSchema,
  RegistrationListQuerySchema,
  RegistrationListSchema,
  RegistrationParamsSchema,
  RegistrationSchema,
  type Registration,
} from '../../../shared/schemas/events/registration.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors } from '../responses.js';

const tags = ['events'];

const withVersion = (reply: FastifyReply, registration: Registration) => {
  sendVersion(reply, registration.version);
  return registration;
};

/** Registration for events: one's own, the organisers' for others, the lists, approval, decline and cancellation. */
export const registrationRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const registrations = services.events.registrations;
    const decisions = services.events.registrationDecisions;

    app.post(
      '/events/:slug/registrations',
      {
        schema: {
          tags,
          summary: 'Register oneself: confirmed, awaiting approval, or on the waiting list when full; a confirmation e-mail',
          description:
            'An organisation given by slug must be one of the registrant’s: its name, sector and region are copied. Otherwise organisationName, sector and regionCode as typed.',
          params: EventSlugParamsSchema,
          body: RegistrationInputSchema,
          response: { 201: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const registration = await registrations.register(request.actor, request.params.slug, request.body);
        return reply.code(201).send(withVersion(reply, registration));
      },
    );

    app.post(
      '/events/:slug/attendees',
      {
        schema: {
          tags,
          summary: 'Register someone else, e.g. a delegation’s member without an account (organisers): confirmed',
          params: EventSlugParamsSchema,
          body: AttendeeInputSchema,
          response: { 201: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const registration = await registrations.addAttendee(request.actor, request.params.slug, request.body);
        return reply.code(201).send(withVersion(reply, registration));
      },
    );

    app.get(
      '/events/:slug/registrations/mine',
      {
        schema: {
          tags,
          summary: 'My registration for the event (the active one, else the latest); 404 when none',
          params: EventSlugParamsSchema,
          response: { 200: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await registrations.mine(request.actor, request.params.slug)),
    );

    app.get(
      '/my/registrations',
      {
        schema: {
          tags,
          summary: 'My registrations across events, soonest first',
          response: { 200: MyRegistrationListSchema, ...errors },
        },
      },
      async (request) => registrations.myRegistrations(request.actor),
    );

    app.get(
      '/events/:slug/registrations',
      {
        schema: {
          tags,
          summary: 'The event’s registrations (organisers), by name; q searches names regardless of accents and case',
          params: EventSlugParamsSchema,
          querystring: RegistrationListQuerySchema,
          response: { 200: RegistrationListSchema, ...errors },
        },
      },
      async (request) => registrations.list(request.actor, request.params.slug, request.query),
    );

    app.post(
      '/registrations/:id/approve',
      {
        schema: {
          tags,
          summary: 'Approve a registration awaiting approval (organisers): confirmed, or on the waiting list when full',
          params: RegistrationParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) => withVersion(reply, await decisions.approve(request.actor, request.params.id, expectedVersion(request))),
    );

    app.post(
      '/registrations/:id/decline',
      {
        schema: {
          tags,
          summary: 'Decline a registration (organisers), with a reason; a place it held goes to the first on the waiting list',
          params: RegistrationParamsSchema,
          headers: IfMatchHeadersSchema,
          body: ReasonBodySchema,
          response: { 200: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) =>
        withVersion(reply, await decisions.decline(request.actor, request.params.id, request.body?.reason, expectedVersion(request))),
    );

    app.post(
      '/registrations/:id/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel a registration (its registrant or organisers); the freed place goes to the first on the waiting list',
          params: RegistrationParamsSchema,
          headers: IfMatchHeadersSchema,
          body: ReasonBodySchema,
          response: { 200: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) =>
        withVersion(reply, await decisions.cancel(request.actor, request.params.id, request.body?.reason, expectedVersion(request))),
    );
  };
