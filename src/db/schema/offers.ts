import { sql } from 'drizzle-orm';
import {
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
import type { Language } from '../../shared/languages.js';
import type {
  DevelopmentStage,
  DigestFrequency,
  InterestState,
  IpStatus,
  OfferKind,
  OfferStage,
  PartnerSize,
  PartnershipKindSought,
} from '../../shared/offers.js';
import { users } from './accounts.js';
import { messageThreads } from './messaging.js';
import { organisations } from './organisations.js';
import { cooperationRecords } from './registry.js';
import { multilingualText, tsvector } from './types.js';

/**
 * A cooperation offer or request of one organisation (shared/offers.ts): what it offers or seeks, for whom,
 * where, until when. Seen by everyone once published; by its organisation's people and the coordinators of
 * its region before. An anonymous one hides its organisation until the owner accepts an expression of
 * interest, and then only from that interested organisation.
 */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').$type<OfferKind>().notNull(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: multilingualText('title').notNull(),
    summary: multilingualText('summary'),
    description: multilingualText('description'),
    areaCodes: text('area_codes').array().notNull().default([]),
    naceCodes: text('nace_codes').array().notNull().default([]),
    /** As organisations store them: `cpa:23.44.12`, `hs:8482` (shared/product-codes.ts). */
    productCodes: text('product_codes').array().notNull().default([]),
    trl: integer('trl'),
    developmentStage: text('development_stage').$type<DevelopmentStage>(),
    ipStatus: text('ip_status').$type<IpStatus>(),
    partnershipKinds: text('partnership_kinds').array().$type<PartnershipKindSought[]>().notNull().default([]),
    partnerKinds: text('partner_kinds').array().$type<OrganisationKind[]>().notNull().default([]),
    partnerSizes: text('partner_sizes').array().$type<PartnerSize[]>().notNull().default([]),
    partnerRole: multilingualText('partner_role'),
    /** ISO 3166-2 regions (or countries' codes as regions' parents) where partners are sought; empty is anywhere. */
    targetRegionCodes: text('target_region_codes').array().notNull().default([]),
    /** The owner's region when written, kept for the coordinators' queue and the region pair counts. */
    regionCode: text('region_code').notNull(),
    /** The last day expressions of interest are hoped for; on or before the expiry. */
    deadline: date('deadline', { mode: 'string' }),
    /** The last day the offer is published; it expires the day after. */
    expiresOn: date('expires_on', { mode: 'string' }).notNull(),
    /** The smallest of OFFER_EXPIRY_WARNING_DAYS its owner was warned at for the present expiry; reset by a renewal. */
    expiryWarnedDays: integer('expiry_warned_days'),
    anonymous: boolean('anonymous').notNull().default(false),
    stage: text('stage').$type<OfferStage>().notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** The glossary concepts its texts name, as organisations are tagged (glossary_concepts_of). */
    conceptCodes: text('concept_codes').array().notNull().default([]),
    searchVector: tsvector('search_vector'),
    source: text('source').$type<RecordSource>().notNull().default('user'),
    /** The writing transaction's id, set on every write (organisations_revise), for in-memory indexes. */
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
    version: integer('version').notNull().default(1),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('offers_trl_range', sql`${t.trl} is null or ${t.trl} between 1 and 9`),
    check('offers_deadline_before_expiry', sql`${t.deadline} is null or ${t.deadline} <= ${t.expiresOn}`),
    index('offers_organisation_idx').on(t.organisationId, t.updatedAt),
    index('offers_stage_region_idx').on(t.stage, t.regionCode),
    index('offers_published_idx')
      .on(t.publishedAt, t.id)
      .where(sql`${t.stage} = 'published'`),
    index('offers_expires_idx')
      .on(t.expiresOn)
      .where(sql`${t.stage} = 'published'`),
    index('offers_areas_idx').using('gin', t.areaCodes),
    index('offers_concepts_idx').using('gin', t.conceptCodes),
    index('offers_search_idx').using('gin', t.searchVector),
    index('offers_revision_idx').on(t.revision),
  ],
);

