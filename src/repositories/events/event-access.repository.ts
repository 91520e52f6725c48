import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { eventOrganisers, events } from '../../db/schema/index.js';

export type EventRow = typeof events.$inferSelect;

/** An event as the access checks of every part read it: its row and its organiser organisations. */
export interface EventAccessRow extends EventRow {
  organiserOrganisationIds: string[];
}

/** Reads an event for the guards (services/events/events/event-guard.ts); `lock` takes its row lock in a transaction. */
export class EventAccessRepository {
  constructor(private readonly db: Database) {}

  async findBySlug(slug: string, options: { lock?: boolean } = {}): Promise<EventAccessRow | null> {
    return this.find(eq(events.slug, slug), options);
  }

  async findById(id: string, options: { lock?: boolean } = {}): Promise<EventAccessRow | null> {
    return this.find(eq(events.id, id), options);
  }

  private async find(where: ReturnType<typeof eq>, { lock = false }: { lock?: boolean }): Promise<EventAccessRow | null> {
    const query = this.db.select().from(events).where(where);
    const [row] = lock ? await query.for('update') : await query;
    if (!row) return null;
    const organisers = await this.db
      .select({ id: eventOrganisers.organisationId })
      .from(eventOrganisers)
      .where(eq(eventOrganisers.eventId, row.id))
      .orderBy(eventOrganisers.position, sql`${eventOrganisers.organisationId}`);
    return { ...row, organiserOrganisationIds: organisers.map((o) => o.id) };
  }
}
