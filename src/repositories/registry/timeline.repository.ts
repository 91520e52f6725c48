import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import {
  cooperationRecords as r,
  milestonePlace,
  namedParties,
  organisations,
  recordMilestones as m,
  recordParties,
  timelinePlace,
} from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { RecordKind } from '../../shared/registry.js';

/** Whose timeline: a partnership's (a party in each side's regions), an organisation's, an area's. */
export type TimelineScope = { sides: string[][] } | { organisationId: string } | { areaCode: string };

/** What the reader may read besides published records (services/registry/record-access.ts, in SQL). */
export interface TimelineReader {
  everything: boolean;
  organisationIds: string[];
  coordinatedRegions: string[];
}

/** Where the previous page ended: the entry's day on the timeline, its date's text length and its id. */
export interface TimelineCursor {
  day: string;
  length: number;
  id: string;
}

export interface TimelineQuery {
  scope: TimelineScope;
  reader: TimelineReader;
  /** Records of these kinds; none for milestones only. */
  recordKinds: RecordKind[];
  milestones: boolean;
  /** Records with any of these areas (empty: any). */
  areaCodes: string[];
  /** Records with a party in any of these regions (null: anywhere). */
  regionCodes: string[] | null;
  /** The period: entries whose dates meet [from, to], as first and last days. */
  from: string | null;
  to: string | null;
  order: 'newest' | 'oldest';
  after: TimelineCursor | null;
  limit: number;
}

export interface TimelineRow {
  entry: 'record' | 'milestone';
  /** The record's id, or the milestone's. */
  id: string;
  /** The day it sorts by: its first day oldest first, its last day newest first. */
  day: string;
  length: number;
  recordId: string;
  slug: string;
  kind: RecordKind;
  types: string[];
  stage: string;
  title: MultilingualText;
  areaCodes: string[];
  /** The record's date as known (its own, else its validity's start); a milestone's day. */
  dateValue: string;
  milestoneTitle: MultilingualText | null;
  dueOn: string | null;
  doneOn: string | null;
  /** The record's parties in their order. */
  parties: TimelineParty[];
}

export interface TimelineParty {
  name: MultilingualText;
  /** The organisation's slug; null for a party not on the platform. */
  slug: string | null;
}

const place = timelinePlace(r);

/**
 * Up to how many records a partnership may have (as the planner estimates) to be read and sorted rather than
 * found along the order's index: reading and sorting 1,500 costs a few milliseconds; the index walk past a sparse
 * partnership's records to 20 entries of an area or a period cost 30–120.
 */
const FEW_RECORDS = 5000;
/** What the page reads of a record (its search document and the rest stay out of the few records' set). */
const FEW_COLUMNS = [
  'id',
  'slug',
  'kind',
  'types',
  'stage',
  'title',
  'areaCodes',
  'regionCodes',
  'published',
  'dated',
  'datedFirst',
  'datedLast',
  'validFrom',
  'validFromFirst',
] as const;

type PageRow = TimelineRow & { length_key: number };
const rowOf = ({ length_key: _k, ...row }: PageRow): TimelineRow => row;
const textArray = (values: string[]) => sql`${sql.param(values)}::text[]`;

/**
 * The timelines of the registry: records at their own date and initiatives' milestones at theirs, one
 * page at a time, newest or oldest first, continued after a cursor. Partial dates keep their place (a
 * record of "2004" sits at the head of 2004 in either order): oldest first sorts by the first day and
 * the coarser date first; newest first by the last day, the coarser date first too. Each order reads an
 * index on those expressions, so a first page does not sort what it filters.
 */
export class TimelineRepository {
  constructor(private readonly db: Database) {}

  async page(query: TimelineQuery): Promise<TimelineRow[]> {
    if (query.recordKinds.length === 0 && !query.milestones) return [];
    if ('sides' in query.scope && (await this.estimatedRecords(query.scope)) <= FEW_RECORDS) return this.pageOfFew(query);
    const result = (await this.db.execute(this.pageStatement(query, r))) as unknown as { rows: PageRow[] };
    return result.rows.map(rowOf);
  }

