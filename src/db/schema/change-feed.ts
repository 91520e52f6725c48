import { bigint, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** What the change feed follows: each has its own sequence (change_feed_<entity>_seq). */
export const FEED_ENTITIES = ['organisation', 'record', 'offer'] as const;
export type FeedEntity = (typeof FEED_ENTITIES)[number];

/**
 * Every write of an organisation, a cooperation record or an offer, one row each, written by triggers
 * (drizzle/0020_change_feed.sql) with the next value of the entity's sequence. The in-memory indexes read
 * it by sequence from where they last were, whatever other sessions' transactions are doing (a long one
 * only leaves a hole where its own rows will appear): docs/decisions.md.
 */
export const changeFeed = pgTable(
  'change_feed',
  {
    entity: text('entity').$type<FeedEntity>().notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    entityId: uuid('entity_id').notNull(),
    writtenAt: timestamp('written_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.entity, t.seq] })],
);

/**
 * Where the feed's cleanup cut each entity: rows at or below `floor` are gone, so a reader whose position
 * is below it loads again from the tables. `pending` is the next cut, made once every transaction running
 * when it was chosen has ended (`pendingUntil`: the xmax of that moment), so that no late commit lands
 * below a floor.
 */
export const changeFeedFloors = pgTable('change_feed_floors', {
  entity: text('entity').$type<FeedEntity>().primaryKey(),
  floor: bigint('floor', { mode: 'number' }).notNull().default(0),
  pending: bigint('pending', { mode: 'number' }),
  pendingUntil: bigint('pending_until', { mode: 'number' }),
  cutAt: timestamp('cut_at', { withTimezone: true }),
});
