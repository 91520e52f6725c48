import { useCallback, useMemo } from 'react';
import { useListAddress } from '../../../shared/list-address';
import type { RecordFilters } from '../api/registry';

/** The list filters that may hold several values (any of them matches). */
export const LIST_FILTERS = ['type', 'stage', 'area', 'region'] as const;
type ListFilter = (typeof LIST_FILTERS)[number];

export interface RecordQuery extends Partial<Record<ListFilter, string[]>> {
  from?: string;
  to?: string;
  page: number;
}

/** A list's filters live in its address, so that a filtered list can be bookmarked and shared. */
export function useRecordQuery() {
  const { params, setParams, page } = useListAddress();
  const query = useMemo<RecordQuery>(() => {
    const q: RecordQuery = { page };
    for (const f of LIST_FILTERS) {
      const values = params.getAll(f).filter(Boolean);
      if (values.length) q[f] = values;
    }
    for (const f of ['from', 'to'] as const) {
      const value = params.get(f);
      if (value) q[f] = value;
    }
    return q;
  }, [params, page]);

  /** Changes some filters; any change but the page's goes back to page 1. */
  const update = useCallback(
    (changes: Partial<RecordQuery>) => {
      const next = { ...query, ...changes, page: changes.page ?? 1 };
      const search = new URLSearchParams();
      for (const f of LIST_FILTERS) for (const v of next[f] ?? []) search.append(f, v);
      if (next.from) search.set('from', next.from);
      if (next.to) search.set('to', next.to);
      if (next.page > 1) search.set('page', String(next.page));
      setParams(search);
    },
    [query, setParams],
  );
  return { query, update, filters: query satisfies RecordFilters };
}
