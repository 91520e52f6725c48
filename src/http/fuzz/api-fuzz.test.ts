import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { FIXED_CASES } from './fixed-cases.js';
import { routeName, routesOf, unboundedNumbers } from './openapi-routes.js';
import { fuzzActors, fuzzRoute, knownValues, type FuzzActor } from './runner.js';
import type { KnownValues } from './schema-values.js';

/**
 * Every route of the OpenAPI document, fuzzed as a visitor, an ordinary member and an administrator:
 * no 500, no hang, and every error is JSON with a registered code. Deterministic: each route has its own
 * seed (FUZZ_SEED changes them all); `npm run fuzz:api` sends many more requests.
 */
const RUNS_PER_ACTOR = Number(process.env.FUZZ_RUNS ?? 100);
const BASE_SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const seedOf = (name: string) => [...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, BASE_SEED);

let t: TestPlatform;
let actors: FuzzActor[];
let known: KnownValues;
// the document is read before the platform starts, so that vitest can name one test per route
const routes = await (async () => {
  const empty = await createTestPlatform({ seedDemo: false });
  try {
    return routesOf(empty.app);
  } finally {
    await empty.close();
  }
})();

beforeAll(async () => {
  t = await createTestPlatform();
  actors = await fuzzActors(t, 'iate-mephi');
  known = await knownValues(t, actors);
  // the in-memory indexes load on first use; that first load is not what the time limit is about
  await t.app.inject('/api/v1/organisations?q=filtration');
  await t.app.inject('/api/v1/organisations/iate-mephi/partners');
});
afterAll(() => t.close());

describe('the API fuzzer', () => {
  it('covers every route of the OpenAPI document', () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  it('finds both bounds on every number a request may carry', () => {
    expect(routes.flatMap((r) => unboundedNumbers(r).map((where) => `${routeName(r)} ${where}`))).toEqual([]);
  });

  it.each(routes.map((r) => [routeName(r), r] as const))('%s', { timeout: 120_000 }, async (name, route) => {
    for (const actor of actors) {
      await fuzzRoute(t, route, actor, known, {
        numRuns: RUNS_PER_ACTOR,
        seed: seedOf(`${name} ${actor.name}`),
        examples: FIXED_CASES[name],
      });
    }
  });
});
