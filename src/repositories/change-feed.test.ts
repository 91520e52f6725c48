import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartnerIndex } from '../services/matching/partner-index.js';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import type { FeedPosition } from './change-feed-position.js';

// The change feed as the in-memory indexes read it: late commits, rolled-back writes, the cleanup's floor.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: true });
}, 60_000);
afterAll(() => t.close());

const PAGE = { after: null, limit: 1000 };
const read = (since: FeedPosition | null) => t.services.repos.matches.profilesSince(since, PAGE);

type Run = (query: SQL) => Promise<{ rows: { id: string }[] }>;

/** Writes `n` copies of a demo organisation, slugged by `word`, through `run`: their ids. */
async function writeCopies(run: Run, word: string, n = 1): Promise<string[]> {
  const query = sql`
    insert into organisations
    select (jsonb_populate_record(null::organisations, to_jsonb(o) || jsonb_build_object('id', gen_random_uuid(), 'slug', ${word} || '-' || g, 'sort_name', ${word} || g))).*
      from (select * from organisations order by id limit 1) o, generate_series(1, ${n}::int) g
    returning id`;
  return (await run(query)).rows.map((r) => r.id);
}

/** A session of its own: it may hold a transaction open while others write. */
const session =
  (client: pg.Client): Run =>
  (query) => {
    const compiled = new PgDialect().sqlToQuery(query);
    return client.query<{ id: string }>(compiled.sql, compiled.params);
  };
/** The platform's own connections, for writes that commit at once. */
const platformRun: Run = async (query) => (await t.database.db.execute(query)) as unknown as { rows: { id: string }[] };

/** Reads from `position` until the rows `wanted` are found (or 60 s pass): the position reached and the ids read. */
async function readUntil(position: FeedPosition, wanted: string[]): Promise<{ position: FeedPosition; ids: string[] }> {
  const ids: string[] = [];
  for (const started = Date.now(); ;) {
    const page = await read(position);
    position = page.position!;
    ids.push(...page.items.map((i) => i.id));
    if (wanted.every((id) => ids.includes(id)) || Date.now() - started > 60_000) return { position, ids };
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Waits until every transaction on the server with an xid below `until` has ended (the tests of other
 * databases on a shared server may hold one open a while): false when that takes over three minutes.
 */
async function ended(until: number): Promise<boolean> {
  for (const started = Date.now(); Date.now() - started < 180_000; await new Promise((r) => setTimeout(r, 500))) {
    const result = (await t.database.db.execute(sql`select pg_snapshot_xmin(pg_current_snapshot())::text as xmin`)) as unknown as {
      rows: { xmin: string }[];
    };
    if (Number(result.rows[0]!.xmin) >= until) return true;
  }
  return false;
}

describe('the change feed between two sessions (PostgreSQL)', () => {
  it('finds a late commit whose sequence is below one read before, and drops the hole a rolled-back write left', async (ctx) => {
    // PGlite's single connection cannot hold one transaction open while another writes
    if (t.engine === 'pglite') return ctx.skip();
    const start = (await read(null)).position!;
    const a = new pg.Client({ connectionString: t.databaseUrl! });
    await a.connect();
    try {
      // A takes a sequence value and stays open; B writes after it and commits
      await a.query('begin');
      const [late] = await writeCopies(session(a), 'late-a');
      const [early] = await writeCopies(platformRun, 'early-b');
      const first = await read(start);
      expect(first.items.map((i) => i.id)).toEqual([early]);
      expect(first.position!.holes).toHaveLength(1);
      await a.query('commit');
      const found = await readUntil(first.position!, [late!]);
      expect(found.ids).toEqual([late]);

      // a write rolled back leaves a hole under one that committed; it goes once the transaction has ended
      await a.query('begin');
      await writeCopies(session(a), 'rolled-back');
      const [kept] = await writeCopies(platformRun, 'kept');
      const withHole = await read(found.position);
      expect(withHole.items.map((i) => i.id)).toEqual([kept]);
      expect(withHole.position!.holes).toHaveLength(1);
      await a.query('rollback');
      // nothing fills it; it stays while a transaction that could still do so runs somewhere, and goes after
      const meanwhile = await read(withHole.position!);
      expect(meanwhile.items).toEqual([]);
      if (!(await ended(withHole.position!.holes[0]!.until))) return ctx.skip('a transaction elsewhere on the server stayed open');
      const settled = await read(meanwhile.position!);
      expect(settled.items).toEqual([]);
      expect(settled.position!.holes).toEqual([]);
    } finally {
      await a.end();
    }
  }, 240_000);
});

describe('the change feed cleanup', () => {
  it('removes rows older than the retention once the transactions then running have ended, and a follower below its floor loads again', async (ctx) => {
    const { repos, jobs } = t.services;
    const db = t.database.db;
    const count = async (query: SQL) => Number(((await db.execute(query)) as unknown as { rows: { n: string }[] }).rows[0]!.n);
    const before = {
      seq: await count(sql`select coalesce(max(seq), 0)::text as n from change_feed where entity = 'organisation'`),
      holes: [],
    };
    const old = await writeCopies(platformRun, 'old', 3);
    await db.execute(sql`update change_feed set written_at = now() - interval '200 hours' where entity = 'organisation'`);
    const [recent] = await writeCopies(platformRun, 'recent', 1);
    // the first run chooses the cut; a later one makes it once every transaction running then has ended
    const organisationCut = async () => (await jobs.feedCleanup.run()).cuts.find((c) => c.entity === 'organisation')!;
    const chosen = await organisationCut();
    expect(chosen.deleted).toBe(0);
    const until = Number(
      (
        (await db.execute(sql`select pending_until::text as n from change_feed_floors where entity = 'organisation'`)) as unknown as {
          rows: { n: string }[];
        }
      ).rows[0]!.n,
    );
    if (!(await ended(until))) return ctx.skip('a transaction elsewhere on the server stayed open');
    const cut = await organisationCut();
    expect(cut.deleted).toBeGreaterThanOrEqual(old.length);
    expect(await count(sql`select count(*)::text as n from change_feed where entity = 'organisation' and seq <= ${cut.floor}`)).toBe(0);
    expect(await count(sql`select count(*)::text as n from change_feed where entity = 'organisation' and seq > ${cut.floor}`)).toBe(1);

    // from a position the cut has passed, the feed says to load again; a follower does, reading every organisation
    expect((await read(before)).reload).toBe(true);
    const fetched: string[] = [];
    const index = new PartnerIndex({
      profilesSince: async (since, page) => {
        const page_ = await repos.matches.profilesSince(since, page);
        fetched.push(...page_.items.map((i) => i.id));
        return page_;
      },
    });
    index.resume(before);
    await index.refresh();
    expect(fetched.length).toBe(await count(sql`select count(*)::text as n from organisations`));
    expect(fetched).toContain(recent);
    expect(index.position.seq).toBeGreaterThanOrEqual(cut.floor);
  }, 240_000);
});
