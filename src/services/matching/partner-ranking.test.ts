import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PartnerProfile } from '../../repositories/match.repository.js';
import { ORGANISATION_KINDS, SECTORS } from '../../shared/domain.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import { random } from '../synthetic-organisations.js';
import { organisationProfile, RevisionLog } from '../../test/profiles.js';
import { PartnerIndex, type CandidateFilter } from './partner-index.js';
import { candidateFilter, nextList, type CandidateList } from './partner-ranking.js';
import { matchingWeights, MIN_CANDIDATE_CONCEPT_WEIGHT, MIN_CANDIDATE_PRODUCT_DIGITS, scorePair, type MatchProfile } from './scoring.js';

const REGIONS = ['FR-87', 'FR-19', 'RU-KLU', 'RU-MOW', 'IT-25'];
const AREAS = ['a1', 'a2', 'a3', 'a4'];
const NACE = ['23.44', '28.29', '72.19', '62.01'];
const CONCEPTS = ['c1', 'c2', 'c3', 'c4', 'c5'];
const PRODUCTS = ['hs:848210', 'hs:848220', 'hs:8481', 'hs:690911', 'cpa:23.43.10', 'cpa:23.44.12', 'hs:69'];

const digits = (level: string) => level.slice(level.indexOf(':') + 1).replace(/\./g, '').length;

/**
 * Every candidate weighed by scorePair and sorted, as the ranking was before it had a bound: what the
 * bounded ranking must give, place for place (ties by name, then id).
 */
