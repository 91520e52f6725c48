import { useEffect, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** A page number as a list's address writes it: a whole number from 1; anything else (-3, 0, 2.5, abc) is null. */
export function pageNumber(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) && Number(value) >= 1 ? Number(value) : null;
}

/**
 * The address's parameters without a bad page or order (`sorts`: the orders of a list that has a choice of
 * them), or null when neither is bad: the list shows its first page and its default order for them.
 */
export function withoutBadValues(params: URLSearchParams, sorts?: readonly string[]): URLSearchParams | null {
  const bad = [
    ...(params.has('page') && pageNumber(params.get('page')) === null ? ['page'] : []),
    ...(sorts && params.has('sort') && !sorts.includes(params.get('sort')!) ? ['sort'] : []),
  ];
  if (bad.length === 0) return null;
  const kept = new URLSearchParams(params);
  for (const name of bad) kept.delete(name);
  return kept;
}

/**
 * A list's state in its address (filters, page, order), so that it can be bookmarked, shared and gone back
 * to; with its page. A bad page or order falls back to the default and is taken out of the address in
 * place (replace), so that neither the address bar nor the history keeps it.
 */
export function useListAddress(sorts?: readonly string[]) {
  const [params, setParams] = useSearchParams();
  const cleaned = useMemo(() => withoutBadValues(params, sorts), [params, sorts]);
  useEffect(() => {
    if (cleaned) setParams(cleaned, { replace: true });
  }, [cleaned, setParams]);
  return { params, setParams, page: pageNumber(params.get('page')) ?? 1 };
}
