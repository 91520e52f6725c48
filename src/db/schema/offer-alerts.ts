import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The platform's own secrets, made once at random and kept in its database: every server process (and a
 * restart) signs and checks links with the same key, without an operator having to configure one. Read
 * only by repositories; never answered by a route nor written to the audit log.
 */
export const platformSecrets = pgTable('platform_secrets', {
  /** What it signs: `unsubscribe` (one-click unsubscribe links of digests and follows). */
  name: text('name').primaryKey(),
  value: text('value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
