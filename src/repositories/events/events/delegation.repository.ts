import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client.js';
import { delegationMembers, delegations, organisations } from '../../../db/schema/index.js';
import type { MultilingualText } from '../../../shared/multilingual.js';

export type DelegationRow = typeof delegations.$inferSelect;
export type NewDelegation = Omit<typeof delegations.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;
export type DelegationColumns = Partial<Omit<NewDelegation, 'eventId'>>;
export type NewMember = Omit<typeof delegationMembers.$inferInsert, 'id' | 'delegationId' | 'sortOrder'>;
export type MemberRow = typeof delegationMembers.$inferSelect & { organisation: { slug: string; name: MultilingualText } | null };

export interface DelegationDetailRow extends DelegationRow {
  members: MemberRow[];
}

/** An event's visiting delegations and their members (their programme is sessions with the delegation's id). */
export class DelegationRepository {
  constructor(private readonly db: Database) {}

  async list(eventId: string): Promise<DelegationDetailRow[]> {
    const rows = await this.db
      .select()
      .from(delegations)
      .where(eq(delegations.eventId, eventId))
      .orderBy(asc(delegations.createdAt), asc(delegations.id));
    return this.withMembers(rows);
  }

  async find(eventId: string, id: string): Promise<DelegationDetailRow | null> {
    const rows = await this.db
      .select()
      .from(delegations)
      .where(and(eq(delegations.eventId, eventId), eq(delegations.id, id)));
    return (await this.withMembers(rows))[0] ?? null;
  }

  async insert(values: NewDelegation, now: Date): Promise<string> {
    const [row] = await this.db
      .insert(delegations)
      .values({ ...values, createdAt: now, updatedAt: now })
      .returning({ id: delegations.id });
    return row!.id;
  }

  async update(id: string, values: DelegationColumns, now: Date, expected: number | null): Promise<number | null> {
    const [row] = await this.db
      .update(delegations)
      .set({ ...values, updatedAt: now, version: sql`${delegations.version} + 1` })
      .where(and(eq(delegations.id, id), expected === null ? undefined : eq(delegations.version, expected)))
      .returning({ version: delegations.version });
    return row?.version ?? null;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: delegations.version }).from(delegations).where(eq(delegations.id, id));
    return row?.version;
  }

  /** Replaces the members whole, in the order given. */
  async setMembers(delegationId: string, members: NewMember[]): Promise<void> {
    await this.db.delete(delegationMembers).where(eq(delegationMembers.delegationId, delegationId));
    if (members.length === 0) return;
    await this.db.insert(delegationMembers).values(members.map((m, sortOrder) => ({ ...m, delegationId, sortOrder })));
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(delegations).where(eq(delegations.id, id));
  }

  private async withMembers(rows: DelegationRow[]): Promise<DelegationDetailRow[]> {
    if (rows.length === 0) return [];
    const members = await this.db
      .select({ member: delegationMembers, slug: organisations.slug, name: organisations.name })
      .from(delegationMembers)
      .leftJoin(organisations, eq(organisations.id, delegationMembers.organisationId))
      .where(
        inArray(
          delegationMembers.delegationId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(delegationMembers.sortOrder));
    return rows.map((r) => ({
      ...r,
      members: members
        .filter((m) => m.member.delegationId === r.id)
        .map((m) => ({ ...m.member, organisation: m.slug && m.name ? { slug: m.slug, name: m.name } : null })),
    }));
  }
}
