import { recordPagePath } from '../../../../shared/record-pages';
import type { TimelineEntryKind, TimelinePage } from '../../../../shared/schemas/timeline';
import { getJson, queryString } from '../../../shared/api/client';

/** Whose timeline: a partnership's, an organisation's or an area's. */
export type TimelineSource = { partnership: string } | { organisation: string } | { area: string };

export interface TimelineFilters {
  kind: TimelineEntryKind[];
  area: string;
  /** Partial dates as typed: 2004, 2004-06, 2004-06-15; empty for none. */
  from: string;
  to: string;
  order: 'newest' | 'oldest';
}

export const NO_FILTERS: TimelineFilters = { kind: [], area: '', from: '', to: '', order: 'newest' };

function base(source: TimelineSource): string {
  if ('partnership' in source) return `/partnerships/${encodeURIComponent(source.partnership)}/timeline`;
  if ('organisation' in source) return `/organisations/${encodeURIComponent(source.organisation)}/timeline`;
  return `/areas/${encodeURIComponent(source.area)}/timeline`;
}

export function timelinePath(source: TimelineSource, filters: TimelineFilters, cursor?: string): string {
  return (
    base(source) +
    queryString({
      kind: filters.kind,
      area: filters.area,
      from: filters.from,
      to: filters.to,
      order: filters.order === 'newest' ? undefined : filters.order,
      cursor,
    })
  );
}

export const fetchTimeline = (path: string, signal?: AbortSignal) => getJson<TimelinePage>(path, signal);

/** The page of a record of the registry (a milestone's: its initiative's). */
export function recordPath(kind: TimelineEntryKind, slug: string): string {
  return recordPagePath(kind === 'milestone' ? 'initiative' : kind, slug);
}
