import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importOrganisations } from '../services/import-organisations.js';
import { syntheticOrganisations } from '../services/synthetic-organisations.js';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  const rows = [...syntheticOrganisations(300, 11)].map((value, i) => ({ line: i + 1, value }));
  await importOrganisations(t.services.repos, t.services.classifications, rows);
});
afterAll(() => t.close());

/**
 * Each organisation's tags beside what the definition gives: every live term tested against its own texts
 * (weights A–C), with none of the tagging function's shortcuts (the key-lexeme lookup).
 */
async function tagsBesideDefinition() {
  const result = (await t.database.db.execute(sql`
    select o.slug, o.concept_codes as tagged,
      coalesce((select array_agg(distinct g.concept_code order by g.concept_code) from glossary_terms g
                 where not g.removed and ts_filter(o.search_vector, '{a,b,c}') @@ g.query), '{}') as defined
      from organisations o`)) as unknown as { rows: { slug: string; tagged: string[]; defined: string[] }[] };
  return result.rows;
}

const differing = (rows: Awaited<ReturnType<typeof tagsBesideDefinition>>) =>
  rows.filter((r) => r.tagged.join(' ') !== r.defined.join(' ')).map((r) => ({ slug: r.slug, tagged: r.tagged, defined: r.defined }));

describe('concept tagging', () => {
  it('gives every organisation the concepts whose live terms occur in its own texts', async () => {
    const rows = await tagsBesideDefinition();
    expect(rows.length).toBeGreaterThan(300);
    expect(rows.filter((r) => r.tagged.length > 0).length).toBeGreaterThan(200);
    expect(differing(rows)).toEqual([]);
  });

  it('still does after terms are removed and the concept re-tagged', async () => {
    const { glossary } = t.services.repos;
    const russian = (await glossary.terms(['ceramics'])).filter((x) => x.language === 'ru');
    const before = (await tagsBesideDefinition()).filter((r) => r.tagged.includes('ceramics')).length;
    for (const term of russian) await glossary.removeTerm(term.id);
    expect(await glossary.retag({ termIds: [], conceptCodes: ['ceramics'] })).toBeGreaterThan(0);
    const rows = await tagsBesideDefinition();
    // records written in Russian only lose the concept; those with French or English texts keep it
    const after = rows.filter((r) => r.tagged.includes('ceramics')).length;
    expect(after).toBeLessThan(before);
    expect(after).toBeGreaterThan(0);
    expect(differing(rows)).toEqual([]);
  });
});
