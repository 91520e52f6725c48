import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import {
  AttendanceSchema,
  BadgeCheckInSchema,
  CheckInListSchema,
  CheckInQuerySchema,
  EventSlugParamsSchema,
  RegistrationParamsSchema,
  RegistrationSchema,
} from '../../../shared/schemas/events/registration.js';
import { sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

const tags = ['events'];

/** The day of the event: check-in by name or badge (organisers), and the attendance counts (numbers only). */
export const checkInRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const checkIn = services.events.checkIn;

    app.get(
      '/events/:slug/attendance',
      {
        schema: {
          tags,
          summary: 'Confirmed participants counted by sector, region and type, and checked in; beside what a source reported',
          description: 'Numbers only: no names. For anyone who may read the event.',
          params: EventSlugParamsSchema,
          response: { 200: AttendanceSchema, ...readErrors },
        },
      },
      async (request) => checkIn.attendance(request.actor, request.params.slug),
    );

    app.get(
      '/events/:slug/check-in',
      {
        schema: {
          tags,
          summary: 'Confirmed participants by name, for the check-in desk (organisers)',
          params: EventSlugParamsSchema,
          querystring: CheckInQuerySchema,
          response: { 200: CheckInListSchema, ...errors },
        },
      },
      async (request) => checkIn.search(request.actor, request.params.slug, request.query.q),
    );

    app.post(
      '/registrations/:id/check-in',
      {
        schema: {
          tags,
          summary: 'Check a confirmed participant in (organisers); a second time is 409 already_checked_in with the time',
          params: RegistrationParamsSchema,
          response: { 200: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const registration = await checkIn.checkIn(request.actor, request.params.id);
        sendVersion(reply, registration.version);
        return registration;
      },
    );

    app.post(
      '/events/:slug/check-in/badge',
      {
        schema: {
          tags,
          summary: 'Check in by the token of a badge’s QR code (organisers); an unknown token is 404',
          params: EventSlugParamsSchema,
          body: BadgeCheckInSchema,
          response: { 200: RegistrationSchema, ...errors },
        },
      },
      async (request, reply) => {
        const registration = await checkIn.checkInBadge(request.actor, request.params.slug, request.body.token);
        sendVersion(reply, registration.version);
        return registration;
      },
    );
  };