function bruteForce(
  source: MatchProfile & { id: string },
  profiles: PartnerProfile[],
  context: Parameters<typeof scorePair>[2],
  filter: CandidateFilter,
  limit: number,
) {
  const subjects = new Map(matchingWeights(source, context).concepts);
  return profiles
    .filter((p) => p.published && p.id !== filter.sourceId && !filter.dismissed.has(p.id))
    .filter((p) => {
      const levels = new Set(p.productCodes.flatMap(productCodeLevels));
      return (
        source.areaCodes.some((c) => p.areaCodes.includes(c)) ||
        source.naceClasses.some((c) => p.naceClasses.includes(c)) ||
        (source.productCodes ?? []).flatMap(productCodeLevels).some((l) => digits(l) >= MIN_CANDIDATE_PRODUCT_DIGITS && levels.has(l)) ||
        [...subjects].some(([c, w]) => w >= MIN_CANDIDATE_CONCEPT_WEIGHT && p.conceptCodes.includes(c))
      );
    })
    .filter(
      (p) =>
        (filter.regionCodes.length === 0 || filter.regionCodes.includes(p.regionCode)) &&
        !filter.excludedRegionCodes.includes(p.regionCode) &&
        (filter.kinds.length === 0 || filter.kinds.includes(p.kind)) &&
        (filter.sectors.length === 0 || filter.sectors.includes(p.sector)) &&
        (filter.areaCodes.length === 0 || filter.areaCodes.some((c) => p.areaCodes.includes(c))),
    )
    .map((p) => ({ id: p.id, sortName: p.sortName, score: Math.round(scorePair(source, p, context).score * 1e6) / 1e6 }))
    .sort((a, b) => b.score - a.score || (a.sortName < b.sortName ? -1 : a.sortName > b.sortName ? 1 : a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

describe('PartnerIndex ranking with a bound', () => {
  it('gives the brute-force ranking, over random indexes, rewrites, filters, dismissals and weights', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 2 ** 31 - 1 }), async (seed) => {
        const rnd = random(seed);
        const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
        const some = <T>(list: readonly T[], p: number) => list.filter(() => rnd() < p);
        // few names, so that equal scores are often decided by the name, then by the id
        const profileOf = (id: string): PartnerProfile =>
          organisationProfile(id, {
            published: rnd() < 0.9,
            kind: pick(ORGANISATION_KINDS),
            sector: pick(SECTORS),
            regionCode: pick(REGIONS),
            areaCodes: some(AREAS, 0.3),
            naceClasses: some(NACE, 0.3),
            conceptCodes: some(CONCEPTS, 0.3),
            productCodes: some(PRODUCTS, 0.25),
            sortName: pick(['alpha', 'beta', 'gamma']),
          });
        const log = new RevisionLog<PartnerProfile>();
        const latest = new Map<string, PartnerProfile>();
        const write = (p: PartnerProfile) => (log.write(p), latest.set(p.id, p));
        const count = 20 + Math.floor(rnd() * 150);
        for (let i = 0; i < count; i++) write(profileOf(`p${i}`));
        const index = new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) }, 16);
        await index.refresh();
        for (let round = 0; round < 3; round++) {
          for (const id of some([...latest.keys()], 0.3)) write(profileOf(id));
          await index.refresh();
        }
        const profiles = [...latest.values()];
        for (let q = 0; q < 8; q++) {
          const source = profileOf(pick(profiles).id);
          const offer =
            rnd() < 0.3
              ? { kind: 'soft_landing_request' as const, partnerKinds: some(ORGANISATION_KINDS, 0.3), targetRegionCodes: [] }
              : undefined;
          const matched: MatchProfile & { id: string } = { ...source, ...(offer ? { offer } : {}) };
          const context = {
            conceptWeights: new Map(CONCEPTS.map((c) => [c, Math.round(rnd() * 2000) / 1000])),
            rarity: index.rarities(matched),
            pairedRegions: new Set(some(REGIONS, 0.3)),
            ...(offer ? { targetRegions: new Set(some(REGIONS, 0.5)) } : {}),
          };
          const filter: CandidateFilter = {
            sourceId: source.id,
            regionCodes: rnd() < 0.2 ? some(REGIONS, 0.5) : [],
            excludedRegionCodes: rnd() < 0.5 ? [source.regionCode] : [],
            kinds: rnd() < 0.2 ? some(ORGANISATION_KINDS, 0.5) : [],
            sectors: rnd() < 0.2 ? some(SECTORS, 0.5) : [],
            areaCodes: rnd() < 0.15 ? some(AREAS, 0.5) : [],
            dismissed: new Set(some(profiles, 0.1).map((p) => p.id)),
          };
          const limit = 1 + Math.floor(rnd() * 12);
          const ranked = index.best(matchingWeights(matched, context), filter, limit);
          expect(ranked.map(({ id, score }) => ({ id, score }))).toEqual(
            bruteForce(matched, profiles, context, filter, limit).map(({ id, score }) => ({ id, score })),
          );
        }
      }),
      { numRuns: 60 },
    );
  });

  it('walks on while an unseen candidate could still tie the last place and win it by name', async () => {
    const log = new RevisionLog<PartnerProfile>();
    const university = { kind: 'university' as const, sector: 'science' as const, regionCode: 'FR-87' };
    // the rare concept's one carrier is weighed first: 3 for the concept, 1.5 for a university, 2 for the paired region
    log.write(organisationProfile('z-concept', { ...university, conceptCodes: ['c1'] }));
    // an area's carrier can reach the same 6.5 (3 + 1.5 + 2): the bound after the concept's list, not below it
    log.write(organisationProfile('a-area', { ...university, areaCodes: ['ceramics'] }));
    // more universities share the area elsewhere: the concept's list is the denser, walked first
    for (const id of ['m-area', 'n-area'])
      log.write(organisationProfile(id, { ...university, regionCode: 'RU-MOW', areaCodes: ['ceramics'] }));
    const index = new PartnerIndex({ profilesSince: (h, page) => log.since(h, page) });
    await index.refresh();
    const source = organisationProfile('source', { regionCode: 'RU-KLU', areaCodes: ['ceramics'], conceptCodes: ['c1'] });
    const context = { conceptWeights: new Map([['c1', 3]]), pairedRegions: new Set(['FR-87']) };
    expect(index.best(matchingWeights(source, context), candidateFilter('source'), 1)).toEqual([
      { id: 'a-area', score: 6.5, sortName: 'a-area' },
    ]);
  });
});

describe('nextList', () => {
  const list = (length: number, weight: number): CandidateList => ({ entries: new Int32Array(length), length, weight, kind: 0 });
  // an area a tenth of the companies share, a concept fewer carry, a rare product
  const lists = [list(92_000, 3), list(36_000, 0.45), list(40, 2)];

  it('takes the shortest while places are free', () => {
    expect(nextList(lists, Infinity, true)).toBe(2);
  });

  it('takes the shortest list that alone brings the bound below the last place', () => {
    expect(nextList(lists, 0.2, false)).toBe(2);
    expect(nextList(lists.slice(0, 2), 0.2, false)).toBe(1);
    expect(nextList(lists.slice(0, 2), 1, false)).toBe(0);
  });

  it('else the list of most weight per entry', () => {
    expect(nextList(lists, 5, false)).toBe(2);
    expect(nextList(lists.slice(0, 2), 5, false)).toBe(0);
  });
});
