import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { checkInRoutes } from './check-in.js';
import { participationTypeRoutes } from './participation-types.js';
import { registrationRoutes } from './registration.js';

/** The events' routes, one plugin per part (events, registration, meetings, outputs). */
export const eventRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    void services;
    void app;
    // events
    // registration
    await app.register(participationTypeRoutes(services));
    await app.register(registrationRoutes(services));
    await app.register(checkInRoutes(services));
    // meetings
    // outputs
  };
