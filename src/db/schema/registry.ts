import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { OrganisationKind, RecordSource } from '../../shared/domain.js';
import type { LinkTargetKind, PartyRole, RecordDetails, RecordKind } from '../../shared/registry.js';
import { users } from './accounts.js';
import { organisations } from './organisations.js';
import { partnerships, regions } from './regions.js';
import { multilingualText, tsvector } from './types.js';

/**
 * A party not yet on the platform ("the Limousin technopark", as a press release names it): its name, kind
 * and region. When it joins, it is merged into its organisation: every party row moves to the
 * organisation and this row stays, pointing at it, so the history keeps what was recorded.
 */
export const namedParties = pgTable(
  'named_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: multilingualText('name').notNull(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    /** ISO 3166-1 alpha-2: what a source tells at least ("a French technopark"). */
    countryCode: text('country_code').notNull(),
    /** ISO 3166-2, when the source tells it. */
    regionCode: text('region_code').references(() => regions.code),
    mergedInto: uuid('merged_into').references(() => organisations.id, { onDelete: 'set null' }),
    mergedAt: timestamp('merged_at', { withTimezone: true }),
    mergedBy: uuid('merged_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('named_parties_region_idx').on(t.regionCode)],
);

/**
 * Where a record stands on a timeline: its own date, else the start of its validity; the first and the
 * last day that date covers, and its precision as the length of its text (4 a year, 7 a month, 10 a day).
 * The timeline's indexes are on these expressions, so its queries use the same ones.
 */
export const timelinePlace = (t: {
  dated: AnyPgColumn;
  datedFirst: AnyPgColumn;
  datedLast: AnyPgColumn;
  validFrom: AnyPgColumn;
  validFromFirst: AnyPgColumn;
}) => ({
  first: sql<string>`coalesce(${t.datedFirst}, ${t.validFromFirst})`,
  last: sql<string>`coalesce(${t.datedLast}, case length(${t.validFrom}) when 4 then (${t.validFromFirst} + interval '1 year - 1 day')::date when 7 then (${t.validFromFirst} + interval '1 month - 1 day')::date else ${t.validFromFirst} end)`,
  length: sql<number>`length(coalesce(${t.dated}, ${t.validFrom}))`,
});

/** Where a milestone stands on a timeline: the day it was done, else the day it is due. */
export const milestonePlace = (t: { doneOn: AnyPgColumn; dueOn: AnyPgColumn }) => sql<string>`coalesce(${t.doneOn}, ${t.dueOn})`;

/**
 * One record of the cooperation registry: an agreement, a joint initiative, an academic partnership or a
 * technopark residency (shared/registry.ts). They share one table because they share what users ask of
 * them: parties, areas, a dated place on a timeline, stages, documents, links, search.
 *
 * Dates are partial (shared/partial-date.ts): the text as known ("2004") and the first and last day it
 * covers, which are what lists sort and filter by.
 */
export const cooperationRecords = pgTable(
  'cooperation_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').$type<RecordKind>().notNull(),
    /** An agreement's one type; an academic partnership's kinds (student_exchange, …); empty for the others. */
    types: text('types').array().notNull().default([]),
    title: multilingualText('title').notNull(),
    summary: multilingualText('summary'),
    /** The kind's current stage (STAGES in shared/registry.ts); its changes are in record_stage_changes. */
    stage: text('stage').notNull(),
    areaCodes: text('area_codes').array().notNull().default([]),
    /** The record's own date: an agreement's signing, another record's start. Partial. */
    dated: text('dated'),
    datedFirst: date('dated_first', { mode: 'string' }),
    datedLast: date('dated_last', { mode: 'string' }),
    /** Validity (agreements) or duration (the others): partial; no end is open-ended. */
    validFrom: text('valid_from'),
    validFromFirst: date('valid_from_first', { mode: 'string' }),
    validUntil: text('valid_until'),
    validUntilLast: date('valid_until_last', { mode: 'string' }),
    details: jsonb('details').$type<RecordDetails>().notNull().default({}),
    /** The parties' regions (organisations' and named parties'), kept by the repository at every write: a
     * partnership's timeline is the records with a party on each of its sides. */
    regionCodes: text('region_codes').array().notNull().default([]),
    /** The partnership between regions the record is filed under, when its parties do not tell it alone (a round
     * table's initiatives whose participants the source does not name). */
    partnershipId: uuid('partnership_id').references(() => partnerships.id, { onDelete: 'set null' }),
    /** Readable by everyone when true; by the parties' people and their regions' coordinators only else. */
    published: boolean('published').notNull().default(true),
    source: text('source').$type<RecordSource>().notNull().default('user'),
    searchVector: tsvector('search_vector'),
    /** The writing transaction's id, set on every write, for readers that keep records in memory. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('cooperation_records_kind_dated_idx').on(t.kind, t.datedFirst, t.id),
    index('cooperation_records_dated_idx').on(t.datedFirst, t.id),
    index('cooperation_records_regions_idx').using('gin', t.regionCodes),
    index('cooperation_records_areas_idx').using('gin', t.areaCodes),
    index('cooperation_records_search_idx').using('gin', t.searchVector),
    index('cooperation_records_revision_idx').on(t.revision),
    index('cooperation_records_partnership_idx').on(t.partnershipId).where(sql`${t.partnershipId} is not null`),
    index('cooperation_records_valid_until_idx')
      .on(t.validUntilLast)
      .where(sql`${t.validUntilLast} is not null`),
    // a timeline's first page, oldest first and newest first (read backwards), without sorting what it filters
    index('cooperation_records_timeline_first_idx').on(timelinePlace(t).first, timelinePlace(t).length, t.id),
    index('cooperation_records_timeline_last_idx').on(timelinePlace(t).last, sql`(- ${timelinePlace(t).length})`, t.id),
  ],
);

/** A party to a record: an organisation of the platform or a named party, with its role. */
export const recordParties = pgTable(
  'record_parties',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => cooperationRecords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'restrict' }),
    namedPartyId: uuid('named_party_id').references(() => namedParties.id, { onDelete: 'restrict' }),
    role: text('role').$type<PartyRole>().notNull(),
  },
  (t) => [
    check('record_parties_one_party', sql`(${t.organisationId} is null) <> (${t.namedPartyId} is null)`),
    unique('record_parties_organisation_once').on(t.recordId, t.organisationId),
    unique('record_parties_named_once').on(t.recordId, t.namedPartyId),
    index('record_parties_organisation_idx').on(t.organisationId),
    index('record_parties_named_idx').on(t.namedPartyId),
  ],
);

