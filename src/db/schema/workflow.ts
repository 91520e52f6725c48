import { sql } from 'drizzle-orm';
import { index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProfileStatus } from '../../shared/roles.js';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import { users } from './accounts.js';
import { organisations } from './organisations.js';

/** Every decision on an organisation profile: who submitted, validated or returned it, when and why. */
export const profileDecisions = pgTable(
  'profile_decisions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    decision: text('decision').$type<Exclude<ProfileStatus, 'draft'>>().notNull(),
    reason: text('reason'),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** The profile as it was decided on (validated or returned): what the next review is compared with. */
    snapshot: jsonb('snapshot').$type<ProfileChanges>(),
  },
  (t) => [index('profile_decisions_organisation_idx').on(t.organisationId, t.at)],
);

/** Every write: who, when, which entity, and the change. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorId: uuid('actor_id'),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /** The region the entity belongs to, so that coordinators see their region's events. */
    regionCode: text('region_code'),
    before: jsonb('before'),
    after: jsonb('after'),
  },
  (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_region_idx').on(t.regionCode, t.at)],
);

/** Every e-mail the platform sent or wrote to the outbox. */
export const emails = pgTable('emails', {
  id: uuid('id').primaryKey().defaultRandom(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  language: text('language').notNull(),
  transport: text('transport').$type<'smtp' | 'outbox'>().notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * A submission a coordinator is to be told of: sent at once, or gathered into a daily digest, as the
 * coordinator chose (users.submission_emails). Sent rows keep their time, so nothing is sent twice.
 */
export const pendingNotifications = pgTable(
  'pending_notifications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    index('pending_notifications_unsent_idx')
      .on(t.userId, t.createdAt)
      .where(sql`${t.sentAt} is null`),
  ],
);
