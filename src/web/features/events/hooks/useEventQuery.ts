import { useCallback, useMemo } from 'react';
import { useListAddress } from '../../../shared/list-address';
import type { EventQuery } from '../api/events';

const LISTS = ['kind', 'region'] as const;
const SINGLES = ['q', 'from', 'to', 'mine'] as const;

/** The events' filters live in the address: a list can be bookmarked and shared. */
export function useEventQuery() {
  const { params, setParams, page } = useListAddress();
  const query = useMemo<EventQuery>(() => {
    const q: EventQuery = { page };
    for (const f of SINGLES) {
      const v = params.get(f);
      if (v) q[f] = v;
    }
    for (const f of LISTS) {
      const values = params.getAll(f).filter(Boolean);
      if (values.length) q[f] = values;
    }
    return q;
  }, [params, page]);
  /** Changes the filters; any change but the page's goes back to page 1. */
  const update = useCallback(
    (changes: Partial<EventQuery>) => {
      const next = { ...query, ...changes, page: changes.page ?? 1 };
      const search = new URLSearchParams();
      for (const f of SINGLES) if (next[f]) search.set(f, next[f]!);
      for (const f of LISTS) for (const v of next[f] ?? []) search.append(f, v);
      if (next.page > 1) search.set('page', String(next.page));
      setParams(search);
    },
    [query, setParams],
  );
  return { query, update };
}
