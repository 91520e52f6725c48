import type { ApiError } from '../../../shared/schemas/common';

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly body: ApiError | null,
  ) {
    super(body?.error.message ?? `HTTP ${status}`);
  }
}

/** Query string with repeated keys for lists (region=RU-KLU&region=FR-87), empty values left out. */
export function queryString(params: Record<string, string | number | string[] | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, String(v));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function getJson<T>(path: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(`/api/v1${path}`, { signal, headers: { accept: 'application/json' } });
  if (!response.ok) throw new ApiRequestError(response.status, await response.json().catch(() => null));
  return (await response.json()) as T;
}

let csrfToken: string | null = null;
/** The session's anti-forgery token, sent with every write (set by the session provider). */
export function setCsrfToken(token: string | null) {
  csrfToken = token;
}
/** The token, for writes that do not go through sendJson (file uploads with their progress). */
export const currentCsrfToken = () => csrfToken;

/**
 * A write. `ifMatch` is the version of the record the change is based on (sent as If-Match): a record saved
 * by someone else since is refused with 409 version_conflict (see shared/versioning.ts).
 */
export async function sendJson<T>(
  method: 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  options: { ifMatch?: number } = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  const response = await fetch(`/api/v1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new ApiRequestError(response.status, await response.json().catch(() => null));
  return (await response.json()) as T;
}

export const postJson = <T>(path: string, body?: unknown) => sendJson<T>('POST', path, body);
