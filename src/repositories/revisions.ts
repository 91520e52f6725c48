import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations } from '../db/schema/index.js';
import type { OrganisationKind, Sector } from '../shared/domain.js';

/** What the in-memory indexes (partners, directory) keep of every organisation: what they filter and rank on. */
export interface OrganisationProfile {
  id: string;
  published: boolean;
  kind: OrganisationKind;
  sector: Sector;
  regionCode: string;
  areaCodes: string[];
  naceClasses: string[];
  /** Stored product codes ("cpa:23.43.10", "hs:848210"). */
  productCodes: string[];
  conceptCodes: string[];
  sortName: string;
}

/** What was written since a horizon (a page of it), and the horizon to ask from next time. */
export interface RevisionRead<T> {
  items: T[];
  horizon: number;
}

/**
 * A page of a long read, in id order: the rows after `after`. Each page is read in its own snapshot: a
 * reader keeps the horizon of its first page, so that whatever the later pages missed is read next time.
 */
export interface RevisionPage {
  after: string | null;
  limit: number;
}

const HORIZON = 'horizon ';
// a unit separator occurs in no code, and in no tsvector's text (the parser splits words on it)
const SEPARATOR = '\u001f';

/**
 * The organisations whose revision (their last writer's transaction id) is at or after the horizon, with
 * `more` fields after their profile; and the oldest transaction still running when they were read (read in
 * the same statement, so the same snapshot). A transaction running then may commit later: its rows carry a
 * revision at or after that horizon, so a reader that asks from it next time reads them.
 *
 * Each row comes as one line of text: PGlite hands rows to JavaScript field by field, and ten fields with
 * three arrays took 3.3 s for 100,000 organisations where one line takes under one.
 */
export async function profilesSince(
  db: Database,
  more: SQL[],
  horizon: number,
  page: RevisionPage,
): Promise<RevisionRead<{ profile: OrganisationProfile; more: string[] }>> {
  const fields = [
    sql`id`,
    sql`published::text`,
    sql`kind`,
    sql`sector`,
    sql`region_code`,
    sql`array_to_string(area_codes, ' ')`,
    sql`array_to_string(nace_classes, ' ')`,
    sql`array_to_string(concept_codes, ' ')`,
    sql`array_to_string(product_codes, ' ')`,
    ...more,
    // last, so that a separator in it could do no harm
    sql`sort_name`,
  ];
  const read = await rowsSince(db, organisations, fields, horizon, page);
  const items: RevisionRead<{ profile: OrganisationProfile; more: string[] }>['items'] = [];
  for (const line of read.items) {
    const [id, published, kind, sector, regionCode, areas, nace, concepts, products, ...rest] = line;
    const profile: OrganisationProfile = {
      id: id!,
      published: published === 'true',
      kind: kind as OrganisationKind,
      sector: sector as Sector,
      regionCode: regionCode!,
      areaCodes: codeList(areas),
      naceClasses: codeList(nace),
      conceptCodes: codeList(concepts),
      productCodes: codeList(products),
      sortName: rest.slice(more.length).join(SEPARATOR),
    };
    items.push({ profile, more: rest.slice(0, more.length) });
  }
  return { horizon: read.horizon, items };
}

/**
 * The rows of a table stamped with a revision (organisations, cooperation records) whose revision is at or
 * after the horizon, a page in id order, each as its fields (the first must be the id; a separator in the
 * last stays in it); and the oldest transaction still running when they were read, in the same statement.
 * `from` may be a table or a subquery aliased to expose `id` and `revision`.
 */
export async function rowsSince(db: Database, from: SQL | typeof organisations, fields: SQL[], horizon: number, page: RevisionPage): Promise<RevisionRead<string[]>> {
  const after = page.after ? sql`and id > ${page.after}::uuid` : sql``;
  const result = (await db.execute(sql`
    select ${HORIZON} || pg_snapshot_xmin(pg_current_snapshot())::text as line
    union all
    (select concat_ws(${SEPARATOR}, ${sql.join(fields, sql`, `)}) from ${from} where revision >= ${horizon} ${after} order by id limit ${page.limit})`)) as unknown as {
    rows: { line: string }[];
  };
  let next = horizon;
  const items: string[][] = [];
  // a union's order is not promised: the horizon's line is told apart by its mark (lines start with an id)
  for (const { line } of result.rows) {
    if (line.startsWith(HORIZON)) next = Number(line.slice(HORIZON.length));
    else items.push(line.split(SEPARATOR));
  }
  return { horizon: next, items };
}

/** A list of codes as `array_to_string(codes, ' ')` wrote it. */
export function codeList(text: string | undefined): string[] {
  return text ? text.split(' ') : [];
}
