import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';

// The fuzzy name pass of search: names that sound close to a query word, bounded so that a sound many
// names share says nothing rather than reading them all.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: true });
}, 60_000);
afterAll(() => t.close());

describe('SearchRepository.namesSoundingLike', () => {
  it('finds the names whose sound key comes close, a letter changed, and says so when it keeps only the first', async () => {
    const result = (await t.database.db.execute(
      sql`select id::text, name_keys from organisations where published and length(name_keys) >= 6 order by id limit 1`,
    )) as unknown as { rows: { id: string; name_keys: string }[] };
    const { id, name_keys: keys } = result.rows[0]!;
    const word = keys.split(' ').sort((a, b) => b.length - a.length)[0]!;
    const typo = word.slice(0, -1) + (word.endsWith('a') ? 'o' : 'a');
    const { search } = t.services.repos;
    const close = await search.namesSoundingLike(typo);
    expect(close.ids.has(id)).toBe(true);
    expect(close.cut).toBe(false);
    // as many names as the bound: all of them; one more than it: the first ones, said to be cut
    expect(await search.namesSoundingLike(typo, close.ids.size)).toEqual(close);
    const cut = await search.namesSoundingLike(typo, close.ids.size - 1);
    expect(cut.cut).toBe(true);
    expect(cut.ids.size).toBe(close.ids.size - 1);
    expect([...cut.ids].every((i) => close.ids.has(i))).toBe(true);
    expect(await search.namesSoundingLike('zzqxw')).toEqual({ ids: new Set(), cut: false });
  });
});
