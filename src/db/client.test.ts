import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, writeCount, type DatabaseHandle } from './client.js';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({ databaseUrl: null, dataDir: null });
  await handle.db.execute(sql`create table t (n int)`);
});
afterAll(() => handle.close());

describe('writeCount (PGlite, the only writer)', () => {
  it('moves with each committed write, not with reads', async () => {
    const before = writeCount(handle.db)!;
    await handle.db.execute(sql`select count(*) from t`);
    await handle.db.execute(sql`(select 1)`);
    await handle.db.execute(sql`with recursive x(n) as (select 1 union select n + 1 from x where n < 3) select * from x`);
    expect(writeCount(handle.db)).toBe(before);
    await handle.db.execute(sql`insert into t values (1)`);
    expect(writeCount(handle.db)).toBe(before + 1);
    await handle.db.execute(sql`with x as (update t set n = 2 returning n) select * from x`);
    expect(writeCount(handle.db)).toBe(before + 2);
    await handle.db.execute(sql`with x as (select 4 as n) insert into t select n from x`);
    expect(writeCount(handle.db)).toBe(before + 3);
  });

  it('counts a transaction once it has committed, not while it runs', async () => {
    const before = writeCount(handle.db)!;
    await handle.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (3)`);
      expect(writeCount(handle.db)).toBe(before);
    });
    expect(writeCount(handle.db)).toBe(before + 1);
  });
});
