import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import type { FeedEntity } from '../db/schema/index.js';
import { startAt, type FeedPosition } from './change-feed-position.js';

/** A statement's rows, as `T` (its fields as the statement names them). */
async function rowsOf<T>(db: Database, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The entity's floor: at or below it, the cleanup removed the feed's rows. */
export const floorOf = (entity: FeedEntity) => sql`coalesce((select floor from change_feed_floors where entity = ${entity}), 0)`;

/**
 * Where a load of the entity's table starts in the feed, read in one statement before the table's pages:
 * the highest value visible, and, when transactions are running, the values below it not visible (theirs,
 * or rolled back) as holes. Every such transaction took its value before the one holding the highest
 * committed, so its xid is below this snapshot's xmax. Values at or below the floor are all settled (the
 * cleanup cuts only there), so the scan for gaps starts at the floor.
 */
export async function feedStart(db: Database, entity: FeedEntity): Promise<FeedPosition> {
  const [row] = await rowsOf<{ xmin: string; xmax: string; top: string; gaps: string | null }>(
    db,
    sql`
    select pg_snapshot_xmin(snap.s)::text as xmin, pg_snapshot_xmax(snap.s)::text as xmax, p.top::text as top,
           case when exists (select from pg_snapshot_xip(snap.s)) then
             (select string_agg((g.seq + 1)::text || '-' || (g.next - 1)::text, ' ')
                from (select u.seq, lead(u.seq) over (order by u.seq) as next
                        from (select seq from change_feed where entity = ${entity} and seq > p.floor and seq <= p.top
                              union all select p.floor) u) g
               where g.next > g.seq + 1)
           end as gaps
      from (select pg_current_snapshot() as s) snap,
           (select f.floor, greatest(f.floor, coalesce((select max(seq) from change_feed where entity = ${entity}), 0)) as top
              from (select ${floorOf(entity)} as floor) f) p`,
  );
  const gaps = (row!.gaps ? row!.gaps.split(' ') : []).map((gap) => {
    const [from, to] = gap.split('-').map(Number);
    return { from: from!, to: to! };
  });
  return startAt(Number(row!.top), gaps, { xmin: Number(row!.xmin), xmax: Number(row!.xmax) });
}

/** What one run of the cleanup did for an entity. */
export interface FeedCut {
  entity: FeedEntity;
  /** Rows removed, and the floor the feed is cut at now. */
  deleted: number;
  floor: number;
  /** The next cut, made at a later run once every transaction running now has ended. */
  pending: number | null;
}

/** The change feed's upkeep: its rows older than the retention removed, the floor they were cut at kept. */
export class ChangeFeedRepository {
  constructor(private readonly db: Database) {}

  /**
   * One run for an entity, in one transaction: the pending cut is made if every transaction that was
   * running when it was chosen has ended (so no late commit can land at or below the new floor), then the
   * next is chosen: the highest value written before `before`, to be cut once the transactions running now
   * have ended (their xids are below this snapshot's xmax).
   */
  async cut(entity: FeedEntity, before: Date): Promise<FeedCut> {
    return this.db.transaction(async (tx) => {
      const [due] = await rowsOf<{ pending: string }>(
        tx,
        sql`
        select pending from change_feed_floors
         where entity = ${entity} and pending is not null and pending_until <= pg_snapshot_xmin(pg_current_snapshot())::text::bigint
         for update`,
      );
      let deleted = 0;
      const pending = due ? Number(due.pending) : null;
      if (pending !== null) {
        const [gone] = await rowsOf<{ n: number }>(
          tx,
          sql`
          with d as (delete from change_feed where entity = ${entity} and seq <= ${pending} returning 1) select count(*)::int as n from d`,
        );
        deleted = gone!.n;
        await tx.execute(sql`
          update change_feed_floors set floor = greatest(floor, ${pending}), pending = null, pending_until = null, cut_at = now() where entity = ${entity}`);
      }
      await tx.execute(sql`
        update change_feed_floors f
           set pending = c.seq, pending_until = pg_snapshot_xmax(pg_current_snapshot())::text::bigint
          from (select max(seq) as seq from change_feed where entity = ${entity} and written_at < ${before.toISOString()}::timestamptz) c
         where f.entity = ${entity} and c.seq > f.floor and f.pending is null`);
      const [row] = await rowsOf<{ floor: string; pending: string | null }>(
        tx,
        sql`
        select floor::text as floor, pending::text as pending from change_feed_floors where entity = ${entity}`,
      );
      return { entity, deleted, floor: Number(row?.floor ?? 0), pending: row?.pending == null ? null : Number(row.pending) };
    });
  }
}
