import { describe, expect, it } from 'vitest';
import { complementarity, conceptWeight, matchingWeights, scorePair, WEIGHTS, type MatchProfile } from './scoring.js';

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
      concepts: 2.5,
      complementarity: 1.5,
      regionPair: WEIGHTS.regionPair,
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
    const candidate: MatchProfile = { ...ceramicsKaluga, areaCodes: [], naceClasses: [], conceptCodes: ['kaluga', 'obninsk', 'university'] };
    const placeContext = { ...context, conceptWeights: new Map([['kaluga', 2], ['obninsk', 2], ['university', 2]]) };
    const scored = scorePair(source, candidate, placeContext);
    expect(scored.concepts).toEqual([]);
    expect(scored.contributions.concepts).toBe(0);
    // the ranking does not make such a pair a candidate either
    expect([...matchingWeights(source, placeContext).concepts.keys()]).toEqual([]);
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