/** Every change of a record's stage: when it happened (partial), why, and who recorded it. */
export const recordStageChanges = pgTable(
  'record_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => cooperationRecords.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    happened: text('happened').notNull(),
    happenedFirst: date('happened_first', { mode: 'string' }).notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('record_stage_changes_record_idx').on(t.recordId, t.recordedAt)],
);

/** An initiative's milestones: due and done dates (full days). */
export const recordMilestones = pgTable(
  'record_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => cooperationRecords.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    title: multilingualText('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }),
    doneOn: date('done_on', { mode: 'string' }),
  },
  (t) => [
    index('record_milestones_record_idx').on(t.recordId, t.position),
    index('record_milestones_overdue_idx')
      .on(t.dueOn)
      .where(sql`${t.doneOn} is null`),
    index('record_milestones_timeline_idx').on(milestonePlace(t), t.id),
  ],
);

/** An academic partnership's participants in one academic year ("2024/2025"). */
export const academicParticipation = pgTable(
  'academic_participation',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => cooperationRecords.id, { onDelete: 'cascade' }),
    academicYear: text('academic_year').notNull(),
    participants: integer('participants').notNull(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.academicYear] })],
);

/**
 * A link from a record to what concerns it: another record (stored once, read from both ends), or an event
 * or a news item of later work (no foreign key: the kinds differ).
 */
export const recordLinks = pgTable(
  'record_links',
  {
    recordId: uuid('record_id')
      .notNull()
      .references(() => cooperationRecords.id, { onDelete: 'cascade' }),
    targetKind: text('target_kind').$type<LinkTargetKind>().notNull(),
    targetId: uuid('target_id').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.targetKind, t.targetId] }), index('record_links_target_idx').on(t.targetKind, t.targetId)],
);
