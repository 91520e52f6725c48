import { useCallback, useMemo } from 'react';
import { DIRECTORY_SORTS, type DirectorySort } from '../../../../shared/domain';
import { useListAddress } from '../../../shared/list-address';

/** `country` is chosen in the region filter: every region of a country. */
export const FILTERS = ['region', 'country', 'kind', 'sector', 'area', 'nace'] as const;
export type Filter = (typeof FILTERS)[number];

/** Each filter may hold several values (a side of a partnership is several regions); any of them matches. */
export interface DirectoryQuery extends Partial<Record<Filter, string[]>> {
  q: string;
  page: number;
  /** The order chosen; none: the default (relevance with words, by name without). */
  sort?: DirectorySort;
}

const isSort = (value: string | null): value is DirectorySort => (DIRECTORY_SORTS as readonly (string | null)[]).includes(value);

/** The directory's state lives in the URL, so a search can be bookmarked, shared and gone back to. */
export function useDirectoryQuery() {
  const { params, setParams, page } = useListAddress(DIRECTORY_SORTS);
  const query = useMemo<DirectoryQuery>(() => {
    const q: DirectoryQuery = { q: params.get('q') ?? '', page };
    for (const f of FILTERS) {
      const values = params.getAll(f).filter(Boolean);
      if (values.length > 0) q[f] = values;
    }
    const sort = params.get('sort');
    // relevance means nothing without words: the default order then
    if (isSort(sort) && (sort !== 'relevance' || q.q)) q.sort = sort;
    return q;
  }, [params, page]);

  /** Changes some fields; any change other than the page goes back to page 1. */
  const update = useCallback(
    (changes: Partial<DirectoryQuery>) => {
      const next = { ...query, ...changes, page: changes.page ?? 1 };
      const search = new URLSearchParams();
      if (next.q) search.set('q', next.q);
      for (const f of FILTERS) for (const v of next[f] ?? []) search.append(f, v);
      if (next.sort && (next.sort !== 'relevance' || next.q)) search.set('sort', next.sort);
      if (next.page > 1) search.set('page', String(next.page));
      setParams(search);
    },
    [query, setParams],
  );
  return { query, update };
}
