import type { LightMyRequestResponse } from 'fastify';
import type { TestUser } from './users.js';

/** Sends a write with If-Match of the given version, as the web app does. */
export async function sendIfMatch(
  t: { app: { inject: (o: object) => Promise<LightMyRequestResponse> } },
  user: TestUser,
  method: 'POST' | 'PUT',
  url: string,
  version: number,
  body: unknown = {},
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf, 'if-match': `"${version}"` },
    payload: body as object,
  });
}
