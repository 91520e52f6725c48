import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { meetingRequestRoutes } from './meeting-requests.js';
import { meetingRoutes } from './meetings.js';
import { scheduleRoutes } from './schedule.js';
import { eventOutputRoutes } from './outputs.js';

/** The events' routes, one plugin per part (events, registration, meetings, outputs). */
export const eventRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    void services;
    void app;
    // events
    // registration
    // meetings
    await app.register(meetingRoutes(services));
    await app.register(meetingRequestRoutes(services));
    await app.register(scheduleRoutes(services));
    // outputs
    await app.register(eventOutputRoutes(services));
  };
