import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

describe('the names’ trigram index', () => {
  it('takes writes straight into its tree, so that a fuzzy name search never scans a pending list', async () => {
    const result = (await t.database.db.execute(
      sql`select reloptions from pg_class where relname = 'organisations_name_keys_idx'`,
    )) as unknown as { rows: { reloptions: string[] | null }[] };
    expect(result.rows[0]?.reloptions).toContain('fastupdate=false');
  });
});
