import { describe, expect, it } from 'vitest';
import type { PartnerProfile } from '../../repositories/match.repository.js';
import { ORGANISATION_KINDS } from '../../shared/domain.js';
import { organisationProfile, RevisionLog } from '../../test/profiles.js';
import { PartnerIndex, type CandidateFilter } from './partner-index.js';
import { candidateFilter } from './partner-ranking.js';
import { matchingWeights, MIN_CANDIDATE_CONCEPT_WEIGHT, MIN_CANDIDATE_PRODUCT_DIGITS, scorePair } from './scoring.js';

const profile = organisationProfile;

const source = profile('source', {
  regionCode: 'RU-KLU',
  areaCodes: ['ceramics'],
  naceClasses: ['23.44'],
  conceptCodes: ['technical-ceramics'],
});
const filter = (values: Partial<CandidateFilter> = {}) => candidateFilter('source', values);

async function indexOf(profiles: PartnerProfile[]) {
  const repository = new RevisionLog<PartnerProfile>();
  for (const p of profiles) repository.write(p);
  // seven profiles a read: the tests' sets take several pages
  const index = new PartnerIndex({ profilesSince: (horizon, page) => repository.since(horizon, page) }, 7);
  await index.refresh();
  return { index, repository };
}

function rank(index: PartnerIndex, values: Partial<CandidateFilter> = {}, limit = 10) {
  const context = { conceptWeights: index.conceptWeights(source.conceptCodes), pairedRegions: new Set(['FR-87']) };
  return index.best(matchingWeights(source, context), filter(values), limit).map((c) => c.id);
}

describe('PartnerIndex', () => {
  it('ranks those that share something, best first, then by name, and leaves out the rest', async () => {
    const { index } = await indexOf([
      source,
      profile('b-area', { areaCodes: ['ceramics'] }),
      profile('a-area', { areaCodes: ['ceramics'] }),
      profile('area-and-nace', { areaCodes: ['ceramics'], naceClasses: ['23.44'] }),
      profile('concept-only', { conceptCodes: ['technical-ceramics'] }),
      profile('nothing-shared', { areaCodes: ['filters'] }),
    ]);
    expect(rank(index)).toEqual(['area-and-nace', 'a-area', 'b-area', 'concept-only']);
    expect(rank(index, {}, 2)).toEqual(['area-and-nace', 'a-area']);
  });

  it('takes the filters and the "not interested" marks', async () => {
    const { index } = await indexOf([
      source,
      profile('limoges', { areaCodes: ['ceramics'] }),
      profile('university', { kind: 'university', sector: 'science', areaCodes: ['ceramics'] }),
      profile('kaluga', { regionCode: 'RU-KLU', areaCodes: ['ceramics'] }),
    ]);
    expect(rank(index, { excludedRegionCodes: ['RU-KLU'] })).toEqual(['university', 'limoges']);
    expect(rank(index, { regionCodes: ['RU-KLU'] })).toEqual(['kaluga']);
    expect(rank(index, { kinds: ['university'] })).toEqual(['university']);
    expect(rank(index, { sectors: ['business'] })).toEqual(['limoges', 'kaluga']);
    expect(rank(index, { dismissed: new Set(['university']) })).toEqual(['limoges', 'kaluga']);
    expect(rank(index, { areaCodes: ['filters'] })).toEqual([]);
  });

  it('follows changes: a new profile, a changed one, an unpublished one', async () => {
    const { index, repository } = await indexOf([source, profile('limoges', { areaCodes: ['ceramics'] })]);
    expect(rank(index)).toEqual(['limoges']);
    repository.write(profile('brive', { areaCodes: ['ceramics'], naceClasses: ['23.44'] }));
    repository.write(profile('limoges', { areaCodes: ['filters'] }));
    await index.refresh();
    expect(rank(index)).toEqual(['brive']);
    repository.write(profile('brive', { published: false, areaCodes: ['ceramics'] }));
    await index.refresh();
    expect(rank(index)).toEqual([]);
    expect(index.size).toBe(2);
  });

  it('weighs a concept by how many published organisations carry it', async () => {
    const common = Array.from({ length: 50 }, (_, i) => profile(`common-${i}`, { conceptCodes: ['manufacturing'] }));
    const { index } = await indexOf([source, profile('rare', { conceptCodes: ['technical-ceramics'] }), ...common]);
    const weights = index.conceptWeights(['technical-ceramics', 'manufacturing']);
    expect(weights.get('technical-ceramics')!).toBeGreaterThan(weights.get('manufacturing')!);
  });
});

