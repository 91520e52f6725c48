// The API fuzzer at length (src/http/fuzz): every route of the OpenAPI document as a visitor, a member and an
// administrator, on a fresh demo platform (in-memory PGlite, or a throw-away database on the PostgreSQL
// server named by TEST_DATABASE_URL). Prints the status histogram per route and in total, and every wrong
// answer (a 500, a hang, an error without a registered code); exits 1 if there is one.
//   npm run fuzz:api [-- --requests 10000 --seed 42 --route /glossary]
import fc from 'fast-check';
import { parseArgs } from 'node:util';
import { FIXED_CASES } from '../src/http/fuzz/fixed-cases.js';
import { routeName, routesOf } from '../src/http/fuzz/openapi-routes.js';
import { requestsFor } from '../src/http/fuzz/requests.js';
import { count, describeRequest, fuzzActors, keepSignedIn, knownValues, send, type Histogram } from '../src/http/fuzz/runner.js';
import { createTestPlatform } from '../src/test/test-platform.js';

const { values: args } = parseArgs({
  options: {
    requests: { type: 'string', default: '12000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
    route: { type: 'string', default: '' },
  },
});
const seed = Number(args.seed);

const t = await createTestPlatform();
const problems: string[] = [];
const histogram: Histogram = new Map();
const spent = new Map<string, number>();
try {
  const actors = await fuzzActors(t, 'iate-mephi');
  const known = await knownValues(t, actors);
  const routes = routesOf(t.app).filter((r) => routeName(r).includes(args.route));
  const perRoute = Math.ceil(Number(args.requests) / (routes.length * actors.length));
  console.log(`${t.engine}, seed ${seed}: ${routes.length} routes × ${actors.length} actors × ${perRoute} requests`);
  const started = Date.now();
  for (const [i, route] of routes.entries()) {
    for (const [j, actor] of actors.entries()) {
      await keepSignedIn(t, actor);
      const requests = [
        ...(FIXED_CASES[routeName(route)] ?? []),
        ...fc.sample(requestsFor(route, known), { numRuns: perRoute, seed: seed + i * 7 + j }),
      ];
      for (const request of requests) {
        const outcome = await send(t.app, request, actor);
        count(histogram, route, outcome.status);
        spent.set(routeName(route), (spent.get(routeName(route)) ?? 0) + outcome.ms);
        if (outcome.problem) problems.push(`${describeRequest(request, actor)}\n    ${outcome.problem}`);
      }
    }
  }
  const seconds = (Date.now() - started) / 1000;

  const total = new Map<number, number>();
  const format = (statuses: Map<number, number>) =>
    [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}×${n}`)
      .join(' ');
  const width = Math.max(...[...histogram.keys()].map((k) => k.length));
  for (const [name, statuses] of histogram) {
    console.log(`${name.padEnd(width)}  ${format(statuses)}  (${((spent.get(name) ?? 0) / 1000).toFixed(1)} s)`);
    for (const [status, n] of statuses) total.set(status, (total.get(status) ?? 0) + n);
  }
  const sent = [...total.values()].reduce((a, b) => a + b, 0);
  console.log(`${'total'.padEnd(width)}  ${format(total)}`);
  console.log(`${sent} requests in ${seconds.toFixed(1)} s; ${problems.length} wrong answers`);
  for (const problem of problems.slice(0, 50)) console.log(`  ${problem}`);
} finally {
  await t.close();
}
process.exit(problems.length > 0 ? 1 : 0);
