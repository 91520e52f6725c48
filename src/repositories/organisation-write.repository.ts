import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { areas, organisationPeople, organisations, people } from '../db/schema/index.js';
import { LANGUAGES, type Language } from '../shared/languages.js';
import { allTexts, type MultilingualText } from '../shared/multilingual.js';
import type { ProfileStatus } from '../shared/roles.js';
import type { PersonRole } from '../shared/schemas/organisations.js';
import type { ProfileChanges } from '../shared/schemas/profile.js';
import { slugify, soundKeys, transliterate } from '../shared/transliterate.js';
import type { ClassificationRepository } from './classification.repository.js';
import type { NewOrganisation, NewPersonRole, ProfileColumns } from './organisation.repository.js';
import { searchDocument, type DocumentText } from './search-query.js';
import { nameSortKeys } from '../shared/sort-key.js';

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
  productCodes?: string[];
  areaCodes: string[];
  peopleNames: string[];
}

const CYRILLIC = /\p{Script=Cyrillic}/u;

/**
 * The writes of organisations (OrganisationRepository adds the reads): inserts, workflow changes with
 * their version check, the derived columns kept in step with the texts, and the row lock that serialises
 * changes to one organisation's people and workflow.
 */
export abstract class OrganisationWriteRepository {
  constructor(
    protected readonly db: Database,
    protected readonly classifications: ClassificationRepository,
  ) {}

  abstract peopleOf(organisationIds: string[]): Promise<Map<string, PersonRole[]>>;

  /**
   * Columns derived from the texts, kept in step on every write: the sort key, the search document (with
   * transliterated Cyrillic names, people's names, and the titles of the NACE classes, product codes and areas in every
   * language) and the names' sound keys. Concept tags follow from the search document (a trigger).
   */
  private async derived(rows: DocumentTexts[]): Promise<
    {
      sortName: string;
      sortKeyRu: string;
      sortKeyFr: string;
      sortKeyEn: string;
      searchVector: SQL;
      nameKeys: string;
      nameKeyList: string[];
    }[]
  > {
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
        // so that «roulements», «подшипники» and "bearings" find a record with hs:8482, whatever its own language
        ...(row.productCodes ?? []).flatMap((c) => inLanguages(this.classifications.products.entry(c)?.title)),
        ...row.areaCodes.flatMap((c) => inLanguages(areaNames.get(c))),
      ];
      const keys = soundKeys([...names, ...short].map((t) => t.text));
      const sortKeys = nameSortKeys(row.name);
      return {
        sortName: sortName(row.name),
        sortKeyRu: sortKeys.ru,
        sortKeyFr: sortKeys.fr,
        sortKeyEn: sortKeys.en,
        searchVector: searchDocument({ names, other: [...short, ...latin], descriptions: inLanguages(row.description), codes }),
        nameKeys: keys.join(' '),
        nameKeyList: keys,
      };
    });
  }

  /**
   * Writes a workflow step (and, on validation, the profile's columns) and moves the version on. With an
   * expected version, the row is written only if it is still at it, in the same statement: the new version,
   * or null when someone else wrote first.
   */
  async updateWorkflow(
    id: string,
    values: { status?: ProfileStatus; pendingProfile?: ProfileChanges | null; published?: boolean; profile?: ProfileColumns },
    now: Date,
    expected: number | null = null,
  ): Promise<number | null> {
    const { profile, ...workflow } = values;
    const persons = profile ? ((await this.peopleOf([id])).get(id) ?? []) : [];
    const texts = profile ? (await this.derived([{ ...profile, peopleNames: personNames(persons) }]))[0] : undefined;
    const [row] = await this.db
      .update(organisations)
      .set({ ...workflow, ...(profile ? { ...profile, ...texts } : {}), updatedAt: now, version: sql`${organisations.version} + 1` })
      .where(and(eq(organisations.id, id), expected === null ? undefined : eq(organisations.version, expected)))
      .returning({ version: organisations.version });
    return row?.version ?? null;
  }

  /**
   * Locks the organisation's row until the end of the transaction (SELECT … FOR UPDATE) and reads it as
   * it is now: changes to its members and its workflow take this lock first, so that two of them at once
   * (two administrators leaving, two coordinators deciding) are checked one after the other on PostgreSQL.
   */
  async lockOrganisation(id: string): Promise<void> {
    await this.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id)).for('update');
  }

  /**
   * Inserts an organisation created by its members under a free slug made from its name. The slug is
   * chosen before the insert, so two creations of one name at once may choose the same: the insert then
   * does nothing (ON CONFLICT, after the other one's commit) and the next free slug is tried. Returns the slug.
   */
  async insertWithFreeSlug(row: Omit<NewOrganisation, 'slug' | 'people'>): Promise<string> {
    const [texts] = await this.derived([{ ...row, peopleNames: [] }]);
    const tried = new Set<string>();
    for (;;) {
      const slug = await this.freeSlug(row.name, tried);
      const [inserted] = await this.db
        .insert(organisations)
        .values({ ...row, ...texts!, slug })
        .onConflictDoNothing({ target: organisations.slug })
        .returning({ slug: organisations.slug });
      if (inserted) return inserted.slug;
      tried.add(slug);
    }
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

  /**
   * Rewrites the derived columns (search document, name keys, hence concept tags) of a batch of
   * organisations after `afterId`, in id order. Returns the last id done, or null at the end.
   */
  async rebuildDocuments(afterId: string | null, limit: number): Promise<{ lastId: string | null; count: number }> {
    const rows = await this.db
      .select({
        id: organisations.id,
        name: organisations.name,
        shortName: organisations.shortName,
        city: organisations.city,
        description: organisations.description,
        naceClasses: organisations.naceClasses,
        productCodes: organisations.productCodes,
        areaCodes: organisations.areaCodes,
      })
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
