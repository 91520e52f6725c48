import fastifyStatic from '@fastify/static';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { existsSync } from 'node:fs';
import { fastifyTrustProxy, type TrustProxy } from '../config/config.js';
import type { Services } from '../services/index.js';
import { answerClientError, registerErrorHandler } from './plugins/error-handler.js';
import { answerRouterError, guardEveryValidator, parseQueryString, registerInputGuard } from './plugins/input-guard.js';
import { lazySerializers } from './plugins/lazy-serializers.js';
import { registerOpenApi } from './plugins/openapi.js';
import { registerSearchForwarding } from './plugins/search-forwarding.js';
import { registerSecurityHeaders } from './plugins/security-headers.js';
import { registerSession } from './plugins/session.js';
import { accountRoutes } from './routes/account.js';
import { adminRoutes } from './routes/admin.js';
import { adminJobRoutes } from './routes/admin-jobs.js';
import { authRoutes } from './routes/auth.js';
import { documentRoutes } from './routes/documents.js';
import { healthRoutes } from './routes/health.js';
import { organisationManagementRoutes } from './routes/organisation-management.js';
import { organisationRoutes } from './routes/organisations.js';
import { messageRoutes } from './routes/messages.js';
import { partnerRoutes } from './routes/partners.js';
import { glossaryRoutes } from './routes/glossary.js';
import { partnershipRoutes } from './routes/partnerships.js';
import { referenceRoutes } from './routes/reference.js';
import { reviewRoutes } from './routes/review.js';
import { registryRoutes } from './routes/registry/index.js';
// the marketplace (offers and requests)
import { offerRoutes } from './routes/offers/index.js';
import { timelineRoutes } from './routes/timeline.js';
import { registrySearchRoutes } from './routes/registry-search.js';
// the marketplace: expressions of interest
import { offerInterestRoutes } from './routes/offers/offer-interest.js';
// the marketplace's search and alerts
import { unsubscribeRoutes } from './routes/offers/unsubscribe.js';
// offer matching and follows
import { offerMatchingRoutes } from './routes/offers/offer-matching.js';
import { offerSearchRoutes } from './routes/offers/offer-search.js';
import { savedSearchRoutes } from './routes/offers/saved-searches.js';
import { eventRoutes } from './routes/events/index.js';

export interface AppOptions {
  services: Services;
  database: 'pglite' | 'postgres';
  /** Folder of the built web app (dist/web); null serves the API alone. */
  webRoot: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Behind reverse proxies: the hops or proxy addresses whose X-Forwarded-* headers give the client's address and protocol. */
  trustProxy?: TrustProxy;
  /** Tests shorten them; a server keeps REQUEST_TIMEOUTS. */
  timeouts?: Partial<typeof REQUEST_TIMEOUTS>;
  /** Directory searches and listings an address may make a minute (SEARCH_RATE_LIMIT); unset or 0: no limit. */
  searchRateLimit?: number;
  /** Search processes to send the index routes to (SEARCH_SERVICE_URL); none: this process answers them. */
  searchServiceUrls?: string[];
  /** The largest document a registry record takes (DOCUMENT_MAX_BYTES); default DOCUMENT_MAX_BYTES_DEFAULT. */
  documentMaxBytes?: number;
}

export const BODY_LIMIT = 256 * 1024;

/**
 * A request must arrive whole (headers and body) within `requestMs`, and a connection that sends nothing
 * for `idleMs` is closed: a client that sends half a body and waits no longer holds a connection for
 * good. Node checks the request timeout every `checkEveryMs`. Responses are not limited (a slow export
 * still completes), and kept-alive connections wait for their next request as long as Fastify's default.
 */
export const REQUEST_TIMEOUTS = { requestMs: 20_000, headersMs: 15_000, idleMs: 30_000, checkEveryMs: 2_000 };

/** Plugins in order: external ones (OpenAPI, static files), then the app's (headers, errors, sessions), then the routes. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const timeouts = { ...REQUEST_TIMEOUTS, ...options.timeouts };
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
    connectionTimeout: timeouts.idleMs,
    requestTimeout: timeouts.requestMs,
    http: { headersTimeout: timeouts.headersMs, connectionsCheckingInterval: timeouts.checkEveryMs },
    ajv: {
      customOptions: { allErrors: true, coerceTypes: 'array', useDefaults: true, removeAdditional: false },
      plugins: [guardEveryValidator],
    },
    // response serializers compiled at their first response, as the validators are (compile-later.ts)
    schemaController: { compilersFactory: { buildSerializer: lazySerializers() } },
    routerOptions: { querystringParser: parseQueryString },
    frameworkErrors: answerRouterError,
    clientErrorHandler: answerClientError,
  }).withTypeProvider<TypeBoxTypeProvider>();

  // the API reads JSON only; anything else is a 415, not a string to validate
  app.removeContentTypeParser('text/plain');
  registerInputGuard(app);
  await registerOpenApi(app);
  const webRoot = options.webRoot && existsSync(options.webRoot) ? options.webRoot : null;
  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });

  await registerSecurityHeaders(app);
  registerErrorHandler(app);

  await app.register(
    async (api) => {
      // a web process without indexes sends their routes on before anything else (the search process reads the session)
      if (options.searchServiceUrls?.length) registerSearchForwarding(api, options.searchServiceUrls);
      // sessions are read for API requests only: static files and the app's page need no database query
      await registerSession(api, options.services);
      await api.register(healthRoutes(options.database));
      await api.register(organisationRoutes(options.services, { searchRateLimit: options.searchRateLimit }));
      await api.register(partnerRoutes(options.services));
      await api.register(messageRoutes(options.services));
      await api.register(documentRoutes(options.services, { maxBytes: options.documentMaxBytes }));
      await api.register(glossaryRoutes(options.services));
      await api.register(referenceRoutes(options.services));
      await api.register(partnershipRoutes(options.services));
      await api.register(timelineRoutes(options.services));
      await api.register(authRoutes(options.services));
      await api.register(accountRoutes(options.services));
      await api.register(reviewRoutes(options.services));
      await api.register(organisationManagementRoutes(options.services));
      await api.register(adminRoutes(options.services));
      await api.register(registryRoutes(options.services));
      await api.register(adminJobRoutes(options.services));
      await api.register(registrySearchRoutes(options.services, { searchRateLimit: options.searchRateLimit }));
      // the marketplace: expressions of interest
      await api.register(offerInterestRoutes(options.services));
      // offer matching and follows
      await api.register(offerMatchingRoutes(options.services));
      // the marketplace's search and alerts
      await api.register(offerSearchRoutes(options.services, { searchRateLimit: options.searchRateLimit }));
      await api.register(savedSearchRoutes(options.services));
      // the marketplace (offers and requests)
      await api.register(offerRoutes(options.services));
      // events: round tables, delegation visits, brokerage events and their meetings
      await api.register(eventRoutes(options.services, { documentMaxBytes: options.documentMaxBytes }));
    },
    { prefix: '/api/v1' },
  );
  // the marketplace's alerts: one-click unsubscribe outside the session's scope (no sign-in, no anti-forgery token; docs/decisions.md)
  await app.register(unsubscribeRoutes(options.services), { prefix: '/api/v1' });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path.startsWith('/api/') || path === '/api' || !webRoot || request.method !== 'GET') {
      return reply.status(404).send({ error: { code: 'route_not_found', message: `No route ${request.method} ${path}.` } });
    }
    // every other page is the web app's; its router decides what to show
    return reply.type('text/html').sendFile('index.html', { maxAge: 0 });
  });
  return app;
}
