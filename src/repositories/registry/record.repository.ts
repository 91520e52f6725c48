import { and, arrayOverlaps, asc, count, desc, eq, exists, getTableColumns, gt, gte, inArray, isNotNull, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cooperationRecords, namedParties, organisations, recordParties, recordStageChanges, users } from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { OrganisationKind } from '../../shared/domain.js';
import type { PartyRole, RecordKind } from '../../shared/registry.js';
import { RecordWriteRepository } from './record-write.repository.js';

const { searchVector: _searchVector, ...recordColumns } = getTableColumns(cooperationRecords);

/** Where a list's count stops (the answer says `capped`). */
export const LIST_COUNT_LIMIT = 10_000;
export type RecordRow = Omit<typeof cooperationRecords.$inferSelect, 'searchVector'>;

/** A party as records show it: the organisation of the platform, or the named party. */
export interface PartyRow {
  recordId: string;
  position: number;
  role: PartyRole;
  organisation: { id: string; slug: string; name: MultilingualText; kind: OrganisationKind; regionCode: string } | null;
  named: { id: string; name: MultilingualText; kind: OrganisationKind; regionCode: string | null; countryCode: string } | null;
}

export interface StageChangeRow {
  fromStage: string | null;
  toStage: string;
  happened: string;
  reason: string | null;
  by: string | null;
  recordedAt: Date;
}

/** Who sees unpublished records: everyone's when `all` (administrators), else their parties' people and their regions' coordinators. */
export type Visibility = { all: true } | { all: false; organisationIds: string[]; regionCodes: string[] };

export interface RecordFilter {
  kind: RecordKind;
  types: string[];
  stages: string[];
  areaCodes: string[];
  /** Parties' regions, with their subdivisions already added. */
  regionCodes: string[];
  organisationId?: string;
  hostId?: string;
  /** The period a record's date must meet: from's first day, to's last day. */
  fromFirst?: string;
  toLast?: string;
  visibility: Visibility;
  offset: number;
  limit: number;
}

const partyOf = (organisationIds: string[]) =>
  exists(
    sql`(select 1 from ${recordParties} where ${recordParties.recordId} = ${cooperationRecords.id} and ${inArray(recordParties.organisationId, organisationIds)})`,
  );

/** The condition of the records the reader may read (services/registry/record-access.ts canReadRecord, in SQL). */
function visible(visibility: Visibility): SQL | undefined {
  if (visibility.all) return undefined;
  const alternatives: SQL[] = [eq(cooperationRecords.published, true)];
  if (visibility.organisationIds.length > 0) alternatives.push(partyOf(visibility.organisationIds));
  if (visibility.regionCodes.length > 0) alternatives.push(arrayOverlaps(cooperationRecords.regionCodes, visibility.regionCodes));
  return or(...alternatives);
}

function partyWithRole(organisationId: string, role: PartyRole | null): SQL {
  return exists(
    sql`(select 1 from ${recordParties} where ${recordParties.recordId} = ${cooperationRecords.id}
      and ${recordParties.organisationId} = ${organisationId}${role ? sql` and ${recordParties.role} = ${role}` : sql``})`,
  );
}

function conditions(filter: RecordFilter): SQL | undefined {
  return and(
    eq(cooperationRecords.kind, filter.kind),
    filter.types.length > 0 ? arrayOverlaps(cooperationRecords.types, filter.types) : undefined,
    filter.stages.length > 0 ? inArray(cooperationRecords.stage, filter.stages) : undefined,
    filter.areaCodes.length > 0 ? arrayOverlaps(cooperationRecords.areaCodes, filter.areaCodes) : undefined,
    filter.regionCodes.length > 0 ? arrayOverlaps(cooperationRecords.regionCodes, filter.regionCodes) : undefined,
    filter.organisationId ? partyWithRole(filter.organisationId, null) : undefined,
    filter.hostId ? partyWithRole(filter.hostId, 'host') : undefined,
    // a record meets the period when its date's period does: "2004" meets June 2004
    filter.fromFirst ? gte(cooperationRecords.datedLast, filter.fromFirst) : undefined,
    filter.toLast ? lte(cooperationRecords.datedFirst, filter.toLast) : undefined,
    visible(filter.visibility),
  );
}

/** The registry's records as lists and record pages read them; RecordWriteRepository adds the writes. */
export class RecordRepository extends RecordWriteRepository {
  constructor(db: Database) {
    super(db);
  }

