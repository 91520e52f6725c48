import { randomBytes } from 'node:crypto';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { eventOrganisers, events, organisations } from '../../../db/schema/index.js';
import type { OrganisationKind } from '../../../shared/domain.js';
import type { EventKind, EventStatus, OrganiserRole } from '../../../shared/events.js';
import { allTexts, type MultilingualText } from '../../../shared/multilingual.js';
import { slugify } from '../../../shared/transliterate.js';

export type EventRow = typeof events.$inferSelect;
export type NewEvent = Omit<typeof events.$inferInsert, 'id' | 'slug' | 'createdAt' | 'updatedAt' | 'version' | 'feedSecret'>;
export type EventColumns = Partial<Omit<NewEvent, 'createdBy'>>;

export interface OrganisationRef {
  id: string;
  slug: string;
  name: MultilingualText;
  kind: OrganisationKind;
  regionCode: string;
}

export interface EventOrganiserRow {
  organisation: OrganisationRef;
  role: OrganiserRole;
}

/** An event with what its page names: the venue's organisation and the organisers, in their order. */
export interface EventDetailRow extends EventRow {
  venueOrganisation: OrganisationRef | null;
  organisers: EventOrganiserRow[];
}

export interface EventSummaryRow extends EventRow {
  venueOrganisationName: MultilingualText | null;
}

/** Which drafts a reader may list: all (a platform administrator), or those of these organisations or regions. */
export interface OrganisedBy {
  all: boolean;
  organisationIds: string[];
  regionCodes: string[];
}

export interface EventListFilter {
  words: string[];
  kinds: EventKind[];
  regionCodes: string[] | null;
  from?: string;
  to?: string;
  status?: EventStatus;
  mine: boolean;
  organisedBy: OrganisedBy;
  now: Date;
  offset: number;
  limit: number;
}

const orgColumns = {
  id: organisations.id,
  slug: organisations.slug,
  name: organisations.name,
  kind: organisations.kind,
  regionCode: organisations.regionCode,
};

/** An event's address: its title, transliterated, and a short random suffix that keeps two of one title apart. */
export function eventSlug(title: MultilingualText): string {
  const base = slugify(title[title.original] ?? allTexts(title)[0] ?? '', 60) || 'event';
  return `${base}-${randomBytes(3).toString('hex')}`;
}

