import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { meetingRequestRoutes } from './meeting-requests.js';
import { meetingRoutes } from './meetings.js';
import { scheduleRoutes } from './schedule.js';
import { eventOutputRoutes } from './outputs.js';
import { delegationRoutes } from './delegations.js';
import { eventDocumentRoutes } from './event-documents.js';
import { eventCrudRoutes } from './events.js';
import { sessionRoutes } from './sessions.js';
import { checkInRoutes } from './check-in.js';
import { participationTypeRoutes } from './participation-types.js';
import { registrationRoutes } from './registration.js';

/** The events' routes, one plugin per part (events, registration, meetings, outputs). */
export const eventRoutes =
  (services: Services, options: { documentMaxBytes?: number } = {}): FastifyPluginAsyncTypebox =>
  async (app) => {
    // events
    await app.register(eventCrudRoutes(services));
    await app.register(sessionRoutes(services));
    await app.register(delegationRoutes(services));
    await app.register(eventDocumentRoutes(services, { maxBytes: options.documentMaxBytes }));
    // registration
    await app.register(participationTypeRoutes(services));
    await app.register(registrationRoutes(services));
    await app.register(checkInRoutes(services));
    // meetings
    await app.register(meetingRoutes(services));
    await app.register(meetingRequestRoutes(services));
    await app.register(scheduleRoutes(services));
    // outputs
    await app.register(eventOutputRoutes(services));
  };
