import { integer, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { multilingualText } from './types.js';

export const regions = pgTable('regions', {
  /** ISO 3166-2 code, e.g. RU-KLU, FR-NAQ, FR-87. */
  code: text('code').primaryKey(),
  countryCode: text('country_code').notNull(),
  /** The enclosing subdivision (a French department's region), so a filter on a region covers its departments. */
  parentCode: text('parent_code'),
  /** The EU's NUTS 2021 code where the subdivision is one NUTS region (FR-NAQ is FRI, FR-19 is FRI21, DE-BY is DE2). */
  nuts: text('nuts'),
  name: multilingualText('name').notNull(),
});

/** A cooperation between regions, e.g. Kaluga region ↔ Limousin. */
export const partnerships = pgTable('partnerships', {
  id: uuid('id').primaryKey().defaultRandom(),
  slug: text('slug').notNull().unique(),
  name: multilingualText('name').notNull(),
  description: multilingualText('description'),
  /** Areas of cooperation named by the partnership's agreements. */
  areaCodes: text('area_codes').array().notNull().default([]),
  /** The partnership's version (its ETag): one more at every edit, so a stale edit is refused. */
  version: integer('version').notNull().default(1),
});

/**
 * One side of a partnership. A side may span several ISO subdivisions: the former Limousin region is
 * the departments FR-19, FR-23 and FR-87 since the 2016 merger into Nouvelle-Aquitaine.
 */
export const partnershipSides = pgTable('partnership_sides', {
  id: uuid('id').primaryKey().defaultRandom(),
  partnershipId: uuid('partnership_id')
    .notNull()
    .references(() => partnerships.id, { onDelete: 'cascade' }),
  position: integer('position').notNull(),
  name: multilingualText('name').notNull(),
  regionCodes: text('region_codes').array().notNull(),
});
