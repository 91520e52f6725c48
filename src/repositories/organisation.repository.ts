import { and, arrayOverlaps, asc, count, desc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { organisationPeople, organisations, people } from '../db/schema/index.js';
import type { OrganisationKind, RecordSource, Sector } from '../shared/domain.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { ProfileStatus } from '../shared/roles.js';
import type { PersonRole } from '../shared/schemas/organisations.js';
import type { ProfileChanges } from '../shared/schemas/profile.js';
import type { PublicContact } from '../shared/schemas/public-contact.js';
import { OrganisationWriteRepository } from './organisation-write.repository.js';
import type { ListOrder } from '../shared/sort-key.js';

export type OrganisationRow = Omit<
  typeof organisations.$inferSelect,
  'searchVector' | 'sortName' | 'sortKeyRu' | 'sortKeyFr' | 'sortKeyEn' | 'nameKeys' | 'nameKeyList' | 'revision'
>;

/** What the directory filters by: an organisation passes when it matches one value of each filter given. */
export interface OrganisationFilter {
  regionCodes: string[];
  kinds: OrganisationKind[];
  sectors: Sector[];
  areaCodes: string[];
  naceClasses: string[];
}

/** One page of a list: how many to skip, how many to give. */
export interface PageRange {
  offset: number;
  limit: number;
}

export interface NewOrganisation {
  slug: string;
  kind: OrganisationKind;
  sector: Sector;
  regionCode: string;
  city: MultilingualText | null;
  name: MultilingualText;
  shortName: MultilingualText | null;
  description: MultilingualText | null;
  website: string | null;
  publicContact?: PublicContact | null;
  naceClasses: string[];
  /** Stored product codes (shared/product-codes.ts); none when left out. */
  productCodes?: string[];
  areaCodes: string[];
  source: RecordSource;
  people?: NewPersonRole[];
  /** Organisations created by their members start unpublished, as drafts. */
  published?: boolean;
  status?: ProfileStatus;
  pendingProfile?: ProfileChanges | null;
}

/** The columns a validated profile sets. */
export type ProfileColumns = Pick<
  NewOrganisation,
  | 'kind'
  | 'sector'
  | 'regionCode'
  | 'city'
  | 'name'
  | 'shortName'
  | 'description'
  | 'website'
  | 'publicContact'
  | 'naceClasses'
  | 'productCodes'
  | 'areaCodes'
>;

export interface NewPersonRole {
  name: string;
  nameLatin: string | null;
  nameCyrillic: string | null;
  email?: string | null;
  phone?: string | null;
  role: MultilingualText | null;
}

export const organisationColumns = {
  id: organisations.id,
  slug: organisations.slug,
  kind: organisations.kind,
  sector: organisations.sector,
  regionCode: organisations.regionCode,
  city: organisations.city,
  name: organisations.name,
  shortName: organisations.shortName,
  description: organisations.description,
  website: organisations.website,
  publicContact: organisations.publicContact,
  naceClasses: organisations.naceClasses,
  productCodes: organisations.productCodes,
  areaCodes: organisations.areaCodes,
  conceptCodes: organisations.conceptCodes,
  source: organisations.source,
  published: organisations.published,
  status: organisations.status,
  pendingProfile: organisations.pendingProfile,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
  version: organisations.version,
};

const SORT_KEYS = { ru: organisations.sortKeyRu, fr: organisations.sortKeyFr, en: organisations.sortKeyEn } as const;

function conditions(filter: OrganisationFilter): SQL[] {
  // the public directory shows validated profiles only
  const where: SQL[] = [eq(organisations.published, true)];
  if (filter.regionCodes.length > 0) where.push(inArray(organisations.regionCode, filter.regionCodes));
  if (filter.kinds.length > 0) where.push(inArray(organisations.kind, filter.kinds));
  if (filter.sectors.length > 0) where.push(inArray(organisations.sector, filter.sectors));
  if (filter.areaCodes.length > 0) where.push(arrayOverlaps(organisations.areaCodes, filter.areaCodes));
  if (filter.naceClasses.length > 0) where.push(arrayOverlaps(organisations.naceClasses, filter.naceClasses));
  return where;
}

/** The reads of organisations; the writes are OrganisationWriteRepository's. */
export class OrganisationRepository extends OrganisationWriteRepository {
  /**
   * One page of the organisations that pass the filter, by the name the reader sees (the sort key of their
   * language, by code units as the directory index compares it) or newest first, then by id; and how many
   * there are. (Search with words: DirectoryIndex.)
   */
  async browse(
    filter: OrganisationFilter,
    page: PageRange,
    order: ListOrder = { sort: 'name', lang: 'en' },
  ): Promise<{ rows: OrganisationRow[]; total: number }> {
    const where = and(...conditions(filter));
    const first = order.sort === 'newest' ? sql`${organisations.createdAt} desc nulls last` : sql`${SORT_KEYS[order.lang]} collate "C"`;
    const [rows, [counted]] = await Promise.all([
      this.db
        .select(organisationColumns)
        .from(organisations)
        .where(where)
        .orderBy(first, asc(organisations.id))
        .limit(page.limit)
        .offset(page.offset),
      this.db.select({ total: count() }).from(organisations).where(where),
    ]);
    return { rows, total: counted?.total ?? 0 };
  }

  async getById(id: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.db.select(organisationColumns).from(organisations).where(eq(organisations.id, id));
    return row;
  }

  byIds(ids: string[]): Promise<OrganisationRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select(organisationColumns)
      .from(organisations)
      .where(inArray(organisations.id, ids))
      .orderBy(asc(organisations.sortName));
  }

  /** These organisations' rows in the order given (a ranked page); one deleted since it was ranked is left out. */
  async inOrder(ids: string[]): Promise<OrganisationRow[]> {
    const byId = new Map((await this.byIds(ids)).map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  /**
   * Profiles waiting for a coordinator of these regions (all regions when null), oldest first: by the region
   * the submitted profile names, which decides (services/access.ts, decidingRegion).
   */
  submitted(regionCodes: string[] | null): Promise<OrganisationRow[]> {
    return this.db
      .select(organisationColumns)
      .from(organisations)
      .where(
        and(
          eq(organisations.status, 'submitted'),
          regionCodes
            ? inArray(sql`coalesce(${organisations.pendingProfile}->>'region', ${organisations.regionCode})`, regionCodes)
            : undefined,
        ),
      )
      .orderBy(asc(organisations.updatedAt));
  }

  async getBySlug(slug: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.db.select(organisationColumns).from(organisations).where(eq(organisations.slug, slug));
    return row;
  }

  /** Published organisations of these regions and kinds; invented example records (source synthetic) left out when asked. */
  listByRegionsAndKinds(regionCodes: string[], kinds: OrganisationKind[], withoutExamples = false): Promise<OrganisationRow[]> {
    return this.db
      .select(organisationColumns)
      .from(organisations)
      .where(
        and(
          eq(organisations.published, true),
          inArray(organisations.regionCode, regionCodes),
          inArray(organisations.kind, kinds),
          withoutExamples ? ne(organisations.source, 'synthetic') : undefined,
        ),
      )
      .orderBy(asc(organisations.sortName));
  }

  async countsBy(field: 'kind' | 'sector', regionCodes: string[] | null, withoutExamples = false): Promise<Map<string, number>> {
    const column = organisations[field];
    const rows = await this.db
      .select({ value: column, count: count() })
      .from(organisations)
      .where(
        and(
          eq(organisations.published, true),
          regionCodes ? inArray(organisations.regionCode, regionCodes) : undefined,
          withoutExamples ? ne(organisations.source, 'synthetic') : undefined,
        ),
      )
      .groupBy(column);
    return new Map(rows.map((r) => [r.value, r.count]));
  }

  async people(organisationId: string): Promise<PersonRole[]> {
    return (await this.peopleOf([organisationId])).get(organisationId) ?? [];
  }

  async count(options: { publishedOnly?: boolean } = {}): Promise<number> {
    const [row] = await this.db
      .select({ n: count() })
      .from(organisations)
      .where(options.publishedOnly ? eq(organisations.published, true) : undefined);
    return row?.n ?? 0;
  }

  /** Organisations in slug order, a batch after the given slug: for exports that must not hold everything. */
  batchAfter(afterSlug: string | null, limit: number, options: { publishedOnly?: boolean } = {}): Promise<OrganisationRow[]> {
    return this.db
      .select(organisationColumns)
      .from(organisations)
      .where(
        and(
          afterSlug ? gt(organisations.slug, afterSlug) : undefined,
          options.publishedOnly ? eq(organisations.published, true) : undefined,
        ),
      )
      .orderBy(asc(organisations.slug))
      .limit(limit);
  }

  /** The people of each organisation, in their listed order. */
  async peopleOf(organisationIds: string[]): Promise<Map<string, PersonRole[]>> {
    const result = new Map<string, PersonRole[]>();
    if (organisationIds.length === 0) return result;
    const rows = await this.db
      .select({
        organisationId: organisationPeople.organisationId,
        personId: people.id,
        name: people.name,
        nameLatin: people.nameLatin,
        nameCyrillic: people.nameCyrillic,
        role: organisationPeople.role,
        email: people.email,
        phone: people.phone,
      })
      .from(organisationPeople)
      .innerJoin(people, eq(people.id, organisationPeople.personId))
      .where(inArray(organisationPeople.organisationId, organisationIds))
      .orderBy(asc(organisationPeople.position));
    for (const { organisationId, ...person } of rows) {
      result.set(organisationId, [...(result.get(organisationId) ?? []), person]);
    }
    return result;
  }

  /**
   * The plain keyword search that search evaluation compares against: the 'simple' configuration over names
   * and descriptions, every word required, no stemming, no cross-lingual layer. Slugs, best first.
   */
  async keywordBaseline(q: string, limit: number): Promise<string[]> {
    const document = sql`to_tsvector('simple', coalesce(${organisations.name}::text, '') || ' ' || coalesce(${organisations.description}::text, ''))`;
    const query = sql`plainto_tsquery('simple', ${q})`;
    const rows = await this.db
      .select({ slug: organisations.slug })
      .from(organisations)
      .where(and(eq(organisations.published, true), sql`${document} @@ ${query}`))
      .orderBy(desc(sql`ts_rank(${document}, ${query})`), asc(organisations.slug))
      .limit(limit);
    return rows.map((r) => r.slug);
  }

  /** Whether some organisations' search documents predate name keys or sort keys: written by an older version. */
  async hasStaleDocuments(): Promise<boolean> {
    const [row] = await this.db
      .select({ id: organisations.id })
      .from(organisations)
      .where(sql`${organisations.nameKeys} = '' or ${organisations.sortKeyEn} = ''`)
      .limit(1);
    return row !== undefined;
  }
}
