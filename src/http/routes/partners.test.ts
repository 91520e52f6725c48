import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conceptWeight, MIN_CANDIDATE_CONCEPT_WEIGHT, rarity, scorePair } from '../../services/matching/scoring.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import type { PartnerSuggestion, PartnerSuggestions } from '../../shared/schemas/matching.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let member: TestUser;
let outsider: TestUser;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  member = await signedInUser(t, 'tehkeram@example.org', [{ role: 'member', organisationSlug: 'example-tehkeram' }]);
  outsider = await signedInUser(t, 'someone@example.org');
});
afterAll(() => t.close());

const round3 = (n: number) => Math.round(n * 1000) / 1000;

const partners = async (slug: string, query = '', as?: TestUser) => {
  const url = `/api/v1/organisations/${slug}/partners${query}`;
  const res = as ? await as.get(url) : await t.app.inject(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as PartnerSuggestions;
};

describe('suggested partners', () => {
  it('suggests Limousin partners to a Kaluga ceramics company, with reasons a person can check', async () => {
    const result = await partners('example-tehkeram');
    const [first, second] = result.items as [PartnerSuggestion, PartnerSuggestion];
    expect(['FR-19', 'FR-23', 'FR-87']).toContain(first.organisation.regionCode);
    // next, a maker of technical ceramics of the same CPA / ОКПД 2 category, though outside the partner regions
    expect(second.explanation.products.map((p) => p.code)).toEqual(['cpa:23.44.1']);
    expect(first.explanation.regionPair).toMatchObject({ partnership: 'kaluga-limousin' });
    expect(first.explanation.areas.map((a) => a.code)).toContain('non-metallic-materials-industrial-ceramics');
    expect(first.explanation.concepts.map((c) => c.code)).toContain('technical-ceramics');
    const ceramics = first.explanation.concepts.find((c) => c.code === 'technical-ceramics')!;
    expect(ceramics.label).toMatchObject({ ru: 'техническая керамика', fr: 'céramique technique' });
    // the score is the sum of what the explanation lists
    const c = first.explanation.contributions;
    expect(first.score).toBeCloseTo(c.areas + c.nace + c.products + c.concepts + c.complementarity + c.regionPair, 2);
    // both make technical ceramics of the same ОКПД 2 / CPA code, which few others do
    expect(first.explanation.products.map((p) => p.code)).toContain('cpa:23.44.12');
    // best first
    const scores = result.items.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('leaves out the organisation itself and its own region by default, and takes filters', async () => {
    const result = await partners('example-tehkeram');
    expect(result.excludedRegions).toEqual(['RU-KLU']);
    expect(result.items.map((s) => s.organisation.regionCode)).not.toContain('RU-KLU');
    const universities = await partners('example-tehkeram', '?kind=university&region=FR-NAQ');
    expect(universities.items.map((s) => s.organisation.slug)).toEqual(['example-limoges-uni']);
    expect(universities.items[0]!.explanation.complementarity).toEqual({ kinds: ['enterprise', 'university'], weight: 1.5 });
    const home = await partners('example-tehkeram', '?region=RU-KLU');
    expect(home.items.map((s) => s.organisation.slug)).not.toContain('example-tehkeram');
  });

  it('ranks as the documented scoring function does over every organisation', async () => {
    const { repos } = t.services;
    const all = (await repos.organisations.batchAfter(null, 10_000)).filter((o) => o.published);
    const source = all.find((o) => o.slug === 'example-tehkeram')!;
    const df = (code: string) => all.filter((o) => o.conceptCodes.includes(code)).length;
    // NACE classes and product code levels weigh by how many published organisations carry them
    const carriers = (key: string) =>
      all.filter((o) =>
        [...o.naceClasses.map((c) => `nace:${c}`), ...o.productCodes.flatMap(productCodeLevels).map((c) => `product:${c}`)].includes(key),
      ).length;
    const keys = [
      ...source.naceClasses.map((c) => `nace:${c}`),
      ...source.productCodes.flatMap(productCodeLevels).map((c) => `product:${c}`),
    ];
    const context = {
      conceptWeights: new Map(source.conceptCodes.map((c) => [c, conceptWeight(df(c), all.length)])),
      rarity: new Map(keys.map((key) => [key, rarity(carriers(key), all.length)])),
      pairedRegions: new Set(['FR-19', 'FR-23', 'FR-87']),
    };
    // the oracle: score everyone outside the home region that shares something telling, best first
    const expected = all
      .filter((o) => o.regionCode !== 'RU-KLU')
      .map((o) => ({ slug: o.slug, pair: scorePair(source, o, context) }))
      .filter(
        ({ pair }) =>
          pair.areas.length +
            pair.nace.length +
            pair.products.filter((p) => p.code.replace(/\D/g, '').length >= 4).length +
            pair.concepts.filter((c) => c.weight >= MIN_CANDIDATE_CONCEPT_WEIGHT).length >
          0,
      )
      .sort((a, b) => b.pair.score - a.pair.score);
    const result = await partners('example-tehkeram', '?limit=50');
    expect(result.items.length).toBe(Math.min(50, expected.length));
    expect(result.items.map((s) => s.score)).toEqual(expected.slice(0, result.items.length).map((e) => round3(e.pair.score)));
    for (const item of result.items) {
      const oracle = expected.find((e) => e.slug === item.organisation.slug)!;
      expect(item.explanation.concepts.map((c) => c.code)).toEqual(oracle.pair.concepts.map((c) => c.code));
      // the source's areas and concepts are read before its matches: each lists only those it shares
      expect(item.explanation.areas.map((a) => a.code).sort()).toEqual([...oracle.pair.areas].sort());
      for (const concept of item.explanation.concepts) expect(concept.label.en ?? concept.label.fr ?? concept.label.ru).toBeTruthy();
    }
  });

  it('takes in a profile written by a transaction that was still open when it last looked', async () => {
    // a second connection is what makes this possible: the PostgreSQL server only
    if (t.engine !== 'postgres') return;
    const universities = async () =>
      (await partners('example-tehkeram', '?kind=university&limit=50')).items.map((s) => s.organisation.slug);
    expect(await universities()).not.toContain('example-ceratech');
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update organisations set kind = 'university' where slug = 'example-ceratech'`);
      // a later transaction commits first
      await t.database.db.execute(sql`update organisations set website = website where slug = 'example-limoges-uni'`);
      expect(await universities()).not.toContain('example-ceratech');
    });
    expect(await universities()).toContain('example-ceratech');
    await t.database.db.execute(sql`update organisations set kind = 'enterprise' where slug = 'example-ceratech'`);
    expect(await universities()).not.toContain('example-ceratech');
  });

  it.each([
    ['/api/v1/organisations/no-such-org/partners', 404, 'not_found'],
    ['/api/v1/organisations/example-tehkeram/partners?region=RU-XXX', 422, 'unknown_value'],
    ['/api/v1/organisations/example-tehkeram/partners?area=nothing', 422, 'unknown_value'],
    ['/api/v1/organisations/example-tehkeram/partners?kind=castle', 400, 'validation_failed'],
    ['/api/v1/organisations/example-tehkeram/partners?limit=500', 400, 'validation_failed'],
  ])('refuses %s with %i %s', async (url, status, code) => {
    const res = await t.app.inject(url);
    expect(res.statusCode).toBe(status);
    expect(res.json().error.code).toBe(code);
  });

  it('does not match an unpublished organisation: unknown to visitors, not yet public to its people', async () => {
    const founder = await signedInUser(t, 'draft@example.org');
    const created = await founder.send('POST', '/api/v1/organisations', profile());
    const { slug } = created.json();
    expect((await t.app.inject(`/api/v1/organisations/${slug}/partners`)).statusCode).toBe(404);
    const own = await founder.get(`/api/v1/organisations/${slug}/partners`);
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('not_published');
  });
});

describe('"not interested"', () => {
  it('takes a candidate out of the suggestions until the organisation’s people take it back', async () => {
    const before = await partners('example-tehkeram');
    const candidate = before.items[0]!.organisation.slug;
    const dismissed = await member.send('POST', '/api/v1/organisations/example-tehkeram/partners/dismissals', { candidate });
    expect(dismissed.statusCode, dismissed.body).toBe(200);

    const after = await partners('example-tehkeram');
    expect(after.items.map((s) => s.organisation.slug)).not.toContain(candidate);
    expect(after.dismissedCount).toBe(1);
    const list = await member.get('/api/v1/organisations/example-tehkeram/partners/dismissals');
    expect(list.json().items.map((d: { organisation: { slug: string } }) => d.organisation.slug)).toEqual([candidate]);

    const undone = await member.send('DELETE', `/api/v1/organisations/example-tehkeram/partners/dismissals/${candidate}`);
    expect(undone.statusCode).toBe(200);
    expect((await partners('example-tehkeram')).items[0]!.organisation.slug).toBe(candidate);
  });

  it('is for the organisation’s people only', async () => {
    const body = { candidate: 'example-ceratech' };
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/v1/organisations/example-tehkeram/partners/dismissals', payload: body })).statusCode,
    ).toBe(401);
    expect((await outsider.send('POST', '/api/v1/organisations/example-tehkeram/partners/dismissals', body)).statusCode).toBe(403);
    expect((await outsider.get('/api/v1/organisations/example-tehkeram/partners/dismissals')).statusCode).toBe(403);
    const self = await member.send('POST', '/api/v1/organisations/example-tehkeram/partners/dismissals', { candidate: 'example-tehkeram' });
    expect(self.statusCode).toBe(400);
    const unknown = await member.send('POST', '/api/v1/organisations/example-tehkeram/partners/dismissals', { candidate: 'no-such-org' });
    expect(unknown.json().error).toMatchObject({ code: 'not_found', field: 'body.candidate' });
  });
});
