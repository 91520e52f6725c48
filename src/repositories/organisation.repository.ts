import { and, arrayOverlaps, asc, count, desc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { areas, organisationPeople, organisations, people } from '../db/schema/index.js';
import type { OrganisationKind, RecordSource, Sector } from '../shared/domain.js';
import { allTexts, type MultilingualText } from '../shared/multilingual.js';
import { slugify, soundKeys, transliterate } from '../shared/transliterate.js';
import type { ProfileStatus } from '../shared/roles.js';
import type { PersonRole } from '../shared/schemas/organisations.js';
import type { ProfileChanges } from '../shared/schemas/profile.js';
import type { ClassificationRepository } from './classification.repository.js';
import { searchDocument, type DocumentText } from './search-query.js';
import { LANGUAGES, type Language } from '../shared/languages.js';

export type OrganisationRow = Omit<
  typeof organisations.$inferSelect,
  'searchVector' | 'sortName' | 'nameKeys' | 'nameKeyList' | 'revision'
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
  naceClasses: string[];
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
  'kind' | 'sector' | 'regionCode' | 'city' | 'name' | 'shortName' | 'description' | 'website' | 'naceClasses' | 'areaCodes'
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
  naceClasses: organisations.naceClasses,
  areaCodes: organisations.areaCodes,
  conceptCodes: organisations.conceptCodes,
  source: organisations.source,
  published: organisations.published,
  status: organisations.status,
  pendingProfile: organisations.pendingProfile,
  createdAt: organisations.createdAt,
  updatedAt: organisations.updatedAt,
};

/** Each language's text of a multilingual value (or of a title in several languages), with its language. */
function inLanguages(value: Partial<Record<Language, string>> | null | undefined): DocumentText[] {
  return LANGUAGES.flatMap((lang) => (value?.[lang]?.trim() ? [{ text: value[lang]!, lang }] : []));
}

function personNames(persons: Pick<NewPersonRole, 'name' | 'nameLatin' | 'nameCyrillic'>[]): string[] {
  return persons.flatMap((p) => [p.name, p.nameLatin, p.nameCyrillic].filter((n): n is string => !!n));
}

