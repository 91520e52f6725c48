import { AppError } from '../errors.js';

/** The Retry-After a search sends while its index loads after a start. */
export const RETRY_AFTER_LOAD_S = 5;

/**
 * `work` (a refresh of an in-memory index, and what else a search waits for), but before the index's first
 * load completes it is waited for at most `waitMs`: after a start with 100,000 records on a busy machine
 * the load takes tens of seconds, longer than the server keeps a silent connection open
 * (REQUEST_TIMEOUTS.idleMs), so the answer is a 503 search_starting to try again, not a dropped
 * connection. The load goes on meanwhile.
 */
export async function withinFirstLoad<T>(loaded: boolean, work: () => Promise<T>, waitMs: number | null): Promise<T> {
  if (waitMs === null || loaded) return work();
  const loading = work();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), waitMs)));
  const state = await Promise.race([loading, late]).finally(() => clearTimeout(timer));
  if (state !== TIMED_OUT) return state as T;
  loading.catch(() => undefined);
  const error = new AppError('search_starting');
  error.retryAfter = RETRY_AFTER_LOAD_S;
  throw error;
}

const TIMED_OUT = Symbol('timed out');