  /**
   * One page of a kind's records, newest first: by the first day of their date (the kind's date index read
   * backwards), and among those of one first day the finer date first (the reverse of
   * comparePartialDates), then the newest recorded; undated records after them all. The count stops at LIST_COUNT_LIMIT: counting
   * 50,000 agreements row by row costs more than the page itself, and no one pages that far.
   */
  async list(filter: RecordFilter): Promise<{ rows: RecordRow[]; total: number; capped: boolean }> {
    const where = conditions(filter);
    const page = (undated: boolean, offset: number, limit: number) =>
      this.db
        .select(recordColumns)
        .from(cooperationRecords)
        .where(and(where, undated ? isNull(cooperationRecords.datedFirst) : isNotNull(cooperationRecords.datedFirst)))
        .orderBy(
          ...(undated ? [] : [desc(cooperationRecords.datedFirst), asc(cooperationRecords.datedLast)]),
          desc(cooperationRecords.createdAt),
          desc(cooperationRecords.id),
        )
        .limit(limit)
        .offset(offset);
    const counted = this.db
      .select({ total: count() })
      .from(this.db.select({ one: sql`1` }).from(cooperationRecords).where(where).limit(LIST_COUNT_LIMIT + 1).as('matching'));
    const [rows, [counts]] = await Promise.all([page(false, filter.offset, filter.limit), counted]);
    const total = Math.min(counts?.total ?? 0, LIST_COUNT_LIMIT);
    if (rows.length < filter.limit) {
      // past the dated records: the undated ones follow, from where the dated ones ended
      const dated =
        rows.length > 0 || filter.offset === 0
          ? filter.offset + rows.length
          : ((await this.db.select({ n: count() }).from(cooperationRecords).where(and(where, isNotNull(cooperationRecords.datedFirst))))[0]?.n ?? 0);
      rows.push(...(await page(true, Math.max(0, filter.offset - dated), filter.limit - rows.length)));
    }
    return { rows, total, capped: (counts?.total ?? 0) > LIST_COUNT_LIMIT };
  }

  /** Records in id order after `afterId` (an export's pages), of one kind or all, published ones only if asked. */
  exportPage(afterId: string | null, limit: number, options: { kind?: RecordKind; publishedOnly: boolean }): Promise<RecordRow[]> {
    return this.db
      .select(recordColumns)
      .from(cooperationRecords)
      .where(
        and(
          afterId ? gt(cooperationRecords.id, afterId) : undefined,
          options.kind ? eq(cooperationRecords.kind, options.kind) : undefined,
          options.publishedOnly ? eq(cooperationRecords.published, true) : undefined,
        ),
      )
      .orderBy(asc(cooperationRecords.id))
      .limit(limit);
  }

  async get(idOrSlug: string): Promise<RecordRow | undefined> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const [row] = await this.db
      .select(recordColumns)
      .from(cooperationRecords)
      .where(isUuid ? eq(cooperationRecords.id, idOrSlug) : eq(cooperationRecords.slug, idOrSlug));
    return row;
  }

  /**
   * Locks the record's row until the end of the transaction (SELECT … FOR UPDATE) and reads it as it is
   * now: every change of a record takes this lock first, so two stage changes at once on PostgreSQL are
   * checked one after the other, the second against the stage the first left.
   */
  async lock(id: string): Promise<RecordRow | undefined> {
    const [row] = await this.db.select(recordColumns).from(cooperationRecords).where(eq(cooperationRecords.id, id)).for('update');
    return row;
  }

  async currentVersion(id: string): Promise<number | undefined> {
    const [row] = await this.db.select({ version: cooperationRecords.version }).from(cooperationRecords).where(eq(cooperationRecords.id, id));
    return row?.version;
  }

  /** The records' parties in their order, with their organisations or named parties. */
  async partiesOf(recordIds: string[]): Promise<PartyRow[]> {
    if (recordIds.length === 0) return [];
    const rows = await this.db
      .select({
        recordId: recordParties.recordId,
        position: recordParties.position,
        role: recordParties.role,
        orgId: organisations.id,
        orgSlug: organisations.slug,
        orgName: organisations.name,
        orgKind: organisations.kind,
        orgRegion: organisations.regionCode,
        namedId: namedParties.id,
        namedName: namedParties.name,
        namedKind: namedParties.kind,
        namedRegion: namedParties.regionCode,
        namedCountry: namedParties.countryCode,
      })
      .from(recordParties)
      .leftJoin(organisations, eq(organisations.id, recordParties.organisationId))
      .leftJoin(namedParties, eq(namedParties.id, recordParties.namedPartyId))
      .where(inArray(recordParties.recordId, recordIds))
      .orderBy(asc(recordParties.recordId), asc(recordParties.position));
    return rows.map((r) => ({
      recordId: r.recordId,
      position: r.position,
      role: r.role,
      organisation: r.orgId ? { id: r.orgId, slug: r.orgSlug!, name: r.orgName!, kind: r.orgKind!, regionCode: r.orgRegion! } : null,
      named: r.namedId ? { id: r.namedId, name: r.namedName!, kind: r.namedKind!, regionCode: r.namedRegion, countryCode: r.namedCountry! } : null,
    }));
  }

  /** The record's stage changes, oldest first, with the display name of who recorded each. */
  stageHistory(recordId: string): Promise<StageChangeRow[]> {
    return this.db
      .select({
        fromStage: recordStageChanges.fromStage,
        toStage: recordStageChanges.toStage,
        happened: recordStageChanges.happened,
        reason: recordStageChanges.reason,
        by: users.displayName,
        recordedAt: recordStageChanges.recordedAt,
      })
      .from(recordStageChanges)
      .leftJoin(users, eq(users.id, recordStageChanges.changedBy))
      .where(eq(recordStageChanges.recordId, recordId))
      .orderBy(asc(recordStageChanges.recordedAt), asc(recordStageChanges.id));
  }
}