  /** How many records the planner expects in the scope (its statistics of the regions' and areas' codes). */
  private async estimatedRecords(scope: TimelineScope): Promise<number> {
    const result = (await this.db.execute(
      sql`explain (format json) select 1 from ${r} where ${this.scopeCondition(scope)}`,
    )) as unknown as {
      rows: Record<string, unknown>[];
    };
    const value = Object.values(result.rows[0] ?? {})[0];
    const plan = (typeof value === 'string' ? JSON.parse(value) : value) as { Plan: { 'Plan Rows': number } }[];
    return plan[0]?.Plan['Plan Rows'] ?? Infinity;
  }

  /**
   * The page read from the scope's records, found through the GIN index of regions and sorted: a
   * partnership of regions with few records in common (a few hundred to FEW_RECORDS) filtered by an area
   * or a period has too few entries for the order's index, which walked past most of the period's other
   * records before it had 20 (or ran out).
   */
  private async pageOfFew(query: TimelineQuery): Promise<TimelineRow[]> {
    const few = sql.raw('few');
    const result = (await this.db.execute(sql`
      with ${few} as materialized (
        select ${sql.join(
          FEW_COLUMNS.map((c) => r[c]),
          sql`, `,
        )} from ${r} where ${this.scopeCondition(query.scope)})
      ${this.pageStatement(query, sql`${few} as ${r}`)}`)) as unknown as { rows: PageRow[] };
    return result.rows.map(rowOf);
  }

  /** The page's statement, its records read from `source` (the table, or the few records that can be on it). */
  private pageStatement(query: TimelineQuery, source: SQL | typeof r): SQL {
    const newest = query.order === 'newest';
    const parts: SQL[] = [];
    if (query.recordKinds.length > 0) parts.push(this.records(query, newest, source));
    if (query.milestones) parts.push(this.milestoneEntries(query, newest, source));
    const dir = newest ? sql`desc` : sql`asc`;
    // the parties are read for the page's entries only, in the same round trip
    return sql`
      select e.*, coalesce((
          select json_agg(json_build_object('name', coalesce(o.name, n.name), 'slug', o.slug) order by p.position)
          from ${recordParties} p
          left join ${organisations} o on o.id = p.organisation_id
          left join ${namedParties} n on n.id = p.named_party_id
          where p.record_id = e."recordId"), '[]') as parties
      from (
        select * from (${sql.join(
          parts.map((p) => sql`(${p})`),
          sql` union all `,
        )}) u
        order by u.day ${dir}, u.length_key ${dir}, u.id ${dir}
        limit ${query.limit}) e
      order by e.day ${dir}, e.length_key ${dir}, e.id ${dir}`;
  }

  /** Whose timeline a record is on. */
  private scopeCondition(scope: TimelineScope): SQL {
    if ('sides' in scope)
      return sql.join(
        scope.sides.map((side) => sql`${r.regionCodes} && ${textArray(side)}`),
        sql` and `,
      );
    if ('organisationId' in scope)
      return sql`${r.id} in (select record_id from ${recordParties} where organisation_id = ${scope.organisationId}::uuid)`;
    return sql`${r.areaCodes} @> ${textArray([scope.areaCode])}`;
  }

  /** The conditions on a record that every entry of the timeline meets: whose it is, filters, who reads. */
  private recordConditions(query: TimelineQuery): SQL {
    const conditions: SQL[] = [this.scopeCondition(query.scope)];
    if (query.areaCodes.length > 0) conditions.push(sql`${r.areaCodes} && ${textArray(query.areaCodes)}`);
    if (query.regionCodes) conditions.push(sql`${r.regionCodes} && ${textArray(query.regionCodes)}`);
    if (!query.reader.everything) {
      const or: SQL[] = [sql`${r.published}`];
      if (query.reader.coordinatedRegions.length > 0) or.push(sql`${r.regionCodes} && ${textArray(query.reader.coordinatedRegions)}`);
      if (query.reader.organisationIds.length > 0)
        or.push(
          sql`${r.id} in (select record_id from ${recordParties} where organisation_id = any(${sql.param(query.reader.organisationIds)}::uuid[]))`,
        );
      conditions.push(sql`(${sql.join(or, sql` or `)})`);
    }
    return sql.join(conditions, sql` and `);
  }

