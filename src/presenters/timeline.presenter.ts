import type { TimelineRow } from '../repositories/registry/timeline.repository.js';
import { partialDate } from '../shared/partial-date.js';
import type { TimelineEntry } from '../shared/schemas/timeline.js';

/**
 * A timeline entry as the API gives it: the record (or milestone) with its date at its own precision, so
 * that a page puts "2004" under the year's heading and never on 1 January.
 */
export function presentTimelineEntry(row: TimelineRow): TimelineEntry {
  const { value, precision, first, last } = partialDate(row.dateValue);
  const entry: TimelineEntry = {
    kind: row.entry === 'milestone' ? 'milestone' : row.kind,
    slug: row.slug,
    title: row.entry === 'milestone' ? row.milestoneTitle! : row.title,
    type: row.types[0] ?? null,
    stage: row.stage,
    date: { value, precision, first, last },
    parties: row.parties.map((p) => ({ name: p.name, slug: p.slug })),
    areas: row.areaCodes,
  };
  if (row.entry === 'milestone') entry.milestone = { initiative: row.title, dueOn: row.dueOn, doneOn: row.doneOn };
  return entry;
}
