import { sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { DirectoryService } from './directory.service.js';

// A backup or a long import holds a transaction open on the server: search must not re-read everything
// written since it began at every refresh (it did while the indexes followed the oldest open transaction).
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
}, 60_000);
afterAll(() => t.close());

const BATCHES = 5;
const BATCH = 1000;

/** Writes `n` published copies of an organisation whose search document is `words` plus a number of each. */
const copies = (words: string, n: number): SQL => sql`
  insert into organisations
  select (jsonb_populate_record(null::organisations, to_jsonb(o) || jsonb_build_object(
            'id', gen_random_uuid(), 'slug', ${words} || '-' || g, 'sort_name', ${words} || g,
            'search_vector', setweight(to_tsvector('simple', ${words} || ' n' || g), 'A')::text))).*
    from (select * from organisations where published order by id limit 1) o, generate_series(1, ${n}::int) g`;

describe('search while another session holds a transaction open (PostgreSQL)', () => {
  it('reads only what was written since its last refresh, and finds the open transaction’s write once it commits', async (ctx) => {
    // PGlite's single connection cannot hold one transaction open while another writes
    if (t.engine === 'pglite') return ctx.skip();
    const { repos, classifications } = t.services;
    let fetched = 0;
    const counted = {
      ...repos,
      search: Object.assign(Object.create(Object.getPrototypeOf(repos.search)), repos.search, {
        organisationsSince: async (...args: Parameters<typeof repos.search.organisationsSince>) => {
          const read = await repos.search.organisationsSince(...args);
          fetched += read.items.length;
          return read;
        },
      }),
    };
    const directory = new DirectoryService(counted, classifications);
    await directory.warmUp();
    const found = async (word: string) => (await directory.search({ q: word, page: 1, pageSize: 10 })).meta.total;

    const open = new pg.Client({ connectionString: t.databaseUrl! });
    await open.connect();
    try {
      const held = new PgDialect().sqlToQuery(copies('zanzibarite', 1));
      await open.query('begin');
      await open.query(held.sql, held.params);
      for (let batch = 0; batch < BATCHES; batch++) {
        await t.database.db.execute(copies(`feedbatch${batch}`, BATCH));
        fetched = 0;
        expect(await found(`feedbatch${batch}`)).toBe(BATCH);
        // this batch only: not everything written since the open transaction began
        expect(fetched).toBe(BATCH);
      }
      expect(await found('zanzibarite')).toBe(0);
      await open.query('commit');
      fetched = 0;
      expect(await found('zanzibarite')).toBe(1);
      expect(fetched).toBe(1);
    } finally {
      await open.end();
    }
  }, 240_000);
});
