import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
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
    // outputs
    await app.register(eventOutputRoutes(services));
  };
