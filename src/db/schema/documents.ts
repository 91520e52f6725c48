import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  check,
  customType,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { users } from './accounts.js';
import { events } from './events.js';
import { cooperationRecords } from './registry.js';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * A document attached to a registry record or to an event. Its bytes are in the database, in chunks (document_chunks), so
 * that every server process on one PostgreSQL reads them, a backup holds them, and neither an upload nor a
 * download holds the whole file in memory (docs/decisions.md).
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The registry record it is attached to, or the event (exactly one of the two). */
    recordId: uuid('record_id').references(() => cooperationRecords.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references((): AnyPgColumn => events.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    /** As read from the content, not from the name. */
    mediaType: text('media_type').notNull(),
    size: bigint('size', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('documents_one_owner', sql`(${t.recordId} is null) <> (${t.eventId} is null)`),
    index('documents_record_idx').on(t.recordId, t.createdAt),
    index('documents_event_idx').on(t.eventId, t.createdAt),
  ],
);

export const documentChunks = pgTable(
  'document_chunks',
  {
    documentId: uuid('document_id')
      .notNull()
      .references(() => documents.id, { onDelete: 'cascade' }),
    seq: integer('seq').notNull(),
    data: bytea('data').notNull(),
  },
  (t) => [primaryKey({ columns: [t.documentId, t.seq] })],
);
