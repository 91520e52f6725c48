import { describe, expect, it } from 'vitest';
import { complementarity, conceptWeight, matchingWeights, rarity, scorePair, WEIGHTS, type MatchProfile } from './scoring.js';

const ceramicsKaluga: MatchProfile = {
  kind: 'enterprise',
  regionCode: 'RU-KLU',
  areaCodes: ['non-metallic-materials-industrial-ceramics'],
  naceClasses: ['23.44'],
  conceptCodes: ['ceramics', 'technical-ceramics', 'manufacturing'],
};
const context = {
  conceptWeights: new Map([
    ['ceramics', 1],
    ['technical-ceramics', 1.5],
    ['manufacturing', 0.1],
  ]),
  pairedRegions: new Set(['FR-87', 'FR-19', 'FR-23']),
};

describe('scorePair', () => {
  it('adds shared areas, NACE classes, weighted concepts, complementarity and the region pair', () => {
    const limogesUniversity: MatchProfile = {
      kind: 'university',
      regionCode: 'FR-87',
      areaCodes: ['non-metallic-materials-industrial-ceramics'],
      naceClasses: ['85.42'],
      conceptCodes: ['ceramics', 'technical-ceramics', 'university'],
    };
    const scored = scorePair(ceramicsKaluga, limogesUniversity, context);
    expect(scored.areas).toEqual(['non-metallic-materials-industrial-ceramics']);
    expect(scored.nace).toEqual([]);
    expect(scored.concepts.map((c) => c.code)).toEqual(['technical-ceramics', 'ceramics']);
    expect(scored.contributions).toEqual({
      areas: WEIGHTS.area,
      nace: 0,
      products: 0,
      concepts: 2.5,
      complementarity: 1.5,
      regionPair: WEIGHTS.regionPair,
      // offers' own signals: two organisations score nothing for them
      partnerSought: 0,
      targetRegion: 0,
    });
    expect(scored.score).toBe(WEIGHTS.area + 2.5 + 1.5 + WEIGHTS.regionPair);
  });

  it('ranks a partner in the paired region above the same partner elsewhere', () => {
    const candidate: MatchProfile = { ...ceramicsKaluga, regionCode: 'FR-87' };
    expect(scorePair(ceramicsKaluga, candidate, context).score).toBeGreaterThan(
      scorePair(ceramicsKaluga, { ...candidate, regionCode: 'DE-BY' }, context).score,
    );
  });

  it('scores nothing for subjects when the pair shares only a place name and an organisation kind', () => {
    const source: MatchProfile = { ...ceramicsKaluga, conceptCodes: ['kaluga', 'obninsk', 'university'] };
    const candidate: MatchProfile = {
      ...ceramicsKaluga,
      areaCodes: [],
      naceClasses: [],
      conceptCodes: ['kaluga', 'obninsk', 'university'],
    };
    const placeContext = {
      ...context,
      conceptWeights: new Map([
        ['kaluga', 2],
        ['obninsk', 2],
        ['university', 2],
      ]),
    };
    const scored = scorePair(source, candidate, placeContext);
    expect(scored.concepts).toEqual([]);
    expect(scored.contributions.concepts).toBe(0);
    // the ranking does not make such a pair a candidate either
    expect([...matchingWeights(source, placeContext).concepts.keys()]).toEqual([]);
  });
});

describe('shared products and rarity', () => {
  const bearingsTrader: MatchProfile = {
    kind: 'enterprise',
    regionCode: 'RU-KLU',
    areaCodes: ['mechanical-engineering'],
    naceClasses: ['46.69'],
    productCodes: ['hs:848210'],
    conceptCodes: [],
  };
  // on a platform of 1,000: the area is carried by 500, the bearings by 2, their heading by 5, the chapter by 200
  const n = 1000;
  const rarityContext = {
    conceptWeights: new Map<string, number>(),
    rarity: new Map([
      ['nace:46.69', rarity(300, n)],
      ['product:hs:848210', rarity(2, n)],
      ['product:hs:8482', rarity(5, n)],
      ['product:hs:84', rarity(200, n)],
    ]),
    pairedRegions: new Set<string>(),
  };
  const candidate = (values: Partial<MatchProfile>): MatchProfile => ({
    ...bearingsTrader,
    regionCode: 'FR-87',
    areaCodes: [],
    naceClasses: [],
    productCodes: [],
    ...values,
  });

  it('ranks a partner sharing a rare product above one sharing only a common area of cooperation', () => {
    const sameProduct = scorePair(bearingsTrader, candidate({ productCodes: ['hs:848210'] }), rarityContext);
    const sameArea = scorePair(bearingsTrader, candidate({ areaCodes: ['mechanical-engineering'] }), rarityContext);
    expect(sameProduct.score).toBeGreaterThan(sameArea.score);
    expect(sameProduct.products).toEqual([{ code: 'hs:848210', weight: expect.any(Number) }]);
  });

  it('counts the exact code above the same heading above the same chapter', () => {
    const exact = scorePair(bearingsTrader, candidate({ productCodes: ['hs:848210'] }), rarityContext).contributions.products;
    const heading = scorePair(bearingsTrader, candidate({ productCodes: ['hs:848220'] }), rarityContext);
    const chapter = scorePair(bearingsTrader, candidate({ productCodes: ['hs:8413'] }), rarityContext).contributions.products;
    expect(heading.products.map((p) => p.code)).toEqual(['hs:8482']);
    expect(exact).toBeGreaterThan(heading.contributions.products);
    expect(heading.contributions.products).toBeGreaterThan(chapter);
    expect(chapter).toBeGreaterThan(0);
    // a 4-digit CPA class shared through a 6-digit one of each
    const ceramics = { ...bearingsTrader, productCodes: ['cpa:23.43.10'] };
    expect(scorePair(ceramics, candidate({ productCodes: ['cpa:23.43.20'] }), rarityContext).products.map((p) => p.code)).toEqual([
      'cpa:23.43',
    ]);
  });

  it('weighs a NACE class half the platform carries less than a rare one', () => {
    const common = { ...rarityContext, rarity: new Map([['nace:46.69', rarity(500, n)]]) };
    const rare = { ...rarityContext, rarity: new Map([['nace:46.69', rarity(1, n)]]) };
    const pair = candidate({ naceClasses: ['46.69'] });
    expect(scorePair(bearingsTrader, pair, common).contributions.nace).toBeLessThan(0.5);
    expect(scorePair(bearingsTrader, pair, rare).contributions.nace).toBe(WEIGHTS.nace);
  });
});

describe('conceptWeight', () => {
  it('weighs a rare concept more than a common one, never above the concept weight', () => {
    expect(conceptWeight(1, 100_000)).toBeGreaterThan(conceptWeight(10_000, 100_000));
    expect(conceptWeight(1, 100_000)).toBeLessThanOrEqual(WEIGHTS.concept);
    expect(conceptWeight(100_000, 100_000)).toBeLessThan(0.2);
  });
});

describe('complementarity', () => {
  it('is symmetric and zero for two companies', () => {
    expect(complementarity('university', 'enterprise')).toBe(complementarity('enterprise', 'university'));
    expect(complementarity('enterprise', 'enterprise')).toBe(0);
  });
});