describe('PartnerIndex scores', () => {
  it("are scorePair's, pair by pair, after many rewrites", async () => {
    // pseudo-random profiles over a small vocabulary, so that they share codes often
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const some = (codes: string[]) => codes.filter(() => rnd() < 0.4);
    const random = (id: string) =>
      profile(id, {
        kind: ORGANISATION_KINDS[Math.floor(rnd() * ORGANISATION_KINDS.length)]!,
        regionCode: rnd() < 0.5 ? 'FR-87' : 'RU-KLU',
        areaCodes: some(['a1', 'a2', 'a3']),
        naceClasses: some(['23.44', '28.29', '72.19']),
        conceptCodes: some(['c1', 'c2', 'c3', 'c4']),
        productCodes: some(['hs:848210', 'hs:848220', 'hs:8481', 'hs:690911', 'cpa:23.43.10', 'cpa:23.44.12']),
      });
    let profiles = Array.from({ length: 200 }, (_, i) => random(`p${i}`));
    const { index, repository } = await indexOf(profiles);
    // rewritten profiles leave their old features behind until the buffer is compacted: rewrite them
    // all, many times over, so that it is
    for (let round = 0; round < 30; round++) {
      profiles = profiles.map((p) => random(p.id));
      for (const p of profiles) repository.write(p);
      await index.refresh();
    }
    for (const source of profiles.slice(0, 20)) {
      const context = {
        conceptWeights: new Map(source.conceptCodes.map((c) => [c, rnd() * 2])),
        rarity: index.rarities(source),
        pairedRegions: new Set(['FR-87']),
      };
      const ranked = index.best(matchingWeights(source, context), filter({ sourceId: source.id }), 200);
      const expected = profiles.filter((p) => p !== source).map((p) => ({ p, pair: scorePair(source, p, context) }));
      const telling = expected.filter(
        ({ pair }) =>
          pair.areas.length +
            pair.nace.length +
            pair.products.filter((p) => p.code.replace(/\D/g, '').length >= MIN_CANDIDATE_PRODUCT_DIGITS).length +
            pair.concepts.filter((c) => c.weight >= MIN_CANDIDATE_CONCEPT_WEIGHT).length >
          0,
      );
      expect(ranked.length).toBe(telling.length);
      for (const r of ranked) expect(r.score).toBeCloseTo(expected.find((e) => e.p.id === r.id)!.pair.score, 6);
      expect(ranked.map((r) => r.score)).toEqual([...ranked.map((r) => r.score)].sort((a, b) => b - a));
    }
  });
});

describe('PartnerIndex rarities', () => {
  it('are computed from the published profiles: a code half of them carry weighs less than one only the pair has', async () => {
    const common = Array.from({ length: 10 }, (_, i) => profile(`common-${i}`, { naceClasses: ['23.44'], productCodes: ['hs:690911'] }));
    const { index } = await indexOf([
      { ...source, productCodes: ['hs:848210', 'hs:690911'] },
      ...common,
      profile('bearings', { productCodes: ['hs:848210'] }),
      profile('other-bearings', { productCodes: ['hs:848220'] }),
    ]);
    const rarities = index.rarities({ naceClasses: ['23.44'], productCodes: ['hs:848210', 'hs:690911'] });
    expect(rarities.get('product:hs:848210')).toBeGreaterThan(rarities.get('product:hs:690911')!);
    // the heading is carried by three: rarer than the ceramics but not as rare as the exact code
    expect(rarities.get('product:hs:8482')).toBeLessThan(rarities.get('product:hs:848210')!);
    expect(rarities.get('nace:23.44')).toBeLessThan(0.5);
  });

  it('rank the maker of the same rare product above those sharing a common one', async () => {
    const withProducts = { ...source, areaCodes: [], naceClasses: [], conceptCodes: [], productCodes: ['hs:848210', 'hs:690911'] };
    const { index } = await indexOf([
      withProducts,
      ...Array.from({ length: 10 }, (_, i) => profile(`a-common-${i}`, { productCodes: ['hs:690911'] })),
      profile('z-bearings', { productCodes: ['hs:848210'] }),
      profile('y-same-heading', { productCodes: ['hs:848220'] }),
      profile('x-same-chapter-only', { productCodes: ['hs:8413'] }),
    ]);
    const context = { conceptWeights: new Map(), rarity: index.rarities(withProducts), pairedRegions: new Set<string>() };
    const ranked = index.best(matchingWeights(withProducts, context), filter(), 20).map((c) => c.id);
    expect(ranked.slice(0, 2)).toEqual(['z-bearings', 'y-same-heading']);
    // a shared chapter alone does not make a candidate
    expect(ranked).not.toContain('x-same-chapter-only');
  });
});
