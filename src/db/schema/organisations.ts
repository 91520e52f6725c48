import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { ProfileChanges } from '../../shared/schemas/profile.js';
import type { PublicContact } from '../../shared/schemas/public-contact.js';
import type { ProfileStatus } from '../../shared/roles.js';
import type { OrganisationKind, RecordSource, Sector } from '../../shared/domain.js';
import { regions } from './regions.js';
import { multilingualText, tsvector } from './types.js';

/** The multilingual taxonomy of areas of cooperation, each mapped to the NACE classes it covers. */
export const areas = pgTable('areas', {
  code: text('code').primaryKey(),
  position: integer('position').notNull().default(0),
  name: multilingualText('name').notNull(),
  description: multilingualText('description'),
  naceClasses: text('nace_classes').array().notNull().default([]),
});

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slug: text('slug').notNull().unique(),
    kind: text('kind').$type<OrganisationKind>().notNull(),
    sector: text('sector').$type<Sector>().notNull(),
    regionCode: text('region_code')
      .notNull()
      .references(() => regions.code),
    city: multilingualText('city'),
    name: multilingualText('name').notNull(),
    shortName: multilingualText('short_name'),
    description: multilingualText('description'),
    website: text('website'),
    /** The one way in its admins chose for outsiders (a role address or a person); its e-mail and phone are for
     * signed-in people of validated organisations only. */
    publicContact: jsonb('public_contact').$type<PublicContact>(),
    /** NACE Rev. 2 classes (4-digit, "23.43"): the common key of Russian and French registrations. */
    naceClasses: text('nace_classes').array().notNull().default([]),
    /** Product codes as stored (shared/product-codes.ts): "cpa:23.43.10" (CPA 2.1 / ОКПД 2), "hs:848210" (HS). */
    productCodes: text('product_codes').array().notNull().default([]),
    areaCodes: text('area_codes').array().notNull().default([]),
    source: text('source').$type<RecordSource>().notNull().default('user'),
    /** Public when validated once; imported and demo organisations are. */
    published: boolean('published').notNull().default(true),
    status: text('status').$type<ProfileStatus>().notNull().default('validated'),
    /** Changes proposed by the organisation, applied when a coordinator validates them. */
    pendingProfile: jsonb('pending_profile').$type<ProfileChanges>(),
    /** Maintained by the organisation repository from the texts above (see search-document.ts). */
    searchVector: tsvector('search_vector').notNull(),
    /** Glossary concepts the texts mention; set by the organisations_tag trigger (drizzle/0004_concept_tagging.sql). */
    conceptCodes: text('concept_codes').array().notNull().default([]),
    /** Names (own, short, city, people) as Latin sound keys, space-separated: the fuzzy (trigram) name search reads these… */
    nameKeys: text('name_keys').notNull().default(''),
    /** …and the exact one this list. */
    nameKeyList: text('name_key_list').array().notNull().default([]),
    /** Lower-cased, unaccented original name: a stable sort key across languages. */
    sortName: text('sort_name').notNull(),
    /**
     * The name as each language's readers see it, as a sort key of their language (shared/sort-key.ts),
     * ordered by code units (`collate "C"`): the directory's order by name, the same in SQL and in memory.
     * Empty on rows written before they existed, until the rebuild at start.
     */
    sortKeyRu: text('sort_key_ru').notNull().default(''),
    sortKeyFr: text('sort_key_fr').notNull().default(''),
    sortKeyEn: text('sort_key_en').notNull().default(''),
    /**
     * The writing transaction's id, set by the organisations_revise trigger (drizzle/0006_revision.sql) on
     * every write: readers that keep profiles in memory (the partner index) fetch what changed since.
     */
    revision: bigint('revision', { mode: 'number' }).notNull().default(0),
    /** The profile's version (its ETag): one more at every save and decision, so a stale save is refused. */
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('organisations_search_idx').using('gin', t.searchVector),
    index('organisations_nace_idx').using('gin', t.naceClasses),
    index('organisations_concepts_idx').using('gin', t.conceptCodes),
    // written straight into the tree: a pending list (GIN's fastupdate) is scanned by every trigram query until
    // a vacuum merges it, and 5,000 writes at 1M made the fuzzy name pass of a word found nowhere 100–600 ms
    index('organisations_name_keys_idx').using('gin', t.nameKeys.op('gin_trgm_ops')).with({ fastupdate: false }),
    index('organisations_name_key_list_idx').using('gin', t.nameKeyList),
    // rows written before name keys or sort keys existed: tells at start, at once, whether a rebuild is due
    index('organisations_stale_document_idx')
      .on(t.id)
      .where(sql`${t.nameKeys} = '' or ${t.sortKeyEn} = ''`),
    index('organisations_area_idx').using('gin', t.areaCodes),
    index('organisations_region_sort_idx').on(t.regionCode, t.sortName),
    index('organisations_sort_idx').on(t.sortName, t.id),
    index('organisations_sort_key_ru_idx').on(sql`${t.sortKeyRu} collate "C"`, t.id),
    index('organisations_sort_key_fr_idx').on(sql`${t.sortKeyFr} collate "C"`, t.id),
    index('organisations_sort_key_en_idx').on(sql`${t.sortKeyEn} collate "C"`, t.id),
    index('organisations_created_idx').on(t.createdAt.desc(), t.id),
    index('organisations_revision_idx').on(t.revision),
  ],
);

export const people = pgTable('people', {
  id: uuid('id').primaryKey().defaultRandom(),
  /** The name in its original script (Анатолий Сотников). */
  name: text('name').notNull(),
  /** The name in Latin letters (Anatoly Sotnikov); null when the original is already Latin. */
  nameLatin: text('name_latin'),
  /** The name in Cyrillic (Жерар Ванденбрук), shown to Russian readers; null when the original is Cyrillic. */
  nameCyrillic: text('name_cyrillic'),
  /** Contact details: shown only to signed-in users of validated organisations. */
  email: text('email'),
  phone: text('phone'),
});

export const organisationPeople = pgTable(
  'organisation_people',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: multilingualText('role'),
    position: integer('position').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.personId] })],
);

/** "Not interested": a candidate partner an organisation's people have set aside; matchmaking leaves it out. */
export const partnerDismissals = pgTable(
  'partner_dismissals',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    candidateId: uuid('candidate_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organisationId, t.candidateId] })],
);