/** Every change of an offer's stage: why (a coordinator's reasons for a return), who, when. */
export const offerStageChanges = pgTable(
  'offer_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage').$type<OfferStage>(),
    toStage: text('to_stage').$type<OfferStage>().notNull(),
    reason: text('reason'),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    changedAt: timestamp('changed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('offer_stage_changes_offer_idx').on(t.offerId, t.changedAt)],
);

/** The answers to the three standard questions of an expression of interest. */
export interface InterestAnswers {
  /** What the interested organisation offers. */
  offers: string;
  /** What it expects of the cooperation. */
  expects: string;
  /** Its timeline. */
  timeline: string;
}

/**
 * One organisation's expression of interest in an offer (one per organisation and offer). Accepted, it
 * opens a message thread between the two (subject kind 'offer') and shows each the other's contacts; the
 * owner may later mark it as having led to an agreement of the registry, which is what the counts read.
 */
export const offerInterests = pgTable(
  'offer_interests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    message: text('message').notNull(),
    answers: jsonb('answers').$type<InterestAnswers>().notNull(),
    language: text('language').$type<Language>().notNull(),
    state: text('state').$type<InterestState>().notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** The owner's reason for declining, when given. */
    declineReason: text('decline_reason'),
    threadId: uuid('thread_id').references(() => messageThreads.id, { onDelete: 'set null' }),
    /** The registry agreement this contact led to, when the owner says so. */
    agreementId: uuid('agreement_id').references(() => cooperationRecords.id, { onDelete: 'set null' }),
    outcomeAt: timestamp('outcome_at', { withTimezone: true }),
    outcomeBy: uuid('outcome_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique('offer_interests_once').on(t.offerId, t.organisationId),
    index('offer_interests_organisation_idx').on(t.organisationId, t.createdAt),
    index('offer_interests_outcome_idx')
      .on(t.outcomeAt)
      .where(sql`${t.agreementId} is not null`),
  ],
);

/** A member following an offer: told by e-mail when it changes (renewed, closed, edited). */
export const offerFollows = pgTable(
  'offer_follows',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    offerId: uuid('offer_id')
      .notNull()
      .references(() => offers.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.offerId] }), index('offer_follows_offer_idx').on(t.offerId)],
);

/** What a saved search asks of the marketplace: the search box's words and its filters. */
export interface SavedOfferQuery {
  q?: string;
  kind?: OfferKind[];
  area?: string[];
  region?: string[];
  nace?: string[];
}

/**
 * A member's saved search (or area: a search with only an area filter): a daily or weekly digest of the
 * offers published since the last one that it finds, ranked by matching. Unsubscribed from one click.
 */
export const savedSearches = pgTable(
  'saved_searches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    query: jsonb('query').$type<SavedOfferQuery>().notNull(),
    frequency: text('frequency').$type<DigestFrequency>().notNull().default('weekly'),
    /** Offers published after this were not yet in a digest. */
    coveredUntil: timestamp('covered_until', { withTimezone: true }).notNull().defaultNow(),
    /** Set by a one-click unsubscribe: the search stays saved, its digest stops. */
    unsubscribedAt: timestamp('unsubscribed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('saved_searches_user_idx').on(t.userId), index('saved_searches_frequency_idx').on(t.frequency, t.coveredUntil)],
);

/**
 * One digest e-mail to one saved search for one period: written before the mail is sent, so a digest job
 * that resumes after a crash skips what it already sent (at most once per saved search and period).
 */
export const digestDeliveries = pgTable(
  'digest_deliveries',
  {
    savedSearchId: uuid('saved_search_id')
      .notNull()
      .references(() => savedSearches.id, { onDelete: 'cascade' }),
    /** The period's key: `2026-12-01` for a daily digest, `2026-W49` for a weekly one. */
    period: text('period').notNull(),
    offerCount: integer('offer_count').notNull(),
    sentAt: timestamp('sent_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.savedSearchId, t.period] })],
);