  private records(query: TimelineQuery, newest: boolean, source: SQL | typeof r): SQL {
    const day = newest ? place.last : place.first;
    const lengthKey = newest ? sql`(- ${place.length})` : place.length;
    const conditions = [
      this.recordConditions(query),
      sql`${r.kind} = any(${textArray(query.recordKinds)})`,
      sql`${place.first} is not null`,
    ];
    // a date covers a calendar year at most, so a bound also bounds the order's own key (a date that starts
    // by `to` ends by the end of to's year): its index scan then starts near the period instead of filtering
    // every later (or earlier) record; the other key is left unbounded, which keeps the planner off a
    // bitmap of both indexes and a sort
    if (query.from) {
      conditions.push(sql`${place.last} >= ${query.from}::date`);
      if (!newest) conditions.push(sql`${place.first} >= ${`${query.from.slice(0, 4)}-01-01`}::date`);
    }
    if (query.to) {
      conditions.push(sql`${place.first} <= ${query.to}::date`);
      if (newest) conditions.push(sql`${place.last} <= ${`${query.to.slice(0, 4)}-12-31`}::date`);
    }
    if (query.after) {
      const key = newest ? -query.after.length : query.after.length;
      conditions.push(
        sql`(${day}, ${lengthKey}, ${r.id}) ${newest ? sql`<` : sql`>`} (${query.after.day}::date, ${key}::int, ${query.after.id}::uuid)`,
      );
    }
    const dir = newest ? sql`desc` : sql`asc`;
    return sql`
      select 'record' as entry, ${r.id} as id, ${day}::text as day, ${place.length} as length, ${lengthKey} as length_key,
        ${r.id} as "recordId", ${r.slug} as slug, ${r.kind} as kind, ${r.types} as types, ${r.stage} as stage, ${r.title} as title,
        ${r.areaCodes} as "areaCodes", coalesce(${r.dated}, ${r.validFrom}) as "dateValue",
        null::jsonb as "milestoneTitle", null::text as "dueOn", null::text as "doneOn"
      from ${source}
      where ${sql.join(conditions, sql` and `)}
      order by ${day} ${dir}, ${lengthKey} ${dir}, ${r.id} ${dir}
      limit ${query.limit}`;
  }

  private milestoneEntries(query: TimelineQuery, newest: boolean, source: SQL | typeof r): SQL {
    const day = milestonePlace(m);
    // a milestone's date is a day: 10 characters, after the coarser dates of that day in either order
    const length = 10;
    const lengthKey = newest ? -length : length;
    const conditions = [this.recordConditions(query), sql`${day} is not null`];
    if (query.from) conditions.push(sql`${day} >= ${query.from}::date`);
    if (query.to) conditions.push(sql`${day} <= ${query.to}::date`);
    if (query.after) {
      const after = query.after;
      const cursorKey = newest ? -after.length : after.length;
      const beyond = newest ? sql`<` : sql`>`;
      // (day, lengthKey, id) beyond the cursor, with lengthKey constant here
      if (lengthKey === cursorKey) conditions.push(sql`(${day}, ${m.id}) ${beyond} (${after.day}::date, ${after.id}::uuid)`);
      else if (lengthKey > cursorKey === !newest) conditions.push(sql`${day} ${newest ? sql`<=` : sql`>=`} ${after.day}::date`);
      else conditions.push(sql`${day} ${beyond} ${after.day}::date`);
    }
    const dir = newest ? sql`desc` : sql`asc`;
    return sql`
      select 'milestone' as entry, ${m.id} as id, ${day}::text as day, ${sql.raw(String(length))} as length, ${sql.raw(String(lengthKey))} as length_key,
        ${r.id} as "recordId", ${r.slug} as slug, ${r.kind} as kind, ${r.types} as types, ${r.stage} as stage, ${r.title} as title,
        ${r.areaCodes} as "areaCodes", ${day}::text as "dateValue",
        ${m.title} as "milestoneTitle", ${m.dueOn}::text as "dueOn", ${m.doneOn}::text as "doneOn"
      from ${m} join ${source} on ${r.id} = ${m.recordId}
      where ${sql.join(conditions, sql` and `)}
      order by ${day} ${dir}, ${m.id} ${dir}
      limit ${query.limit}`;
  }
}
