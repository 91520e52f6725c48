import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { organisations, type FeedEntity } from '../db/schema/index.js';
import { advance, belowFloor, type FeedPosition } from './change-feed-position.js';
import { feedStart, floorOf } from './change-feed.repository.js';
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

/**
 * A page of what was written since a position in the change feed, or (from no position: a load) a page of
 * the whole table in id order.
 */
export interface RevisionRead<T> {
  /** The rows read, published or not. */
  items: T[];
  /** The ids the feed named whose rows are gone (deleted): the index forgets them. */
  gone: string[];
  /**
   * Where to read from next: after a read of the feed, the position it reached; on a load's first page, the
   * feed's position when the load began (so what its later pages miss is read next time); else null.
   */
  position: FeedPosition | null;
  /** Whether there is more to read (the page was full). */
  more: boolean;
  /** The position asked from is below the feed's floor (the cleanup removed what it would read): load again. */
  reload?: boolean;
}

/** A page of a load, in id order: the rows after `after`; or, reading the feed, at most `limit` of its rows. */
export interface RevisionPage {
  after: string | null;
  limit: number;
}

const FEED = 'feed ';
const GONE = 'gone ';
// a unit separator occurs in no code, and in no tsvector's text (the parser splits words on it)
const SEPARATOR = '\u001f';

/**
 * The organisations written since a position in the feed (or, from none, all of them, a page in id order)
 * with `more` fields after their profile (rowsSince).
 *
 * Each row comes as one line of text: PGlite hands rows to JavaScript field by field, and ten fields with
 * three arrays took 3.3 s for 100,000 organisations where one line takes under one.
 */
export async function profilesSince(
  db: Database,
  more: SQL[],
  since: FeedPosition | null,
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
  const read = await rowsSince(db, 'organisation', organisations, fields, since, page);
  return { ...read, items: read.items.map((line) => profileOf(line, more.length)) };
}

function profileOf(line: string[], more: number): { profile: OrganisationProfile; more: string[] } {
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
    sortName: rest.slice(more).join(SEPARATOR),
  };
  return { profile, more: rest.slice(0, more) };
}

/**
 * Rows of a followed table (organisations, cooperation records, offers), each as its fields (the first
 * must be the id; a separator in the last stays in it). From a position: the rows the entity's feed names
 * after it (at most `page.limit` feed rows, each id once), read in ONE statement with the feed, its floor
 * and the snapshot's xmin and xmax, so that the new position says exactly what this snapshot saw. From
 * none (a load): a page of the table in id order, the first page preceded by the feed's position
 * (feedStart). `from` may be a table or a subquery aliased to expose `id`.
 */
export async function rowsSince(
  db: Database,
  entity: FeedEntity,
  from: SQL | typeof organisations,
  fields: SQL[],
  since: FeedPosition | null,
  page: RevisionPage,
): Promise<RevisionRead<string[]>> {
  const line = lineOf(fields);
  if (since === null) {
    const position = page.after === null ? await feedStart(db, entity) : null;
    const items = await tableRows(db, from, fields, page.after ? sql`id > ${page.after}::uuid` : sql`true`, page.limit);
    return { items, gone: [], position, more: items.length === page.limit };
  }
  // the holes as ranges the planner sees (a lateral join over an unnest of them was estimated at a ninth of
  // the feed, and planned in parallel: two workers started for every read, 5–8 ms of each search at 1M)
  const holes = since.holes.map((h) => sql` or seq between ${h.from} and ${h.to}`);
  const result = (await db.execute(sql`
    with fed as materialized (
      select seq, entity_id from change_feed where entity = ${entity} and (seq > ${since.seq}${sql.join(holes)})
      order by seq limit ${page.limit})
    select ${FEED} || concat_ws(' ', pg_snapshot_xmin(pg_current_snapshot())::text, pg_snapshot_xmax(pg_current_snapshot())::text,
                                ${floorOf(entity)}::text, (select string_agg(seq::text, ' ' order by seq) from fed)) as line
    union all
    select ${GONE} || d.entity_id::text from (select distinct entity_id from fed) d where not exists (select from ${from} where id = d.entity_id)
    union all
    select ${line} from ${from} where id in (select entity_id from fed)`)) as unknown as Lines;
  const items: string[][] = [];
  const gone: string[] = [];
  let seen = { xmin: 0, xmax: 0, floor: 0, seqs: [] as number[] };
  // a union's order is not promised: the feed's line and the gone ids are told apart by their marks (lines start with an id)
  for (const { line: text } of result.rows) {
    if (text.startsWith(FEED)) {
      const [xmin, xmax, floor, ...seqs] = text.slice(FEED.length).split(' ').map(Number);
      seen = { xmin: xmin!, xmax: xmax!, floor: floor!, seqs };
    } else if (text.startsWith(GONE)) gone.push(text.slice(GONE.length));
    else items.push(text.split(SEPARATOR));
  }
  if (belowFloor(since, seen.floor)) return { items: [], gone: [], position: null, more: false, reload: true };
  const full = seen.seqs.length === page.limit;
  return { items, gone, position: advance(since, { seqs: seen.seqs, xmin: seen.xmin, xmax: seen.xmax, full }), more: full };
}

type Lines = { rows: { line: string }[] };

const lineOf = (fields: SQL[]) => sql`concat_ws(${SEPARATOR}, ${sql.join(fields, sql`, `)})`;

/** The rows of `from` that `where` keeps, at most `limit` in id order, each as its fields (as rowsSince reads them). */
export async function tableRows(
  db: Database,
  from: SQL | typeof organisations,
  fields: SQL[],
  where: SQL,
  limit: number,
): Promise<string[][]> {
  const result = (await db.execute(
    sql`select ${lineOf(fields)} as line from ${from} where ${where} order by id limit ${limit}`,
  )) as unknown as Lines;
  return result.rows.map((row) => row.line.split(SEPARATOR));
}

/** A list of codes as `array_to_string(codes, ' ')` wrote it. */
export function codeList(text: string | undefined): string[] {
  return text ? text.split(' ') : [];
}
