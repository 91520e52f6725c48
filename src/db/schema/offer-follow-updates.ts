import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { offers } from './offers.js';

/**
 * One update e-mail to one follower about one change of an offer (`stage:<stage change id>`, or
 * `edit:<version>`): written in the transaction that sends it, so a follow-updates run that resumes after
 * a crash, or overlaps the last one, never tells a follower of a change twice.
 */
export const offerFollowNotices = pgTable(
  'offer_follow_notices',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    change: text('change').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.offerId, t.change] }), index('offer_follow_notices_sent_idx').on(t.sentAt)],
);

/** Where a recurring reader of changes stopped (the follow-updates job): it reads on from there next run. */
export const changeCursors = pgTable('change_cursors', {
  name: text('name').primaryKey(),
  position: timestamp('position', { withTimezone: true }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
