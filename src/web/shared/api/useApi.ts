import { useCallback, useEffect, useState } from 'react';
import { ApiRequestError, getJson } from './client';

export type ApiState<T> =
  { status: 'loading'; data?: T } | { status: 'ready'; data: T } | { status: 'error'; error: ApiRequestError | Error; data?: T };

/**
 * GETs an API path and follows it as it changes; the previous data stays visible while the next loads.
 * `reload()` fetches it again after a write.
 */
export function useApi<T>(path: string | null): ApiState<T> & { reload(): void } {
  const [state, setState] = useState<ApiState<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    if (path === null) return;
    const controller = new AbortController();
    let retry: ReturnType<typeof setTimeout> | undefined;
    let tries = 0;
    const ask = () => {
      setState((s) => ({ status: 'loading', data: s.data }));
      getJson<T>(path, controller.signal)
        .then((data) => setState({ status: 'ready', data }))
        .catch((error: Error) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ status: 'error', error, data: s.data }));
          // search starting or out of reach for a moment (503): asked again, so the page recovers by itself
          if (error instanceof ApiRequestError && error.status === 503 && tries++ < RETRIES) retry = setTimeout(ask, RETRY_MS);
        });
    };
    ask();
    return () => {
      controller.abort();
      clearTimeout(retry);
    };
  }, [path, generation]);
  return { ...state, reload };
}

/** A 503 (search starting or unavailable) is asked again this often, so many times (two minutes). */
const RETRY_MS = 4000;
const RETRIES = 30;
