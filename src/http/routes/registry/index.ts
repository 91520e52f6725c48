import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Services } from '../../../services/index.js';
import { RECORD_KINDS } from '../../../shared/registry.js';
import { milestoneRoutes } from './milestones.js';
import { namedPartyRoutes } from './named-parties.js';
import { recordRoutes } from './records.js';
import { registryTransferRoutes } from './transfer.js';

/** The cooperation registry's routes: one collection per kind of record, milestones, named parties. */
export const registryRoutes =
  (services: Services): FastifyPluginAsyncTypebox =>
  async (app) => {
    for (const kind of RECORD_KINDS) await app.register(recordRoutes(services, kind));
    await app.register(milestoneRoutes(services));
    await app.register(namedPartyRoutes(services));
    await app.register(registryTransferRoutes(services));
  };
