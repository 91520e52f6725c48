import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, OrganisationList } from '../shared/schemas/organisations.js';
import type { GlossaryChange } from '../shared/schemas/glossary.js';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { signedInUser, type TestUser } from '../test/users.js';

// The directory keeps what it computed (result pages, analysed queries, organisation pages) while the
// state it computed them from lasts: every write must still show on the next read, including writes that
// do not pass through it (here straight in SQL, as another process would make them).
let t: TestPlatform;
let coordinator: TestUser;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  coordinator = await signedInUser(t, 'coordinator@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
});
afterAll(() => t.close());

const search = async (q: string) => {
  const res = await t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as OrganisationList).items.map((o) => o.slug);
};
const page = async (slug: string) => (await t.app.inject(`/api/v1/organisations/${slug}`)).json() as OrganisationDetail;

describe('what the directory keeps', () => {
  it('shows a write to an organisation on the next page and the next search', async () => {
    expect(await search('нетканые')).toContain('example-netkan');
    expect((await page('example-netkan')).website).not.toBe('https://netkan.example');
    expect(await search('нетканые')).toContain('example-netkan');
    await t.database.db.execute(sql`update organisations set website = 'https://netkan.example' where slug = 'example-netkan'`);
    expect((await page('example-netkan')).website).toBe('https://netkan.example');
    await t.database.db.execute(sql`update organisations set published = false where slug = 'example-netkan'`);
    expect(await search('нетканые')).not.toContain('example-netkan');
    expect((await t.app.inject('/api/v1/organisations/example-netkan')).statusCode).toBe(404);
    await t.database.db.execute(sql`update organisations set published = true where slug = 'example-netkan'`);
    expect(await search('нетканые')).toContain('example-netkan');
  });

  it('reads a query anew after a glossary change that re-tags no organisation', async () => {
    expect(await search('vliesstoff')).toEqual([]);
    const res = await coordinator.send('POST', '/api/v1/glossary/concepts/nonwovens/terms', { language: 'en', term: 'vliesstoff' });
    expect(res.statusCode, res.body).toBe(201);
    expect((res.json() as GlossaryChange).retagged).toBe(0);
    // the word now names the concept, which finds the organisations tagged with it
    expect(await search('vliesstoff')).toContain('example-netkan');
  });
});

describe('heavy queries', () => {
  it('matches a single letter as a whole word, not as the start of every word', async () => {
    expect(await search('нетк')).toContain('example-netkan');
    expect(await search('н')).not.toContain('example-netkan');
  });

  it('reads a word said many times once', async () => {
    const once = await search('нетканые');
    expect(await search(Array(60).fill('нетканые').join(' ').slice(0, 500))).toEqual(once);
  });

  it('answers the longest query of single letters', async () => {
    const letters = 'abcdefghijklmnopqrstuvwxyz'.split('').join(' ');
    expect(
      await search(
        `${letters} ${letters} ${letters} ${letters} ${letters} ${letters} ${letters} ${letters} ${letters} ${letters}`.slice(0, 500),
      ),
    ).toEqual([]);
  });
});
