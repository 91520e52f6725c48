import { randomBytes } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, notExists, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { digestDeliveries, offerFollows, platformSecrets, savedSearches, users, type SavedOfferQuery } from '../../db/schema/index.js';
import type { Language } from '../../shared/languages.js';
import type { DigestFrequency } from '../../shared/offers.js';

export type SavedSearchRow = typeof savedSearches.$inferSelect;

/** A saved search due for a digest, with its member's address and language. */
export interface DueSavedSearch {
  id: string;
  name: string;
  query: SavedOfferQuery;
  coveredUntil: Date;
  email: string;
  displayName: string;
  language: Language;
}

/** The alerts' SQL: saved searches, the signing secret of unsubscribe links, what a one-click unsubscribe writes. */
export class OfferAlertsRepository {
  constructor(private readonly db: Database) {}

  /**
   * The platform's secret of this name: made at random the first time it is asked for, then the same for
   * every process (two processes asking at once both read the one that was inserted first).
   */
  async secret(name: string): Promise<string> {
    await this.db
      .insert(platformSecrets)
      .values({ name, value: randomBytes(32).toString('base64url') })
      .onConflictDoNothing({ target: platformSecrets.name });
    const [row] = await this.db.select({ value: platformSecrets.value }).from(platformSecrets).where(eq(platformSecrets.name, name));
    return row!.value;
  }

  /** Stops a saved search's digest (it stays saved); false when there is no such saved search. Repeating it changes nothing. */
  async unsubscribeSavedSearch(id: string, at: Date): Promise<boolean> {
    const [row] = await this.db.select({ id: savedSearches.id }).from(savedSearches).where(eq(savedSearches.id, id));
    if (!row) return false;
    await this.db
      .update(savedSearches)
      .set({ unsubscribedAt: at, version: sql`${savedSearches.version} + 1` })
      .where(and(eq(savedSearches.id, id), isNull(savedSearches.unsubscribedAt)));
    return true;
  }

  /** Ends a member's following of an offer; true also when it had already ended (the link did its work). */
  async unfollow(userId: string, offerId: string): Promise<boolean> {
    await this.db.delete(offerFollows).where(and(eq(offerFollows.userId, userId), eq(offerFollows.offerId, offerId)));
    return true;
  }

  /** A member's saved searches, oldest first. */
  savedSearches(userId: string): Promise<SavedSearchRow[]> {
    return this.db.select().from(savedSearches).where(eq(savedSearches.userId, userId)).orderBy(asc(savedSearches.createdAt), asc(savedSearches.id));
  }

  async savedSearch(id: string): Promise<SavedSearchRow | undefined> {
    const [row] = await this.db.select().from(savedSearches).where(eq(savedSearches.id, id));
    return row;
  }

  /**
   * How many saved searches the member has, read under a lock of the member's row: two saves at once
   * count one after the other, so neither passes the limit behind the other's back (in a transaction).
   */
  async countForUpdate(userId: string): Promise<number> {
    await this.db.select({ id: users.id }).from(users).where(eq(users.id, userId)).for('update');
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(savedSearches).where(eq(savedSearches.userId, userId));
    return row?.n ?? 0;
  }

  async insertSavedSearch(values: { userId: string; name: string; query: SavedOfferQuery; frequency: DigestFrequency; coveredUntil: Date }): Promise<SavedSearchRow> {
    const [row] = await this.db.insert(savedSearches).values(values).returning();
    return row!;
  }

  /** Writes the changes if the saved search is at the expected version (null: any); the row written, or null when it was not. */
  async updateSavedSearch(
    id: string,
    expected: number | null,
    changes: Partial<Pick<SavedSearchRow, 'name' | 'query' | 'frequency' | 'unsubscribedAt'>>,
  ): Promise<SavedSearchRow | null> {
    const [row] = await this.db
      .update(savedSearches)
      .set({ ...changes, version: sql`${savedSearches.version} + 1` })
      .where(and(eq(savedSearches.id, id), expected === null ? undefined : eq(savedSearches.version, expected)))
      .returning();
    return row ?? null;
  }

  async deleteSavedSearch(id: string): Promise<void> {
    await this.db.delete(savedSearches).where(eq(savedSearches.id, id));
  }

  // the digests
  /** The saved searches of a frequency that are subscribed and had no digest for the period yet. */
  private due(frequency: DigestFrequency, period: string) {
    return and(
      eq(savedSearches.frequency, frequency),
      isNull(savedSearches.unsubscribedAt),
      notExists(
        this.db
          .select({ one: sql`1` })
          .from(digestDeliveries)
          .where(and(eq(digestDeliveries.savedSearchId, savedSearches.id), eq(digestDeliveries.period, period))),
      ),
    );
  }

  async dueCount(frequency: DigestFrequency, period: string): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(savedSearches).where(this.due(frequency, period));
    return row?.n ?? 0;
  }

  /** A page of the due saved searches, in id order after `after`. */
  duePage(frequency: DigestFrequency, period: string, after: string | null, limit: number): Promise<DueSavedSearch[]> {
    return this.db
      .select({
        id: savedSearches.id,
        name: savedSearches.name,
        query: savedSearches.query,
        coveredUntil: savedSearches.coveredUntil,
        email: users.email,
        displayName: users.displayName,
        language: users.language,
      })
      .from(savedSearches)
      .innerJoin(users, eq(users.id, savedSearches.userId))
      .where(and(this.due(frequency, period), after ? gt(savedSearches.id, after) : undefined))
      .orderBy(asc(savedSearches.id))
      .limit(limit);
  }

  /**
   * Records the saved searches' digests for the period and moves their coverage on to `until` (never back),
   * in one transaction, before the mails go: the ids recorded now. One recorded already (by an earlier run
   * that crashed after it, or another worker) is left out, and its mail is not sent again.
   */
  async recordDeliveries(items: { savedSearchId: string; offerCount: number }[], period: string, until: Date, at: Date): Promise<Set<string>> {
    if (items.length === 0) return new Set();
    const inserted = await this.db
      .insert(digestDeliveries)
      .values(items.map((item) => ({ ...item, period, sentAt: at })))
      .onConflictDoNothing()
      .returning({ id: digestDeliveries.savedSearchId });
    const ids = inserted.map((r) => r.id);
    if (ids.length > 0)
      await this.db
        .update(savedSearches)
        .set({ coveredUntil: sql`greatest(${savedSearches.coveredUntil}, ${until.toISOString()}::timestamptz)` })
        .where(inArray(savedSearches.id, ids));
    return new Set(ids);
  }

  /** How many digests were recorded for a period (the benchmark's and tests' check). */
  async deliveriesCount(period: string): Promise<number> {
    const [row] = await this.db.select({ n: sql<number>`count(*)::int` }).from(digestDeliveries).where(eq(digestDeliveries.period, period));
    return row?.n ?? 0;
  }
}
