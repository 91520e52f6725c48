import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { eventSessions, organisations } from '../../../db/schema/index.js';
import type { MultilingualText } from '../../../shared/multilingual.js';

export type SessionRow = typeof eventSessions.$inferSelect;
export type NewSession = Omit<typeof eventSessions.$inferInsert, 'id' | 'version'>;
export type SessionColumns = Partial<Omit<NewSession, 'eventId'>>;

/** A session with its site's organisation, and the organisations its speakers are of, by id. */
export interface SessionDetailRow extends SessionRow {
  site: { slug: string; name: MultilingualText } | null;
  speakerOrganisations: Map<string, { slug: string; name: MultilingualText }>;
}

/** An event's programme: its sessions, site visits and breaks, by start. */
export class SessionRepository {
  constructor(private readonly db: Database) {}

  async list(eventId: string, delegationId?: string): Promise<SessionDetailRow[]> {
    const rows = await this.db
      .select()
      .from(eventSessions)
      .where(and(eq(eventSessions.eventId, eventId), delegationId ? eq(eventSessions.delegationId, delegationId) : undefined))
      .orderBy(asc(eventSessions.startsAt), asc(eventSessions.endsAt), asc(eventSessions.id));
    return this.withOrganisations(rows);
  }

  async find(eventId: string, id: string): Promise<SessionDetailRow | null> {
    const rows = await this.db
      .select()
      .from(eventSessions)
      .where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.id, id)));
    return (await this.withOrganisations(rows))[0] ?? null;
  }

  async insert(values: NewSession): Promise<string> {
    const [row] = await this.db.insert(eventSessions).values(values).returning({ id: eventSessions.id });
    return row!.id;
  }

  /** Writes the columns and moves the version on, only if still at `expected` (null: any): the new version, or null. */
  async update(id: string, values: SessionColumns, expected: number | null): Promise<number | null> {
    const [row] = await this.db
      .update(eventSessions)
      .set({ ...values, version: sql`${eventSessions.version} + 1` })
      .where(and(eq(eventSessions.id, id), expected === null ? undefined : eq(eventSessions.version, expected)))
      .returning({ version: eventSessions.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: eventSessions.version }).from(eventSessions).where(eq(eventSessions.id, id));
    return row?.version;
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(eventSessions).where(eq(eventSessions.id, id));
  }

  /** The earliest start and latest end of the event's sessions (what a new start–end of the event must still hold). */
  async span(eventId: string): Promise<{ first: Date | null; last: Date | null }> {
    const [row] = await this.db
      .select({ first: sql<string | null>`min(${eventSessions.startsAt})`, last: sql<string | null>`max(${eventSessions.endsAt})` })
      .from(eventSessions)
      .where(eq(eventSessions.eventId, eventId));
    return { first: row?.first ? new Date(row.first) : null, last: row?.last ? new Date(row.last) : null };
  }

  private async withOrganisations(rows: SessionRow[]): Promise<SessionDetailRow[]> {
    const ids = [
      ...new Set(
        rows.flatMap((r) => [r.siteOrganisationId, ...r.speakers.map((s) => s.organisationId)]).filter((id): id is string => !!id),
      ),
    ];
    const orgs = ids.length
      ? await this.db
          .select({ id: organisations.id, slug: organisations.slug, name: organisations.name })
          .from(organisations)
          .where(inArray(organisations.id, ids))
      : [];
    const byId = new Map(orgs.map((o) => [o.id, { slug: o.slug, name: o.name }]));
    return rows.map((r) => ({
      ...r,
      site: r.siteOrganisationId ? (byId.get(r.siteOrganisationId) ?? null) : null,
      speakerOrganisations: byId,
    }));
  }
}
