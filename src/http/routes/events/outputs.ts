import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from '../../../services/index.js';
import { matchLanguage, type Language } from '../../../shared/languages.js';
import {
  AgendaFeedParamsSchema,
  AgendaSchema,
  BadgesQuerySchema,
  EventSlugParamsSchema,
  OutputLanguageQuerySchema,
  RegistrationParamsSchema,
} from '../../../shared/schemas/events/outputs.js';
import { errors, readErrors } from '../responses.js';

const tags = ['events'];

/** The language of a file's texts: asked for, else the reader's browser's, else their account's. */
const readerLanguage = (request: FastifyRequest & { query: { lang?: Language } }): Language =>
  request.query.lang ??
  (request.headers['accept-language'] ? matchLanguage(request.headers['accept-language']) : (request.actor?.user.language ?? 'en'));

const sendCalendar = (reply: FastifyReply, body: string, name: string) =>
  reply
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'private, no-cache')
    .send(body);

const sendPdf = (reply: FastifyReply, body: Buffer, name: string) =>
  reply
    .type('application/pdf')
    .header('content-disposition', `inline; filename="${name}"`)
    .header('cache-control', 'private, no-cache')
    .header('x-content-type-options', 'nosniff')
    .send(body);

const pdf = { 200: { description: 'A PDF document' }, ...errors };
const calendar = { 200: { description: 'An iCalendar file (RFC 5545)' }, ...errors };

/**
 * A participant's agenda (JSON, iCalendar file and subscription feed, PDF), badges with their check-in QR
 * codes, and the organisers' printable grid of tables and slots.
 */
export const eventOutputRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const { agenda, print } = services.events;

    app.get(
      '/events/:slug/agenda/mine',
      {
        schema: {
          tags,
          summary: 'My agenda at the event: the programme and my meetings (once the final schedule is published), in time order',
          params: EventSlugParamsSchema,
          querystring: OutputLanguageQuerySchema,
          response: { 200: AgendaSchema, ...errors },
        },
      },
      async (request) => agenda.agenda(request.actor, request.params.slug, readerLanguage(request)),
    );

    app.get(
      '/events/:slug/agenda/mine.ics',
      {
        schema: {
          tags,
          summary: 'My agenda as an iCalendar file, in the event’s time zone',
          produces: ['text/calendar'],
          params: EventSlugParamsSchema,
          querystring: OutputLanguageQuerySchema,
          response: calendar,
        },
      },
      async (request, reply) =>
        sendCalendar(
          reply,
          await agenda.calendar(request.actor, request.params.slug, readerLanguage(request)),
          `${request.params.slug}.ics`,
        ),
    );

    app.get(
      '/events/:slug/agenda/feed/:registrationId/:token.ics',
      {
        schema: {
          tags,
          summary: 'A participant’s agenda as a calendar subscription, without sign-in (the token is the key)',
          description: 'The address is in the agenda (`feedUrl`). A wrong token is a 404, as an unknown address.',
          produces: ['text/calendar'],
          params: AgendaFeedParamsSchema,
          response: { 200: calendar[200], ...readErrors },
        },
      },
      async (request, reply) =>
        sendCalendar(
          reply,
          await agenda.feed(request.params.slug, request.params.registrationId, request.params.token),
          `${request.params.slug}.ics`,
        ),
    );

    app.get(
      '/events/:slug/agenda/mine.pdf',
      {
        schema: {
          tags,
          summary: 'My agenda, printable (PDF), in my language, times in the event’s time zone',
          produces: ['application/pdf'],
          params: EventSlugParamsSchema,
          querystring: OutputLanguageQuerySchema,
          response: pdf,
        },
      },
      async (request, reply) =>
        sendPdf(reply, await agenda.pdf(request.actor, request.params.slug, readerLanguage(request)), `${request.params.slug}-agenda.pdf`),
    );

    app.get(
      '/events/:slug/badges.pdf',
      {
        schema: {
          tags,
          summary: 'Badges (four to an A4 page) of every confirmed participant, or of one (?registration=), for the organisers',
          description: 'Each with the name, organisation, participation type, the event and the QR code of its check-in address.',
          produces: ['application/pdf'],
          params: EventSlugParamsSchema,
          querystring: BadgesQuerySchema,
          response: pdf,
        },
      },
      async (request, reply) =>
        sendPdf(
          reply,
          await print.eventBadges(request.actor, request.params.slug, request.query.registration, readerLanguage(request)),
          `${request.params.slug}-badges.pdf`,
        ),
    );

    app.get(
      '/registrations/:id/badge.pdf',
      {
        schema: {
          tags,
          summary: 'My badge (a confirmed registration), with the QR code of its check-in address',
          produces: ['application/pdf'],
          params: RegistrationParamsSchema,
          querystring: OutputLanguageQuerySchema,
          response: pdf,
        },
      },
      async (request, reply) =>
        sendPdf(reply, await print.registrationBadge(request.actor, request.params.id, readerLanguage(request)), 'badge.pdf'),
    );

    app.get(
      '/events/:slug/schedule.pdf',
      {
        schema: {
          tags,
          summary: 'The grid of all tables and slots with the two people of each meeting, printable (organisers)',
          produces: ['application/pdf'],
          params: EventSlugParamsSchema,
          querystring: OutputLanguageQuerySchema,
          response: pdf,
        },
      },
      async (request, reply) =>
        sendPdf(
          reply,
          await print.schedule(request.actor, request.params.slug, readerLanguage(request)),
          `${request.params.slug}-schedule.pdf`,
        ),
    );
  };
