import { useEffect, useState } from 'react';
import type { TimelineEntry } from '../../../../shared/schemas/timeline';
import { fetchTimeline, timelinePath, type TimelineFilters, type TimelineSource } from '../api/timeline';

interface State {
  path: string;
  entries: TimelineEntry[];
  nextCursor: string | null;
  status: 'loading' | 'ready' | 'error';
  error?: Error;
}

/**
 * A timeline's pages as the reader goes: the first page for the filters, then each "load more" appended
 * after the cursor the previous page gave. New filters start again from the first page.
 */
export function useTimeline(source: TimelineSource, filters: TimelineFilters) {
  const path = timelinePath(source, filters);
  const [state, setState] = useState<State>({ path, entries: [], nextCursor: null, status: 'loading' });

  useEffect(() => {
    const controller = new AbortController();
    setState((s) => ({ ...s, path, status: 'loading', error: undefined }));
    fetchTimeline(path, controller.signal)
      .then((page) => setState({ path, entries: page.entries, nextCursor: page.nextCursor, status: 'ready' }))
      .catch((error: Error) => {
        if (!controller.signal.aborted) setState((s) => ({ ...s, entries: [], nextCursor: null, status: 'error', error }));
      });
    return () => controller.abort();
  }, [path]);

  const loadMore = () => {
    if (!state.nextCursor || state.status === 'loading') return;
    const cursor = state.nextCursor;
    setState((s) => ({ ...s, status: 'loading' }));
    fetchTimeline(timelinePath(source, filters, cursor))
      .then((page) =>
        setState((s) =>
          s.path === path ? { ...s, entries: [...s.entries, ...page.entries], nextCursor: page.nextCursor, status: 'ready' } : s,
        ),
      )
      .catch((error: Error) => setState((s) => ({ ...s, status: 'error', error })));
  };

  return { ...state, loading: state.status === 'loading', loadMore };
}
