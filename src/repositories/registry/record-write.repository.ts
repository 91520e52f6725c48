import type { RecordSource } from '../../shared/domain.js';
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { areas, cooperationRecords, recordParties, recordStageChanges } from '../../db/schema/index.js';
import { LANGUAGES } from '../../shared/languages.js';
import { allTexts, type MultilingualText } from '../../shared/multilingual.js';
import type { PartyRole, RecordDetails, RecordKind } from '../../shared/registry.js';
import { slugify } from '../../shared/transliterate.js';
import { searchDocument, type DocumentText } from '../search-query.js';

/** A record has the slug an import gives already. */
export class SlugTakenError extends Error {
  constructor(readonly slug: string) {
    super(`A record has the slug ${slug} already.`);
  }
}

/** The columns a record's create and edit write (the derived ones, region_codes and search_vector, follow). */
export interface RecordColumns {
  types: string[];
  title: MultilingualText;
  summary: MultilingualText | null;
  areaCodes: string[];
  dated: string | null;
  datedFirst: string | null;
  datedLast: string | null;
  validFrom: string | null;
  validFromFirst: string | null;
  validUntil: string | null;
  validUntilLast: string | null;
  details: RecordDetails;
  published: boolean;
  /** The partnership it is filed under (its sides' regions then count as the record's). */
  partnershipId: string | null;
}

export interface NewRecord extends RecordColumns {
  kind: RecordKind;
  stage: string;
  /** null: written by the platform itself (the demo seed, an import from the CLI). */
  createdBy: string | null;
  source?: RecordSource;
}

/** A party row to write: exactly one of organisationId and namedPartyId. */
export interface NewParty {
  organisationId: string | null;
  namedPartyId: string | null;
  role: PartyRole;
}

export interface NewStageChange {
  recordId: string;
  fromStage: string | null;
  toStage: string;
  happened: string;
  happenedFirst: string;
  reason: string | null;
  changedBy: string | null;
  at: Date;
}

const texts = (value: MultilingualText | null | undefined): DocumentText[] =>
  LANGUAGES.flatMap((lang) => (value?.[lang]?.trim() ? [{ text: value[lang]!, lang }] : []));

/** The writes of registry records (RecordRepository adds the reads), with the version check and the derived columns. */
export abstract class RecordWriteRepository {
  constructor(protected readonly db: Database) {}

  /**
   * Inserts a record under a free slug made from its title. Two creations of one title at once may choose
   * the same slug: the insert then does nothing (ON CONFLICT) and the next one is tried.
   */
  /** A record under the slug given (an import's); false when a record has it already. */
  async insertWithSlug(values: NewRecord, slug: string, now: Date): Promise<{ id: string; slug: string }> {
    const [row] = await this.db
      .insert(cooperationRecords)
      .values({ ...values, slug, createdAt: now, updatedAt: now })
      .onConflictDoNothing({ target: cooperationRecords.slug })
      .returning({ id: cooperationRecords.id, slug: cooperationRecords.slug });
    if (!row) throw new SlugTakenError(slug);
    return row;
  }

  async insertWithFreeSlug(values: NewRecord, now: Date): Promise<{ id: string; slug: string }> {
    const base = slugify(values.title[values.title.original] ?? allTexts(values.title)[0] ?? '', 70) || values.kind.replace('_', '-');
    for (let attempt = 1; ; attempt++) {
      const slug = attempt === 1 ? base : `${base}-${attempt <= 5 ? attempt : Math.random().toString(36).slice(2, 8)}`;
      const taken = await this.db.select({ id: cooperationRecords.id }).from(cooperationRecords).where(eq(cooperationRecords.slug, slug));
      if (taken.length > 0 && attempt < 20) continue;
      const [row] = await this.db
        .insert(cooperationRecords)
        .values({ ...values, slug, createdAt: now, updatedAt: now })
        .onConflictDoNothing({ target: cooperationRecords.slug })
        .returning({ id: cooperationRecords.id, slug: cooperationRecords.slug });
      if (row) return row;
    }
  }

  /**
   * Writes the record's columns (all, some, or none: a change of one of its parts) and moves its version
   * on. With an expected version, only if the record is still at it, in the same statement: the new
   * version, or null when someone else wrote first.
   */
  async update(id: string, values: Partial<RecordColumns> & { stage?: string }, now: Date, expected: number | null = null): Promise<number | null> {
    const [row] = await this.db
      .update(cooperationRecords)
      .set({ ...values, updatedAt: now, version: sql`${cooperationRecords.version} + 1` })
      .where(and(eq(cooperationRecords.id, id), expected === null ? undefined : eq(cooperationRecords.version, expected)))
      .returning({ version: cooperationRecords.version });
    return row?.version ?? null;
  }

  /** The record's parties, all replaced, in the order given. */
  async replaceParties(recordId: string, parties: NewParty[]): Promise<void> {
    await this.db.delete(recordParties).where(eq(recordParties.recordId, recordId));
    if (parties.length === 0) return;
    await this.db.insert(recordParties).values(parties.map((p, position) => ({ ...p, recordId, position })));
  }

  async addStageChange(change: NewStageChange): Promise<void> {
    const { at, ...values } = change;
    await this.db.insert(recordStageChanges).values({ ...values, recordedAt: at });
  }

  async delete(id: string): Promise<void> {
    await this.db.delete(cooperationRecords).where(eq(cooperationRecords.id, id));
  }

  /**
   * The columns derived at every write, in one place: region_codes (the regions of the parties, organisations
   * and named parties alike, and those of the partnership it is filed under: a partnership's timeline finds a
   * record by them, and its regions' coordinators edit it) and search_vector (title,
   * summary, commitments and the areas' names in their languages, weighted as organisations' documents are;
   * the cross-type search reads it with the revision).
   */
  async refreshDerived(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const rows = await this.db
      .select({ id: cooperationRecords.id, title: cooperationRecords.title, summary: cooperationRecords.summary, details: cooperationRecords.details, areaCodes: cooperationRecords.areaCodes })
      .from(cooperationRecords)
      .where(inArray(cooperationRecords.id, ids));
    const areaCodes = [...new Set(rows.flatMap((r) => r.areaCodes))];
    const areaNames = new Map(
      areaCodes.length === 0
        ? []
        : (await this.db.select({ code: areas.code, name: areas.name }).from(areas).where(inArray(areas.code, areaCodes))).map((a) => [a.code, a.name]),
    );
    for (const row of rows) {
      const commitments = row.details.commitmentRoles?.map((c) => c.eventSeries) ?? [];
      await this.db
        .update(cooperationRecords)
        .set({
          regionCodes: sql`coalesce((select array_agg(distinct code order by code) from (
            select o.region_code as code from record_parties p join organisations o on o.id = p.organisation_id where p.record_id = ${row.id}
            union select n.region_code from record_parties p join named_parties n on n.id = p.named_party_id where p.record_id = ${row.id}
            union select unnest(s.region_codes) from partnership_sides s join cooperation_records c on c.partnership_id = s.partnership_id
              where c.id = ${row.id}) r where code is not null), '{}')`,
          searchVector: searchDocument({
            names: texts(row.title),
            other: commitments.flatMap(texts),
            descriptions: [...texts(row.summary), ...texts(row.details.commitments)],
            codes: row.areaCodes.flatMap((c) => texts(areaNames.get(c))),
          }) as unknown as string,
        })
        .where(eq(cooperationRecords.id, row.id));
    }
  }
}
