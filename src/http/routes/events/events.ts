import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Services } from '../../../services/index.js';
import { timeZoneOffset } from '../../../shared/event-dates.js';
import {
  EventCancelSchema,
  EventInputSchema,
  EventListQuerySchema,
  EventListSchema,
  EventParamsSchema,
  EventPatchSchema,
  EventSchema,
  TimeZoneListSchema,
  type TimeZoneList,
} from '../../../shared/schemas/events/events.js';
import { expectedVersion, IfMatchHeadersSchema, sendVersion } from '../../versioning.js';
import { errors, readErrors } from '../responses.js';

/** Every IANA zone Intl knows, with UTC (which supportedValuesOf leaves out), by name. */
function timeZones(now: Date): TimeZoneList {
  const ids = [...new Set([...Intl.supportedValuesOf('timeZone'), 'UTC'])].sort();
  return { items: ids.map((id) => ({ id, offset: timeZoneOffset(id, now) })) };
}

/** Events: the list, the editor (create, read, change, delete a draft), publication and cancellation; the time zones. */
export const eventCrudRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    const events = services.events.events;
    const tags = ['events'];

    app.get(
      '/reference/time-zones',
      {
        schema: {
          tags: ['reference'],
          summary: 'The IANA time zones an event may be in, with their offset from UTC now',
          response: { 200: TimeZoneListSchema },
        },
      },
      async () => timeZones(new Date()),
    );

    app.get(
      '/events',
      {
        schema: {
          tags,
          summary: 'Events: upcoming first (soonest first), then past ones; drafts only to their organisers',
          description:
            '`q` matches words of the title in any language; `region` takes ISO 3166-2 regions (covering their subdivisions) or countries; `from`/`to` keep the events that meet the period; `mine=true` lists the events you organise, drafts too.',
          querystring: EventListQuerySchema,
          response: { 200: EventListSchema, ...readErrors },
        },
      },
      async (request) => events.list(request.actor, request.query),
    );

    app.post(
      '/events',
      {
        schema: {
          tags,
          summary: 'Create an event (a draft)',
          description:
            'By an administrator or editor of one of its organiser organisations, a coordinator of its region, or a platform administrator.',
          body: EventInputSchema,
          response: { 201: EventSchema, ...errors },
        },
      },
      async (request, reply) => {
        const event = await events.create(request.actor, request.body);
        sendVersion(reply, event.version);
        return reply.code(201).send(event);
      },
    );

    app.get(
      '/events/:slug',
      {
        schema: {
          tags,
          summary: 'One event, and what you may do with it',
          params: EventParamsSchema,
          response: { 200: EventSchema, ...readErrors },
        },
      },
      async (request, reply) => {
        const event = await events.get(request.actor, request.params.slug);
        sendVersion(reply, event.version);
        return event;
      },
    );

    app.put(
      '/events/:slug',
      {
        schema: {
          tags,
          summary: 'Change the event: the fields sent replace its own (organisers whole)',
          description: 'By its organisers. With If-Match, a version saved by someone else since is refused: 409 version_conflict.',
          params: EventParamsSchema,
          headers: IfMatchHeadersSchema,
          body: EventPatchSchema,
          response: { 200: EventSchema, ...errors },
        },
      },
      async (request, reply) => {
        const event = await events.update(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, event.version);
        return event;
      },
    );

    app.post(
      '/events/:slug/publish',
      {
        schema: {
          tags,
          summary: 'Publish a draft: everyone sees it from now on',
          params: EventParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 200: EventSchema, ...errors },
        },
      },
      async (request, reply) => {
        const event = await events.publish(request.actor, request.params.slug, expectedVersion(request));
        sendVersion(reply, event.version);
        return event;
      },
    );

    app.post(
      '/events/:slug/cancel',
      {
        schema: {
          tags,
          summary: 'Cancel the event, with a reason; it stays readable with it',
          params: EventParamsSchema,
          headers: IfMatchHeadersSchema,
          body: EventCancelSchema,
          response: { 200: EventSchema, ...errors },
        },
      },
      async (request, reply) => {
        const event = await events.cancel(request.actor, request.params.slug, request.body, expectedVersion(request));
        sendVersion(reply, event.version);
        return event;
      },
    );

    app.delete(
      '/events/:slug',
      {
        schema: {
          tags,
          summary: 'Delete a draft (a published event is cancelled instead)',
          params: EventParamsSchema,
          headers: IfMatchHeadersSchema,
          response: { 204: Type.Null({ description: 'Deleted' }), ...errors },
        },
      },
      async (request, reply) => {
        await events.delete(request.actor, request.params.slug, expectedVersion(request));
        return reply.code(204).send(null);
      },
    );
  };
