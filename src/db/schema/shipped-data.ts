import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Which shipped reference files (regions, areas, the glossary) a database holds, as a digest of the files and
 * of the code that applies them: a start whose files match skips comparing them row by row.
 */
export const shippedDataStamps = pgTable('shipped_data_stamps', {
  /** What was applied: `reference-data`, `glossary`. */
  name: text('name').primaryKey(),
  digest: text('digest').notNull(),
  appliedAt: timestamp('applied_at', { withTimezone: true }).notNull().defaultNow(),
});
