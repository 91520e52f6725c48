import { and, asc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations, pendingNotifications, users } from '../db/schema/index.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { SubmissionEmails } from '../shared/roles.js';
import type { UserRow } from './account.repository.js';

export interface DueNotification {
  id: string;
  organisationId: string;
  slug: string;
  /** The name as submitted (else the public one). */
  name: MultilingualText;
  createdAt: Date;
}

/** Submissions coordinators are to be told of, sent at once or in a daily digest (users.submission_emails). */
export class NotificationRepository {
  constructor(private readonly db: Database) {}

  async enqueue(userIds: string[], organisationId: string, now: Date): Promise<void> {
    if (userIds.length === 0) return;
    await this.db.insert(pendingNotifications).values(userIds.map((userId) => ({ userId, organisationId, createdAt: now })));
  }

  /**
   * Locks and returns the unsent notifications that are due, by recipient: all of a recipient who hears of
   * each submission; all of a digest reader whose oldest one has waited since `digestCutoff`. Rows another
   * sender has locked are skipped (FOR UPDATE SKIP LOCKED), and a sent row is never due again, so two
   * senders at once never send one twice. To be called in a transaction that marks what it sent.
   */
  async claimDue(digestCutoff: Date): Promise<Map<UserRow, DueNotification[]>> {
    const waitingSince = this.db
      .select({ userId: pendingNotifications.userId })
      .from(pendingNotifications)
      .where(isNull(pendingNotifications.sentAt))
      .groupBy(pendingNotifications.userId)
      .having(lte(sql`min(${pendingNotifications.createdAt})`, digestCutoff));
    const rows = await this.db
      .select({
        user: users,
        id: pendingNotifications.id,
        organisationId: pendingNotifications.organisationId,
        slug: organisations.slug,
        name: sql<MultilingualText>`coalesce(${organisations.pendingProfile}->'name', ${organisations.name})`,
        createdAt: pendingNotifications.createdAt,
      })
      .from(pendingNotifications)
      .innerJoin(users, eq(users.id, pendingNotifications.userId))
      .innerJoin(organisations, eq(organisations.id, pendingNotifications.organisationId))
      .where(
        and(
          isNull(pendingNotifications.sentAt),
          or(eq(users.submissionEmails, 'each'), inArray(pendingNotifications.userId, waitingSince)),
        ),
      )
      .orderBy(asc(pendingNotifications.createdAt), asc(pendingNotifications.id))
      .for('update', { of: pendingNotifications, skipLocked: true });
    const byUser = new Map<string, { user: UserRow; items: DueNotification[] }>();
    for (const { user, ...item } of rows) {
      const entry = byUser.get(user.id) ?? { user, items: [] };
      entry.items.push(item);
      byUser.set(user.id, entry);
    }
    return new Map([...byUser.values()].map((e) => [e.user, e.items]));
  }

  async markSent(ids: string[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.update(pendingNotifications).set({ sentAt: now }).where(inArray(pendingNotifications.id, ids));
  }

  async setSubmissionEmails(userId: string, value: SubmissionEmails): Promise<void> {
    await this.db.update(users).set({ submissionEmails: value }).where(eq(users.id, userId));
  }
}