function sortName(name: MultilingualText): string {
  return (name[name.original] ?? allTexts(name)[0] ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The texts a search document and the name keys are made of. */
interface DocumentTexts {
  name: MultilingualText;
  shortName: MultilingualText | null;
  city: MultilingualText | null;
  description: MultilingualText | null;
  naceClasses: string[];
  areaCodes: string[];
  peopleNames: string[];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

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

export class OrganisationRepository {
  constructor(
    private readonly db: Database,
    private readonly classifications: ClassificationRepository,
  ) {}

  /**
   * Columns derived from the texts, kept in step on every write: the sort key, the search document (with
   * transliterated Cyrillic names, people's names, and the titles of the NACE classes and areas in every
   * language) and the names' sound keys. Concept tags follow from the search document (a trigger).
   */
  private async derived(
    rows: DocumentTexts[],
  ): Promise<{ sortName: string; searchVector: SQL; nameKeys: string; nameKeyList: string[] }[]> {
    const areaCodes = [...new Set(rows.flatMap((r) => r.areaCodes))];
    const areaNames = new Map(
      areaCodes.length === 0
        ? []
        : (await this.db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, areaCodes))).map((a) => [
            a.code,
            a.name,
          ]),
    );
    return rows.map((row) => {
      const names = [...inLanguages(row.name), ...inLanguages(row.shortName)];
      const short = [...inLanguages(row.city), ...row.peopleNames.map((text) => ({ text, lang: null }))];
      const latin = [...names, ...short].filter((t) => CYRILLIC.test(t.text)).map((t) => ({ text: transliterate(t.text), lang: null }));
      const codes = [
        ...row.naceClasses.flatMap((c) => inLanguages(this.classifications.naceEntry(c)?.title)),
        ...row.areaCodes.flatMap((c) => inLanguages(areaNames.get(c))),
      ];
      const keys = soundKeys([...names, ...short].map((t) => t.text));
      return {
        sortName: sortName(row.name),
        searchVector: searchDocument({ names, other: [...short, ...latin], descriptions: inLanguages(row.description), codes }),
        nameKeys: keys.join(' '),
        nameKeyList: keys,
      };
    });
  }

  /** One page of the organisations that pass the filter, by name; and how many there are. (Search with words: DirectoryIndex.) */
  async browse(filter: OrganisationFilter, page: PageRange): Promise<{ rows: OrganisationRow[]; total: number }> {
    const where = and(...conditions(filter));
    const [rows, [counted]] = await Promise.all([
      this.db
        .select(organisationColumns)
        .from(organisations)
        .where(where)
        .orderBy(asc(organisations.sortName), asc(organisations.id))
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

  /** Profiles waiting for a coordinator of these regions (all regions when null), oldest first. */
  submitted(regionCodes: string[] | null): Promise<OrganisationRow[]> {
    return this.db
      .select(organisationColumns)
      .from(organisations)
      .where(and(eq(organisations.status, 'submitted'), regionCodes ? inArray(organisations.regionCode, regionCodes) : undefined))
      .orderBy(asc(organisations.updatedAt));
  }

  async updateWorkflow(
    id: string,
    values: { status?: ProfileStatus; pendingProfile?: ProfileChanges | null; published?: boolean; profile?: ProfileColumns },
    now: Date,
  ): Promise<void> {
    const { profile, ...workflow } = values;
    const texts = profile ? (await this.derived([{ ...profile, peopleNames: personNames(await this.people(id)) }]))[0] : undefined;
    await this.db
      .update(organisations)
      .set({ ...workflow, ...(profile ? { ...profile, ...texts } : {}), updatedAt: now })
      .where(eq(organisations.id, id));
  }

  async getBySlug(slug: string): Promise<OrganisationRow | undefined> {
    const [row] = await this.db.select(organisationColumns).from(organisations).where(eq(organisations.slug, slug));
    return row;
  }

  listByRegionsAndKinds(regionCodes: string[], kinds: OrganisationKind[]): Promise<OrganisationRow[]> {
    return this.db
      .select(organisationColumns)
      .from(organisations)
      .where(and(eq(organisations.published, true), inArray(organisations.regionCode, regionCodes), inArray(organisations.kind, kinds)))
      .orderBy(asc(organisations.sortName));
  }

  async countsBy(field: 'kind' | 'sector', regionCodes: string[] | null): Promise<Map<string, number>> {
    const column = organisations[field];
    const rows = await this.db
      .select({ value: column, count: count() })
      .from(organisations)
      .where(and(eq(organisations.published, true), regionCodes ? inArray(organisations.regionCode, regionCodes) : undefined))
      .groupBy(column);
    return new Map(rows.map((r) => [r.value, r.count]));
  }

  async people(organisationId: string): Promise<PersonRole[]> {
    return (await this.peopleOf([organisationId])).get(organisationId) ?? [];
  }

  async existingSlugs(slugs: string[]): Promise<Set<string>> {
    if (slugs.length === 0) return new Set();
    const rows = await this.db.select({ slug: organisations.slug }).from(organisations).where(inArray(organisations.slug, slugs));
    return new Set(rows.map((r) => r.slug));
  }

  /**
   * A slug made from an organisation's name in its original language, free in the database and outside
   * `alsoTaken` (slugs an import is about to use): "kaluzhskie-filtry", else "kaluzhskie-filtry-2", …
   */
  async freeSlug(name: MultilingualText, alsoTaken: ReadonlySet<string> = new Set()): Promise<string> {
    const base = slugify(name[name.original] ?? '') || 'organisation';
    let slug = base;
    for (let n = 2; alsoTaken.has(slug) || (await this.existingSlugs([slug])).size > 0; n++) slug = `${base}-${n}`;
    return slug;
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

  /** Whether some organisations' search documents predate name keys: written by an older version. */
  async hasStaleDocuments(): Promise<boolean> {
    const [row] = await this.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.nameKeys, '')).limit(1);
    return row !== undefined;
  }

  /**
   * Rewrites the derived columns (search document, name keys, hence concept tags) of a batch of
   * organisations after `afterId`, in id order. Returns the last id done, or null at the end.
   */
  async rebuildDocuments(afterId: string | null, limit: number): Promise<{ lastId: string | null; count: number }> {
    const rows = await this.db
      .select(organisationColumns)
      .from(organisations)
      .where(afterId ? gt(organisations.id, afterId) : undefined)
      .orderBy(asc(organisations.id))
      .limit(limit);
    if (rows.length === 0) return { lastId: null, count: 0 };
    const persons = await this.peopleOf(rows.map((r) => r.id));
    const texts = await this.derived(rows.map((r) => ({ ...r, peopleNames: personNames(persons.get(r.id) ?? []) })));
    await this.db.transaction(async (tx) => {
      for (const [i, row] of rows.entries()) await tx.update(organisations).set(texts[i]!).where(eq(organisations.id, row.id));
    });
    return { lastId: rows.at(-1)!.id, count: rows.length };
  }

  /**
   * Refreshes the planner's statistics and empties the GIN indexes' pending lists; without it a bulk import
   * leaves searches on bad plans and slow index scans (PGlite has no autovacuum to do it). VACUUM cannot run
   * inside a transaction: there, only the statistics are refreshed.
   */
  async analyse(): Promise<void> {
    try {
      await this.db.execute(sql`VACUUM ANALYZE organisations`);
    } catch (error) {
      if ((error as { code?: string }).code !== '25001') throw error;
      await this.db.execute(sql`ANALYZE organisations`);
    }
  }

  /** Inserts organisations and their people in one transaction: all of them or none. */
  async insertMany(rows: NewOrganisation[]): Promise<void> {
    if (rows.length === 0) return;
    const texts = await this.derived(rows.map((r) => ({ ...r, peopleNames: personNames(r.people ?? []) })));
    await this.db.transaction(async (tx) => {
      const inserted = await tx
        .insert(organisations)
        .values(rows.map(({ people: _people, ...row }, i) => ({ ...row, ...texts[i]! })))
        .returning({ id: organisations.id, slug: organisations.slug });
      const idBySlug = new Map(inserted.map((r) => [r.slug, r.id]));
      const roles = rows.flatMap((row) =>
        (row.people ?? []).map((p, position) => ({ ...p, position, organisationId: idBySlug.get(row.slug)! })),
      );
      if (roles.length === 0) return;
      const persons = await tx
        .insert(people)
        .values(
          roles.map((r) => ({
            name: r.name,
            nameLatin: r.nameLatin,
            nameCyrillic: r.nameCyrillic,
            email: r.email ?? null,
            phone: r.phone ?? null,
          })),
        )
        .returning({ id: people.id });
      await tx
        .insert(organisationPeople)
        .values(roles.map((r, i) => ({ organisationId: r.organisationId, personId: persons[i]!.id, role: r.role, position: r.position })));
    });
  }
}
