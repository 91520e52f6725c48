import fc from 'fast-check';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ERROR_CODES } from '../../services/errors.js';
import type { TestPlatform } from '../../test/test-platform.js';
import { signedInUser, PASSWORD } from '../../test/users.js';
import { routeName, type FuzzRoute } from './openapi-routes.js';
import { requestsFor, type FuzzRequest } from './requests.js';
import type { KnownValues } from './schema-values.js';

/** No answer may take longer: a request that does is a hang. */
export const ANSWER_WITHIN_MS = 2000;

/** Who sends the requests: a visitor, or a signed-in user with the session's cookie and anti-forgery token. */
export interface FuzzActor {
  name: string;
  email?: string;
  cookie?: string;
  csrf?: string;
}

export interface FuzzOutcome {
  status: number;
  ms: number;
  /** Why the answer is wrong (a 500, a hang, an error without a stable code), or null. */
  problem: string | null;
}

const describe = (request: FuzzRequest, actor: FuzzActor) => {
  const payload = request.payload === undefined ? '' : ` body=${String(request.payload).slice(0, 300)}`;
  return `${actor.name}: ${request.method} ${request.url.slice(0, 300)} (${request.kind}, csrf ${request.csrf}, content-type ${request.headers['content-type'] ?? 'none'})${payload}`;
};

/** What every answer must be, whatever was asked: no 500, no hang, errors as JSON with a registered code. */
export function judge(res: LightMyRequestResponse, ms: number): string | null {
  if (res.statusCode >= 500) return `answered ${res.statusCode}: ${res.body.slice(0, 300)}`;
  if (ms > ANSWER_WITHIN_MS) return `took ${ms} ms`;
  if (res.statusCode < 400) return null;
  let code: unknown;
  try {
    code = (JSON.parse(res.body) as { error?: { code?: unknown } }).error?.code;
  } catch {
    return `answered ${res.statusCode} without a JSON body: ${res.body.slice(0, 200)}`;
  }
  if (typeof code !== 'string' || !(code in ERROR_CODES)) return `answered ${res.statusCode} with an unregistered code ${String(code)}`;
  const expected = ERROR_CODES[code as keyof typeof ERROR_CODES].status;
  if (expected !== res.statusCode) return `answered ${res.statusCode} with ${code}, which is a ${expected}`;
  return null;
}

export async function send(app: FastifyInstance, request: FuzzRequest, actor: FuzzActor): Promise<FuzzOutcome> {
  const headers = { ...request.headers };
  if (actor.cookie) {
    headers.cookie = `cb_session=${actor.cookie}`;
    if (request.csrf === 'session') headers['x-csrf-token'] = actor.csrf!;
    if (request.csrf === 'wrong') headers['x-csrf-token'] = `${actor.csrf!.slice(1)}x`;
  }
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hang'>((resolve) => (timer = setTimeout(() => resolve('hang'), ANSWER_WITHIN_MS * 2)));
  const answer = await Promise.race([
    app.inject({
      method: request.method,
      url: request.url,
      headers,
      ...(request.payload !== undefined ? { payload: request.payload } : {}),
    }),
    hang,
  ]);
  clearTimeout(timer);
  const ms = Math.round(performance.now() - started);
  if (answer === 'hang') return { status: 0, ms, problem: `no answer within ${ANSWER_WITHIN_MS * 2} ms` };
  const accepted = request.mustRefuse && answer.statusCode < 400 ? `accepted although ${request.mustRefuse}` : null;
  return { status: answer.statusCode, ms, problem: judge(answer, ms) ?? accepted };
}

let addresses = 0;

