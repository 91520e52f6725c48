import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { oneTimeTokens, roleGrants, sessions, users } from '../db/schema/index.js';
import type { Role, TokenPurpose } from '../shared/roles.js';

export type UserRow = typeof users.$inferSelect;
export type SessionRow = typeof sessions.$inferSelect;
export type RoleGrantRow = typeof roleGrants.$inferSelect;
export type TokenRow = typeof oneTimeTokens.$inferSelect;

/** Users, their sessions, roles and one-time tokens. */
export class AccountRepository {
  constructor(private readonly db: Database) {}

  async userByEmail(email: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.email, email.toLowerCase()));
    return row;
  }

  async userById(id: string): Promise<UserRow | undefined> {
    const [row] = await this.db.select().from(users).where(eq(users.id, id));
    return row;
  }

  async usersByIds(ids: string[]): Promise<UserRow[]> {
    if (ids.length === 0) return [];
    return this.db.select().from(users).where(inArray(users.id, ids));
  }

  async createUser(values: typeof users.$inferInsert): Promise<UserRow> {
    const [row] = await this.db
      .insert(users)
      .values({ ...values, email: values.email.toLowerCase() })
      .returning();
    return row!;
  }

  async updateUser(id: string, values: Partial<typeof users.$inferInsert>): Promise<void> {
    await this.db.update(users).set(values).where(eq(users.id, id));
  }

  async createSession(values: typeof sessions.$inferInsert): Promise<SessionRow> {
    const [row] = await this.db.insert(sessions).values(values).returning();
    return row!;
  }

  /** A session that is neither revoked nor expired, with its user. */
  async liveSession(tokenHash: string, now: Date): Promise<{ session: SessionRow; user: UserRow } | undefined> {
    const [row] = await this.db
      .select({ session: sessions, user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
    return row;
  }

  async touchSession(id: string, now: Date): Promise<void> {
    await this.db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, id));
  }

  liveSessions(userId: string, now: Date): Promise<SessionRow[]> {
    return this.db
      .select()
      .from(sessions)
      .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
      .orderBy(desc(sessions.lastSeenAt));
  }

  /** Revokes one session of a user, or all of them but one; returns how many ended. */
  async revokeSessions(userId: string, now: Date, only?: { id?: string; exceptId?: string }): Promise<number> {
    const rows = await this.db
      .update(sessions)
      .set({ revokedAt: now })
      .where(
        and(
          eq(sessions.userId, userId),
          isNull(sessions.revokedAt),
          only?.id ? eq(sessions.id, only.id) : undefined,
          only?.exceptId ? sql`${sessions.id} <> ${only.exceptId}` : undefined,
        ),
      )
      .returning({ id: sessions.id });
    return rows.length;
  }

  grantsOf(userId: string): Promise<RoleGrantRow[]> {
    return this.db.select().from(roleGrants).where(eq(roleGrants.userId, userId));
  }

  grantsInOrganisation(organisationId: string): Promise<RoleGrantRow[]> {
    return this.db.select().from(roleGrants).where(eq(roleGrants.organisationId, organisationId));
  }

  async grant(values: typeof roleGrants.$inferInsert): Promise<void> {
    await this.db.insert(roleGrants).values(values).onConflictDoNothing();
  }

  async revoke(where: { userId: string; role?: Role; regionCode?: string | null; organisationId?: string | null }): Promise<number> {
    const rows = await this.db
      .delete(roleGrants)
      .where(
        and(
          eq(roleGrants.userId, where.userId),
          where.role ? eq(roleGrants.role, where.role) : undefined,
          where.regionCode ? eq(roleGrants.regionCode, where.regionCode) : undefined,
          where.organisationId ? eq(roleGrants.organisationId, where.organisationId) : undefined,
        ),
      )
      .returning({ id: roleGrants.id });
    return rows.length;
  }

  async createToken(values: typeof oneTimeTokens.$inferInsert): Promise<void> {
    await this.db.insert(oneTimeTokens).values(values);
  }

  async tokenByHash(purpose: TokenPurpose, tokenHash: string): Promise<TokenRow | undefined> {
    const [row] = await this.db
      .select()
      .from(oneTimeTokens)
      .where(and(eq(oneTimeTokens.purpose, purpose), eq(oneTimeTokens.tokenHash, tokenHash)));
    return row;
  }

  /**
   * Marks a token used, only if it was not, and with it every other unused token of its purpose for the
   * same user: following one reset (or confirmation) link makes the older ones worthless. The user's row
   * is locked first, so that concurrent spends of that user's tokens run one after the other (each one
   * then sees what the previous one marked) instead of locking each other's tokens in turn.
   */
  async useToken(token: Pick<TokenRow, 'id' | 'purpose' | 'userId'>, now: Date): Promise<boolean> {
    if (token.userId) await this.db.select({ id: users.id }).from(users).where(eq(users.id, token.userId)).for('update');
    const rows = await this.db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.id, token.id), isNull(oneTimeTokens.usedAt)))
      .returning({ id: oneTimeTokens.id });
    if (rows.length !== 1) return false;
    if (token.userId) await this.cancelTokens(token.userId, [token.purpose], now);
    return true;
  }

  /** Makes a user's unused tokens of these purposes worthless (marked used), e.g. pending e-mail changes after a password reset. */
  async cancelTokens(userId: string, purposes: TokenPurpose[], now: Date): Promise<void> {
    await this.db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(and(eq(oneTimeTokens.userId, userId), inArray(oneTimeTokens.purpose, purposes), isNull(oneTimeTokens.usedAt)));
  }

  /** Marks a pending invitation of this organisation used, so that its link no longer works; the row if there was one. */
  async cancelInvitation(organisationId: string, id: string, now: Date): Promise<TokenRow | undefined> {
    const [row] = await this.db
      .update(oneTimeTokens)
      .set({ usedAt: now })
      .where(
        and(
          eq(oneTimeTokens.id, id),
          eq(oneTimeTokens.purpose, 'invitation'),
          eq(oneTimeTokens.organisationId, organisationId),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      )
      .returning();
    return row;
  }

  pendingInvitations(organisationId: string, now: Date): Promise<TokenRow[]> {
    return this.db
      .select()
      .from(oneTimeTokens)
      .where(
        and(
          eq(oneTimeTokens.purpose, 'invitation'),
          eq(oneTimeTokens.organisationId, organisationId),
          isNull(oneTimeTokens.usedAt),
          gt(oneTimeTokens.expiresAt, now),
        ),
      )
      .orderBy(desc(oneTimeTokens.createdAt));
  }

  /** Users holding any of the roles, optionally within one organisation or region. */
  async holders(roles: Role[], scope: { organisationId?: string; regionCodes?: string[] } = {}): Promise<UserRow[]> {
    const rows = await this.db
      .selectDistinct({ user: users })
      .from(roleGrants)
      .innerJoin(users, eq(users.id, roleGrants.userId))
      .where(
        and(
          inArray(roleGrants.role, roles),
          scope.organisationId ? eq(roleGrants.organisationId, scope.organisationId) : undefined,
          scope.regionCodes ? inArray(roleGrants.regionCode, scope.regionCodes) : undefined,
        ),
      );
    return rows.map((r) => r.user);
  }
}