/** Escapes LIKE's wildcards so that a typed % or _ is matched as itself. */
const likeWord = (word: string) => `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Events, their organisers; reads for pages and lists, writes with the version check. */
export class EventRepository {
  constructor(private readonly db: Database) {}

  /** A new event under a free slug (another suffix on the rare clash); `slug` fixes it (the demo's events), null if taken. */
  async insert(values: NewEvent, now: Date, slug?: string): Promise<{ id: string; slug: string }> {
    for (;;) {
      const [row] = await this.db
        .insert(events)
        .values({
          ...values,
          slug: slug ?? eventSlug(values.title),
          feedSecret: randomBytes(24).toString('hex'),
          createdAt: now,
          updatedAt: now,
        })
        .onConflictDoNothing({ target: events.slug })
        .returning({ id: events.id, slug: events.slug });
      if (row) return row;
      if (slug) throw new Error(`An event ${slug} exists already.`);
    }
  }

  async idBySlug(slug: string): Promise<string | null> {
    const [row] = await this.db.select({ id: events.id }).from(events).where(eq(events.slug, slug));
    return row?.id ?? null;
  }

  /** Writes the columns and moves the version on, only if still at `expected` (null: any): the new version, or null. */
  async update(id: string, values: EventColumns, now: Date, expected: number | null): Promise<number | null> {
    const [row] = await this.db
      .update(events)
      .set({ ...values, updatedAt: now, version: sql`${events.version} + 1` })
      .where(and(eq(events.id, id), expected === null ? undefined : eq(events.version, expected)))
      .returning({ version: events.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: events.version }).from(events).where(eq(events.id, id));
    return row?.version;
  }

  /** Replaces the organisers whole, in the order given. */
  async setOrganisers(eventId: string, organisers: { organisationId: string; role: OrganiserRole }[]): Promise<void> {
    await this.db.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
    if (organisers.length === 0) return;
    await this.db
      .insert(eventOrganisers)
      .values(organisers.map((o, position) => ({ eventId, organisationId: o.organisationId, role: o.role, position })));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(events).where(eq(events.id, id));
  }

  async detail(id: string): Promise<EventDetailRow | null> {
    const [row] = await this.db.select().from(events).where(eq(events.id, id));
    if (!row) return null;
    const venue = row.venueOrganisationId
      ? ((await this.db.select(orgColumns).from(organisations).where(eq(organisations.id, row.venueOrganisationId)))[0] ?? null)
      : null;
    const organisers = await this.db
      .select({ organisation: orgColumns, role: eventOrganisers.role })
      .from(eventOrganisers)
      .innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
      .where(eq(eventOrganisers.eventId, id))
      .orderBy(asc(eventOrganisers.position));
    return { ...row, venueOrganisation: venue, organisers };
  }

  /** The organisations of these slugs (any of them may be missing: the caller names those). */
  async organisationsBySlugs(slugs: string[]): Promise<OrganisationRef[]> {
    if (slugs.length === 0) return [];
    return this.db.select(orgColumns).from(organisations).where(inArray(organisations.slug, slugs));
  }

  /** A page of events the filter keeps, upcoming first (soonest first), then past ones (latest first), then those without instants. */
  async list(filter: EventListFilter): Promise<{ rows: EventSummaryRow[]; total: number }> {
    const organised = this.organisedCondition(filter.organisedBy);
    const conditions: (SQL | undefined)[] = [
      filter.mine ? organised : or(sql`${events.status} <> 'draft'`, organised),
      filter.kinds.length ? inArray(events.kind, filter.kinds) : undefined,
      filter.regionCodes ? inArray(events.regionCode, filter.regionCodes.length ? filter.regionCodes : ['']) : undefined,
      filter.status ? eq(events.status, filter.status) : undefined,
      ...filter.words.map((word) => {
        const pattern = likeWord(word);
        return sql`(${events.title}->>'ru' ilike ${pattern} or ${events.title}->>'fr' ilike ${pattern} or ${events.title}->>'en' ilike ${pattern})`;
      }),
      filter.from ? this.endsOnOrAfter(filter.from) : undefined,
      filter.to ? this.startsOnOrBefore(filter.to) : undefined,
    ];
    const where = and(...conditions);
    const now = filter.now.toISOString();
    const bucket = sql`(case when ${events.startsAt} is null then 2 when coalesce(${events.endsAt}, ${events.startsAt}) >= ${now}::timestamptz then 0 else 1 end)`;
    const rows = await this.db
      .select({ event: events, venueOrganisationName: organisations.name })
      .from(events)
      .leftJoin(organisations, eq(organisations.id, events.venueOrganisationId))
      .where(where)
      .orderBy(
        bucket,
        sql`case when ${bucket} = 0 then ${events.startsAt} end asc`,
        sql`case when ${bucket} = 1 then ${events.startsAt} end desc`,
        asc(events.id),
      )
      .offset(filter.offset)
      .limit(filter.limit);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(events)
      .where(where);
    return { rows: rows.map((r) => ({ ...r.event, venueOrganisationName: r.venueOrganisationName })), total: count?.n ?? 0 };
  }

  private organisedCondition(by: OrganisedBy): SQL {
    if (by.all) return sql`true`;
    const parts: SQL[] = [];
    if (by.organisationIds.length)
      parts.push(
        sql`exists (select 1 from ${eventOrganisers} where ${eventOrganisers.eventId} = ${events.id} and ${inArray(eventOrganisers.organisationId, by.organisationIds)})`,
      );
    if (by.regionCodes.length) parts.push(inArray(events.regionCode, by.regionCodes));
    return parts.length ? or(...parts)! : sql`false`;
  }

  /**
   * The first and last days an event covers: its instants' days (in UTC: a filter by day is coarse), or its
   * known date's period; a day and month without a year ("--04-18") is in no period.
   */
  private firstDay(): SQL {
    return sql`(case when ${events.startsAt} is not null then (${events.startsAt} at time zone 'UTC')::date
      when ${events.knownDate} ~ '^\\d{4}$' then (${events.knownDate} || '-01-01')::date
      when ${events.knownDate} ~ '^\\d{4}-\\d{2}$' then (${events.knownDate} || '-01')::date
      when ${events.knownDate} ~ '^\\d{4}-\\d{2}-\\d{2}$' then ${events.knownDate}::date end)`;
  }

  private lastDay(): SQL {
    return sql`(case when ${events.startsAt} is not null then (coalesce(${events.endsAt}, ${events.startsAt}) at time zone 'UTC')::date
      when ${events.knownDate} ~ '^\\d{4}$' then (${events.knownDate} || '-12-31')::date
      when ${events.knownDate} ~ '^\\d{4}-\\d{2}$' then ((${events.knownDate} || '-01')::date + interval '1 month' - interval '1 day')::date
      when ${events.knownDate} ~ '^\\d{4}-\\d{2}-\\d{2}$' then ${events.knownDate}::date end)`;
  }

  private endsOnOrAfter(day: string): SQL {
    return sql`${this.lastDay()} >= ${day}::date`;
  }

  private startsOnOrBefore(day: string): SQL {
    return sql`${this.firstDay()} <= ${day}::date`;
  }
}
