import { useCallback, useMemo } from 'react';
import { useListAddress } from '../../../shared/list-address';
import type { MarketQuery } from '../api/marketplace';

/** The filters that may hold several values (any of them matches). */
export const MARKET_FILTERS = ['kind', 'area', 'region', 'target', 'partnership'] as const;

/** The marketplace's search lives in its address: a search can be bookmarked, shared and saved. */
export function useMarketQuery() {
  const { params, setParams, page } = useListAddress();
  const query = useMemo<MarketQuery>(() => {
    const q: MarketQuery = { page };
    const text = params.get('q');
    if (text) q.q = text;
    for (const f of MARKET_FILTERS) {
      const values = params.getAll(f).filter(Boolean);
      if (values.length) q[f] = values;
    }
    return q;
  }, [params, page]);

  /** Changes the search; any change but the page's goes back to page 1. */
  const update = useCallback(
    (changes: Partial<MarketQuery>) => {
      const next = { ...query, ...changes, page: changes.page ?? 1 };
      const search = new URLSearchParams();
      if (next.q) search.set('q', next.q);
      for (const f of MARKET_FILTERS) for (const v of next[f] ?? []) search.append(f, v);
      if (next.page > 1) search.set('page', String(next.page));
      setParams(search);
    },
    [query, setParams],
  );
  return { query, update };
}
