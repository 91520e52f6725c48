import { and, asc, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { delegations, events, organisations, participationTypes, registrations } from '../../db/schema/index.js';
import type { RegistrationStatus } from '../../shared/events.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { ExpectedVersion } from '../../services/versioning.js';

export type RegistrationRow = typeof registrations.$inferSelect;
export type NewRegistration = typeof registrations.$inferInsert;

/** A registration with what its answer names: its type, its organisation on the platform, its event's slug. */
export interface RegistrationView extends RegistrationRow {
  eventSlug: string;
  type: Pick<typeof participationTypes.$inferSelect, 'id' | 'kind' | 'name'>;
  organisation: Pick<typeof organisations.$inferSelect, 'slug' | 'name'> | null;
  /** 1 for the first on its type's waiting list; null when not waitlisted. */
  waitlistPosition: number | null;
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  typeId?: string;
  /** Words of a name, matched accent- and case-insensitively. */
  q?: string;
  offset: number;
  limit: number;
}

/** Escapes LIKE's wildcards so that a typed % or _ is a character. */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A name matches when it holds every typed word, accents and case aside (Лёва = лева, Hélène = helene). */
export function nameMatches(q: string | undefined): SQL | undefined {
  const words = (q ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return undefined;
  return and(...words.map((w) => sql`unaccent(lower(${registrations.name})) like '%' || unaccent(lower(${likeEscape(w)})) || '%'`));
}

/** Registrations: writes with the version check, the waiting list's order, lists for organisers, check-in. */
export class RegistrationRepository {
  constructor(private readonly db: Database) {}

  private views(where: SQL | undefined) {
    return this.db
      .select({
        registration: registrations,
        eventSlug: events.slug,
        type: { id: participationTypes.id, kind: participationTypes.kind, name: participationTypes.name },
        organisationSlug: organisations.slug,
        organisationName: organisations.name,
        // the waiting list is in order of registration (then id, for two at the same instant)
        waitlistPosition: sql<number | null>`case when ${registrations.status} = 'waitlisted' then (
          select count(*)::int from ${registrations} w where w.participation_type_id = "registrations"."participation_type_id"
            and w.status = 'waitlisted' and (w.created_at, w.id) <= ("registrations"."created_at", "registrations"."id")) end`,
      })
      .from(registrations)
      .innerJoin(events, eq(events.id, registrations.eventId))
      .innerJoin(participationTypes, eq(participationTypes.id, registrations.participationTypeId))
      .leftJoin(organisations, eq(organisations.id, registrations.organisationId))
      .where(where);
  }

  private static toView(row: {
    registration: RegistrationRow;
    eventSlug: string;
    type: RegistrationView['type'];
    organisationSlug: string | null;
    organisationName: MultilingualText | null;
    waitlistPosition: number | null;
  }): RegistrationView {
    return {
      ...row.registration,
      eventSlug: row.eventSlug,
      type: row.type,
      organisation: row.organisationSlug && row.organisationName ? { slug: row.organisationSlug, name: row.organisationName } : null,
      waitlistPosition: row.waitlistPosition === null ? null : Number(row.waitlistPosition),
    };
  }

  async view(id: string): Promise<RegistrationView | undefined> {
    const [row] = await this.views(eq(registrations.id, id));
    return row && RegistrationRepository.toView(row);
  }

  async insert(values: NewRegistration): Promise<RegistrationRow> {
    const [row] = await this.db.insert(registrations).values(values).returning();
    return row!;
  }

  /** Null when the member has an active registration for the event already (the partial unique index). */
  async insertOnce(values: NewRegistration): Promise<RegistrationRow | null> {
    const [row] = await this.db
      .insert(registrations)
      .values(values)
      .onConflictDoNothing({
        target: [registrations.eventId, registrations.userId],
        where: sql`${registrations.userId} is not null and ${registrations.status} in ('pending', 'confirmed', 'waitlisted')`,
      })
      .returning();
    return row ?? null;
  }

  async find(id: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db.select().from(registrations).where(eq(registrations.id, id));
    return row;
  }

  async lock(id: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db.select().from(registrations).where(eq(registrations.id, id)).for('update');
    return row;
  }

  async update(id: string, expected: ExpectedVersion, values: Partial<NewRegistration>, at: Date): Promise<number | null> {
    const [row] = await this.db
      .update(registrations)
      .set({ ...values, version: sql`${registrations.version} + 1`, updatedAt: at })
      .where(and(eq(registrations.id, id), expected === null ? undefined : eq(registrations.version, expected)))
      .returning({ version: registrations.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: registrations.version }).from(registrations).where(eq(registrations.id, id));
    return row?.version;
  }

  /** The first on the type's waiting list, locked (the type's lock is held already: nobody else moves it). */
  async firstWaitlisted(typeId: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.participationTypeId, typeId), eq(registrations.status, 'waitlisted')))
      .orderBy(asc(registrations.createdAt), asc(registrations.id))
      .limit(1)
      .for('update');
    return row;
  }

  /** The member's active registration for the event, else their latest one. */
  async mine(eventId: string, userId: string): Promise<RegistrationView | undefined> {
    const rows = await this.views(and(eq(registrations.eventId, eventId), eq(registrations.userId, userId))).orderBy(
      sql`case when ${registrations.status} in ('pending', 'confirmed', 'waitlisted') then 0 else 1 end`,
      desc(registrations.createdAt),
    );
    return rows[0] && RegistrationRepository.toView(rows[0]);
  }

  /** The member's registrations across events (the event's id with each), soonest event first. */
  async ofUser(userId: string): Promise<RegistrationView[]> {
    const rows = await this.views(eq(registrations.userId, userId)).orderBy(
      sql`${events.startsAt} asc nulls last`,
      desc(registrations.createdAt),
    );
    return rows.map(RegistrationRepository.toView);
  }

  async list(eventId: string, filter: RegistrationFilter): Promise<{ items: RegistrationView[]; total: number }> {
    const where = and(
      eq(registrations.eventId, eventId),
      filter.status ? eq(registrations.status, filter.status) : undefined,
      filter.typeId ? eq(registrations.participationTypeId, filter.typeId) : undefined,
      nameMatches(filter.q),
    );
    const rows = await this.views(where).orderBy(asc(registrations.name), asc(registrations.id)).offset(filter.offset).limit(filter.limit);
    const [count] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(registrations)
      .where(where);
    return { items: rows.map(RegistrationRepository.toView), total: Number(count?.n ?? 0) };
  }

  /** Confirmed registrations by name, for the check-in desk. */
  async confirmedByName(eventId: string, q: string | undefined, limit: number): Promise<RegistrationView[]> {
    const rows = await this.views(and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'), nameMatches(q)))
      .orderBy(asc(registrations.name), asc(registrations.id))
      .limit(limit);
    return rows.map(RegistrationRepository.toView);
  }

  async byBadge(eventId: string, token: string): Promise<RegistrationRow | undefined> {
    const [row] = await this.db
      .select()
      .from(registrations)
      .where(and(eq(registrations.eventId, eventId), eq(registrations.badgeToken, token)));
    return row;
  }

  /** Checks in once: null when it was checked in already (two desks scanning one badge: one wins). */
  async checkIn(id: string, by: string, at: Date): Promise<number | null> {
    const [row] = await this.db
      .update(registrations)
      .set({ checkedInAt: at, checkedInBy: by, version: sql`${registrations.version} + 1`, updatedAt: at })
      .where(and(eq(registrations.id, id), isNull(registrations.checkedInAt)))
      .returning({ version: registrations.version });
    return row?.version ?? null;
  }

  /** Confirmed registrations counted by sector, region, type and check-in: numbers only. */
  async attendance(eventId: string): Promise<{
    confirmed: number;
    checkedIn: number;
    bySector: { sector: string | null; count: number }[];
    byRegion: { regionCode: string; count: number }[];
    byType: { participationTypeId: string; count: number }[];
  }> {
    const confirmed = and(eq(registrations.eventId, eventId), eq(registrations.status, 'confirmed'));
    const n = sql<number>`count(*)::int`;
    const [totals] = await this.db
      .select({ confirmed: n, checkedIn: sql<number>`count(${registrations.checkedInAt})::int` })
      .from(registrations)
      .where(confirmed);
    const bySector = await this.db
      .select({ sector: registrations.sector, count: n })
      .from(registrations)
      .where(confirmed)
      .groupBy(registrations.sector);
    const byRegion = await this.db
      .select({ regionCode: registrations.regionCode, count: n })
      .from(registrations)
      .where(and(confirmed, sql`${registrations.regionCode} is not null`))
      .groupBy(registrations.regionCode)
      .orderBy(desc(n), asc(registrations.regionCode));
    const byType = await this.db
      .select({ participationTypeId: registrations.participationTypeId, count: n })
      .from(registrations)
      .where(confirmed)
      .groupBy(registrations.participationTypeId);
    return {
      confirmed: Number(totals?.confirmed ?? 0),
      checkedIn: Number(totals?.checkedIn ?? 0),
      bySector: bySector.map((r) => ({ sector: r.sector, count: Number(r.count) })),
      byRegion: byRegion.map((r) => ({ regionCode: r.regionCode!, count: Number(r.count) })),
      byType: byType.map((r) => ({ participationTypeId: r.participationTypeId, count: Number(r.count) })),
    };
  }

  /** Whether the delegation is one of the event's. */
  async isDelegationOf(eventId: string, delegationId: string): Promise<boolean> {
    const [row] = await this.db
      .select({ id: delegations.id })
      .from(delegations)
      .where(and(eq(delegations.id, delegationId), eq(delegations.eventId, eventId)));
    return !!row;
  }
}
