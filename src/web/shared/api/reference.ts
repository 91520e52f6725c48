import { useEffect, useState } from 'react';
import type { NationalCode } from '../../../shared/classification-codes';
import type { Area, NaceEntry, Region } from '../../../shared/schemas/reference';
import { getJson } from './client';
import type { ApiState } from './useApi';

/**
 * Regions, areas of cooperation and NACE classes change only when the platform is upgraded, so each is
 * fetched once a page load and shared by every component that shows it (a page with filters and cards
 * asked for the regions twice, and again on every page it led to).
 */
const requests = new Map<string, Promise<unknown>>();
const loaded = new Map<string, unknown>();

function useReference<T>(path: string | null): ApiState<T> {
  const [state, setState] = useState<ApiState<T>>(() =>
    path !== null && loaded.has(path) ? { status: 'ready', data: loaded.get(path) as T } : { status: 'loading' },
  );
  useEffect(() => {
    if (path === null) return;
    if (loaded.has(path)) return setState({ status: 'ready', data: loaded.get(path) as T });
    let request = requests.get(path) as Promise<T> | undefined;
    if (!request) {
      request = getJson<T>(path).then((data) => {
        loaded.set(path, data);
        return data;
      });
      requests.set(path, request);
      // a failed fetch is not kept: the next component that needs it asks again
      request.catch(() => requests.delete(path));
    }
    let current = true;
    request.then(
      (data) => current && setState({ status: 'ready', data }),
      (error: Error) => current && setState({ status: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [path]);
  return state;
}

export const useRegions = () => useReference<{ items: Region[] }>('/regions');
export const useAreas = () => useReference<{ items: Area[] }>('/areas');
export const useNaceClasses = () => useReference<{ items: NaceEntry[] }>('/classifications/nace?limit=700');
/** The reader's national codes (NAF for French, ОКВЭД 2 for Russian), for the code input; none: null. */
export const useNationalCodes = (system: 'naf2' | 'okved2' | null) =>
  useReference<{ items: NationalCode[] }>(system && `/classifications/national?system=${system}`);
