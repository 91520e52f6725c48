// What the platform's start leaves in the database: the shipped reference data applied once per version of its
// files, and the indexes as the migrations set them.
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossaryTerms, regions } from '../db/schema/index.js';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { syncShippedGlossary } from './glossary/sync-shipped-glossary.js';
import { syncReferenceData } from './reference-data.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

const regionName = async (code: string) => (await t.database.db.select().from(regions).where(eq(regions.code, code)))[0]?.name;

describe('the shipped reference data at a start', () => {
  it('is compared row by row only when its files changed since the database last applied them', async () => {
    const repos = t.services.repos;
    const shipped = await regionName('FR-87');
    expect(shipped?.fr).toBe('Haute-Vienne');
    // the platform's own start applied the files: a second start only reads the stamp
    expect(await syncReferenceData(repos)).toBe(false);

    await t.database.db
      .update(regions)
      .set({ name: { original: 'fr', fr: 'Vienne d’en haut' } })
      .where(eq(regions.code, 'FR-87'));
    expect(await syncReferenceData(repos)).toBe(false);
    expect((await regionName('FR-87'))?.fr).toBe('Vienne d’en haut');

    // another version's files (or sync): the regions follow the file again, and the new stamp is kept
    await repos.shippedData.setStamp('reference-data', 'an earlier version');
    expect(await syncReferenceData(repos)).toBe(true);
    expect(await regionName('FR-87')).toEqual(shipped);
    expect(await syncReferenceData(repos)).toBe(false);
  });

  it('adds the glossary’s missing shipped terms when the glossary file changed, not at every start', async () => {
    const repos = t.services.repos;
    const [term] = await t.database.db.select().from(glossaryTerms).where(eq(glossaryTerms.source, 'shipped')).limit(1);
    expect(term).toBeDefined();
    const sameTerm = and(
      eq(glossaryTerms.conceptCode, term!.conceptCode),
      eq(glossaryTerms.language, term!.language),
      eq(glossaryTerms.term, term!.term),
    );
    await t.database.db.delete(glossaryTerms).where(sameTerm);

    expect(await syncShippedGlossary(repos)).toEqual({ concepts: 0, terms: 0, retagged: 0 });
    expect(await t.database.db.select().from(glossaryTerms).where(sameTerm)).toHaveLength(0);

    await repos.shippedData.setStamp('glossary', 'an earlier version');
    expect((await syncShippedGlossary(repos)).terms).toBe(1);
    expect(await t.database.db.select().from(glossaryTerms).where(sameTerm)).toHaveLength(1);
  });
});

describe('the names’ trigram index', () => {
  it('takes writes straight into its tree, so that a fuzzy name search never scans a pending list', async () => {
    const result = (await t.database.db.execute(
      sql`select reloptions from pg_class where relname = 'organisations_name_keys_idx'`,
    )) as unknown as { rows: { reloptions: string[] | null }[] };
    expect(result.rows[0]?.reloptions).toContain('fastupdate=false');
  });
});
