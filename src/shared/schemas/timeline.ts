import { Type, type Static } from 'typebox';
import { PARTIAL_DATE_PATTERN, PARTIAL_DATE_PRECISIONS } from '../partial-date.js';
import { RECORD_KINDS } from '../registry.js';
import { MultilingualTextSchema } from './common.js';
import { RegionCodeSchema, SlugSchema } from './organisations.js';

/** What a timeline shows: the registry's records of each kind, and initiatives' milestones. */
export const TIMELINE_ENTRY_KINDS = [...RECORD_KINDS, 'milestone'] as const;
export type TimelineEntryKind = (typeof TIMELINE_ENTRY_KINDS)[number];
export const TIMELINE_ORDERS = ['newest', 'oldest'] as const;
export const TIMELINE_PAGE_SIZE_DEFAULT = 20;
export const TIMELINE_PAGE_SIZE_MAX = 100;

const several = <T extends Parameters<typeof Type.Array>[0]>(item: T, max: number) =>
  Type.Array(item, { maxItems: max, description: 'repeat the parameter for several values (any of them matches)' });

const PartialDateSchema = (description: string) =>
  Type.String({ pattern: PARTIAL_DATE_PATTERN, description: `${description}: a year (2004), a month (2004-06) or a day (2004-06-15)` });

const timelineFilters = {
  kind: Type.Optional(several(Type.Enum(TIMELINE_ENTRY_KINDS), TIMELINE_ENTRY_KINDS.length)),
  area: Type.Optional(several(SlugSchema, 20)),
  from: Type.Optional(PartialDateSchema('entries whose dates end on or after the first day of this date')),
  to: Type.Optional(PartialDateSchema('entries whose dates start on or before the last day of this date')),
  order: Type.Optional(
    Type.Enum(TIMELINE_ORDERS, {
      description:
        'newest (the default: by the last day a date covers) or oldest (by its first day); either way a date known to a year or a month comes before the days it covers',
    }),
  ),
  cursor: Type.Optional(Type.String({ maxLength: 300, description: 'nextCursor of the previous page' })),
  pageSize: Type.Integer({ minimum: 1, maximum: TIMELINE_PAGE_SIZE_MAX, default: TIMELINE_PAGE_SIZE_DEFAULT }),
};

export const TimelineQuerySchema = Type.Object(timelineFilters, { additionalProperties: false });
export const AreaTimelineQuerySchema = Type.Object(
  { ...timelineFilters, region: Type.Optional(several(RegionCodeSchema, 20)) },
  { additionalProperties: false },
);
export type TimelineQueryInput = Static<typeof AreaTimelineQuerySchema>;

export const AreaParamsSchema = Type.Object({ code: SlugSchema });

export const TimelineDateSchema = Type.Object({
  value: Type.String({ description: 'as known: 2004, 2004-06 or 2004-06-15' }),
  precision: Type.Enum(PARTIAL_DATE_PRECISIONS),
  first: Type.String({ description: 'the first day it covers' }),
  last: Type.String({ description: 'the last day it covers' }),
});

export const TimelineEntrySchema = Type.Object({
  kind: Type.Enum(TIMELINE_ENTRY_KINDS),
  /** The record's slug; a milestone's initiative's. */
  slug: Type.String({ description: "the record's slug (a milestone's: its initiative's)" }),
  title: MultilingualTextSchema(1000),
  type: Type.Union([Type.String(), Type.Null()], { description: "an agreement's type, an academic partnership's first kind" }),
  stage: Type.String({ description: "the record's stage (a milestone's initiative's)" }),
  date: TimelineDateSchema,
  parties: Type.Array(
    Type.Object({
      name: MultilingualTextSchema(300),
      slug: Type.Union([Type.String(), Type.Null()], { description: 'null: not on the platform' }),
    }),
  ),
  areas: Type.Array(Type.String()),
  milestone: Type.Optional(
    Type.Object({
      initiative: MultilingualTextSchema(1000),
      dueOn: Type.Union([Type.String(), Type.Null()]),
      doneOn: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type TimelineEntry = Static<typeof TimelineEntrySchema>;

export const TimelinePageSchema = Type.Object({
  entries: Type.Array(TimelineEntrySchema),
  order: Type.Enum(TIMELINE_ORDERS),
  nextCursor: Type.Union([Type.String(), Type.Null()], { description: 'give it as cursor for the next page; null on the last' }),
});
export type TimelinePage = Static<typeof TimelinePageSchema>;
