import { randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { offerFollows, platformSecrets, savedSearches } from '../../db/schema/index.js';

/** The alerts' SQL: the signing secret of unsubscribe links, and what a one-click unsubscribe writes. */
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
}
