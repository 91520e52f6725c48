import { index, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/languages.js';
import type { Role, SubmissionEmails, TokenPurpose } from '../../shared/roles.js';
import { organisations } from './organisations.js';
import { regions } from './regions.js';

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** Stored lower-cased: e-mail addresses are compared without case. */
  email: text('email').notNull().unique(),
  emailConfirmedAt: timestamp('email_confirmed_at', { withTimezone: true }),
  /** argon2id */
  passwordHash: text('password_hash').notNull(),
  displayName: text('display_name').notNull(),
  /** The language of the e-mails the user receives. */
  language: text('language').$type<Language>().notNull(),
  /** How a coordinator hears of submissions: an e-mail each, or one daily digest. */
  submissionEmails: text('submission_emails').$type<SubmissionEmails>().notNull().default('each'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** SHA-256 of the cookie's token: a stolen database does not yield usable sessions. */
    tokenHash: text('token_hash').notNull().unique(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    userAgent: text('user_agent'),
    ip: text('ip'),
  },
  (t) => [index('sessions_user_idx').on(t.userId)],
);

/** A role a user holds, scoped to a region (coordinators) or an organisation (its administrators, editors, members). */
export const roleGrants = pgTable(
  'role_grants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    regionCode: text('region_code').references(() => regions.code),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    grantedBy: uuid('granted_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('role_grants_unique').on(t.userId, t.role, t.regionCode, t.organisationId).nullsNotDistinct(),
    index('role_grants_organisation_idx').on(t.organisationId),
  ],
);

/** Single-use links sent by e-mail (confirmation, password reset, invitation, e-mail change), stored hashed. */
export const oneTimeTokens = pgTable('one_time_tokens', {
  id: uuid('id').primaryKey().defaultRandom(),
  purpose: text('purpose').$type<TokenPurpose>().notNull(),
  tokenHash: text('token_hash').notNull().unique(),
  userId: uuid('user_id').references(() => users.id, { onDelete: 'cascade' }),
  email: text('email').notNull(),
  organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
  role: text('role').$type<Role>(),
  createdBy: uuid('created_by'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  usedAt: timestamp('used_at', { withTimezone: true }),
});
