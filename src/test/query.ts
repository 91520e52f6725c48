import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

/**
 * A read route that takes no parameter refuses one (400 naming it), as the routes with parameters refuse
 * one they do not know, so that a misspelt filter is told rather than ignored; without one it still answers.
 */
export async function expectNoQueryTaken(get: (url: string) => Promise<LightMyRequestResponse>, path: string): Promise<void> {
  const refused = await get(`${path}?colour=red`);
  expect(refused.statusCode).toBe(400);
  expect(refused.json().error).toMatchObject({ code: 'validation_failed', field: 'query.colour', reason: 'unknown_field' });
  const plain = await get(path);
  expect(plain.statusCode, plain.body).toBe(200);
}
