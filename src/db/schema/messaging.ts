import { index, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Language } from '../../shared/languages.js';
import type { ThreadSubjectKind } from '../../shared/schemas/messaging.js';
import { users } from './accounts.js';
import { organisations } from './organisations.js';

/**
 * A conversation between two organisations about one subject: the receiving organisation itself
 * ("contact this organisation") now, an offer or a request later. Readable only by the two organisations'
 * people (and platform administrators).
 */
export const messageThreads = pgTable(
  'message_threads',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    subjectKind: text('subject_kind').$type<ThreadSubjectKind>().notNull(),
    /** The organisation's id for 'organisation', the offer's for 'offer': no foreign key, the kinds differ. */
    subjectId: uuid('subject_id').notNull(),
    senderOrganisationId: uuid('sender_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    receiverOrganisationId: uuid('receiver_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    lastMessageAt: timestamp('last_message_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('message_threads_sender_idx').on(t.senderOrganisationId, t.lastMessageAt),
    index('message_threads_receiver_idx').on(t.receiverOrganisationId, t.lastMessageAt),
    index('message_threads_subject_idx').on(t.subjectKind, t.subjectId),
  ],
);

export const threadMessages = pgTable(
  'thread_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    /** The organisation the author wrote for: the thread's sender or its receiver. */
    authorOrganisationId: uuid('author_organisation_id').notNull(),
    body: text('body').notNull(),
    language: text('language').$type<Language>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('thread_messages_thread_idx').on(t.threadId, t.createdAt)],
);

/** When each reader last opened a thread: what is newer is unread. */
export const threadReads = pgTable(
  'thread_reads',
  {
    threadId: uuid('thread_id')
      .notNull()
      .references(() => messageThreads.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.threadId, t.userId] })],
);