/** Signs in from an address of its own: the fuzzed requests may have used up the sign-ins of the usual one. */
async function signInAgain(t: TestPlatform, email: string): Promise<{ cookie: string; csrf: string }> {
  addresses += 1;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    headers: { 'x-forwarded-for': `198.18.${(addresses >> 8) & 255}.${addresses & 255}` },
    payload: { email, password: PASSWORD },
  });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.body}`);
  return { cookie: res.cookies.find((c) => c.name === 'cb_session')!.value, csrf: res.json().csrfToken };
}

/** Keeps a signed-in actor signed in: a fuzzed sign-out or session removal may have ended its session. */
export async function keepSignedIn(t: TestPlatform, actor: FuzzActor): Promise<void> {
  if (!actor.cookie || !actor.email) return;
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/auth/session', headers: { cookie: `cb_session=${actor.cookie}` } });
  if (res.json().user) return;
  // the sign-in route is fuzzed with another account's address (see knownValues), so this one is not rate-limited
  Object.assign(actor, await signInAgain(t, actor.email));
}

/**
 * The actors of a fuzz run: a visitor, an ordinary member of an organisation and a platform administrator,
 * each signed in through the API.
 */
export async function fuzzActors(t: TestPlatform, organisationSlug: string): Promise<FuzzActor[]> {
  const member = await signedInUser(t, 'fuzz-member@example.org', [{ role: 'member', organisationSlug }]);
  const admin = await signedInUser(t, 'fuzz-admin@example.org', [{ role: 'platform_admin' }]);
  return [
    { name: 'visitor' },
    { name: 'member', email: member.email, cookie: member.cookie, csrf: member.csrf },
    { name: 'administrator', email: admin.email, cookie: admin.cookie, csrf: admin.csrf },
  ];
}

/** Values that name real records, by parameter or field name, read through the API itself. */
export async function knownValues(t: TestPlatform, actors: FuzzActor[]): Promise<KnownValues> {
  const get = async (url: string, actor?: FuzzActor) =>
    (await t.app.inject({ url, headers: actor?.cookie ? { cookie: `cb_session=${actor.cookie}` } : {} })).json();
  const organisations = (await get('/api/v1/organisations?pageSize=100')).items.map((o: { slug: string }) => o.slug);
  const partnerships = (await get('/api/v1/partnerships')).items.map((p: { slug: string }) => p.slug);
  const concepts = (await get('/api/v1/glossary/concepts?pageSize=100')).items as { code: string; terms: { id: string }[] }[];
  const regions = (await get('/api/v1/regions')).items.map((r: { code: string }) => r.code);
  const areas = (await get('/api/v1/areas')).items.map((a: { code: string }) => a.code);
  const signedIn = actors.filter((a) => a.cookie);
  const users = await Promise.all(signedIn.map((a) => get('/api/v1/auth/session', a)));
  // a second session of each signed-in actor, so that ending a session has one to end other than the current
  const others = await Promise.all(signedIn.map((a) => signInAgain(t, a.email!)));
  const sessions = (await Promise.all(others.map((o) => get('/api/v1/me/sessions', { name: '', cookie: o.cookie }))))
    .flatMap((res) => res.items as { id: string; current: boolean }[])
    .filter((s) => s.current)
    .map((s) => s.id);
  return {
    slug: [...organisations.slice(0, 8), ...partnerships],
    candidate: organisations.slice(0, 8),
    code: concepts.slice(0, 10).map((c) => c.code),
    broader: concepts.slice(0, 5).map((c) => c.code),
    id: [...concepts.slice(0, 5).flatMap((c) => c.terms.slice(0, 1).map((term) => term.id)), ...sessions],
    userId: users.map((u) => u.user.id as string),
    region: regions.slice(0, 20),
    areas: areas.slice(0, 10),
    area: areas.slice(0, 10),
    nace: ['23.44', '23.44Z', '28.29.1', '72.19'],
    q: ['filtration', 'céramique', 'керамика', 'Kaluga', 'IATE'],
    // a real account, but not an actor's: fuzzed sign-ins must not rate-limit the actors' own
    email: [(await signedInUser(t, 'fuzz-target@example.org')).email],
    password: [PASSWORD],
  };
}

/** Status counts by route, for the report. */
export type Histogram = Map<string, Map<number, number>>;

export function count(histogram: Histogram, route: FuzzRoute, status: number): void {
  const name = routeName(route);
  const statuses = histogram.get(name) ?? new Map<number, number>();
  statuses.set(status, (statuses.get(status) ?? 0) + 1);
  histogram.set(name, statuses);
}

/**
 * The property, for one route and actor: every request fast-check makes for it is answered correctly.
 * `examples` are fixed requests that once failed; they run first, every time.
 */
export async function fuzzRoute(
  t: TestPlatform,
  route: FuzzRoute,
  actor: FuzzActor,
  known: KnownValues,
  options: { numRuns: number; seed: number; examples?: FuzzRequest[]; histogram?: Histogram },
): Promise<void> {
  await keepSignedIn(t, actor);
  await fc.assert(
    fc.asyncProperty(requestsFor(route, known), async (request) => {
      const outcome = await send(t.app, request, actor);
      if (options.histogram) count(options.histogram, route, outcome.status);
      if (outcome.problem) throw new Error(`${describe(request, actor)} ${outcome.problem}`);
    }),
    { numRuns: options.numRuns, seed: options.seed, endOnFailure: true, examples: (options.examples ?? []).map((e) => [e]) },
  );
}

export { describe as describeRequest };
