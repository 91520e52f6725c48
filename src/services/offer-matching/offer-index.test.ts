import { describe, expect, it } from 'vitest';
import type { OfferMatchProfile } from '../../repositories/offer-matching/offer-match.repository.js';
import type { PartnerProfile } from '../../repositories/match.repository.js';
import { ORGANISATION_KINDS, type OrganisationKind } from '../../shared/domain.js';
import { OFFER_KINDS } from '../../shared/offers.js';
import { organisationProfile, RevisionLog } from '../../test/profiles.js';
import { PartnerIndex } from '../matching/partner-index.js';
import {
  complementaryOfferKinds,
  matchingWeights,
  MIN_CANDIDATE_CONCEPT_WEIGHT,
  MIN_CANDIDATE_PRODUCT_DIGITS,
  scorePair,
  WEIGHTS,
  type MatchContext,
  type MatchProfile,
  type ScoredPair,
} from '../matching/scoring.js';
import { offerProfile } from './offer-matching.service.js';
import { OfferIndex, type OfferCandidateFilter } from './offer-index.js';

const offer = (id: string, values: Partial<OfferMatchProfile> = {}): OfferMatchProfile => ({
  id,
  published: true,
  kind: 'technology_offer',
  organisationId: `owner-of-${id}`,
  ownerKind: 'enterprise',
  regionCode: 'FR-87',
  areaCodes: [],
  naceClasses: [],
  productCodes: [],
  conceptCodes: [],
  partnerKinds: [],
  targetRegionCodes: [],
  expiresOn: '2099-12-31',
  sortName: id,
  ...values,
});

const filter = (values: Partial<OfferCandidateFilter> = {}): OfferCandidateFilter => ({
  excludedOwners: new Set(),
  excludedOffers: new Set(),
  kinds: [],
  regionCodes: [],
  sourceRegions: ['RU-KLU', 'RU'],
  today: '2026-12-01',
  ...values,
});

async function indexOf(offers: OfferMatchProfile[]) {
  const log = new RevisionLog<OfferMatchProfile>();
  for (const o of offers) log.write(o);
  const index = new OfferIndex({ profilesSince: (horizon, page) => log.since(horizon, page) }, 7);
  await index.refresh();
  return { index, log };
}

const request = offer('request', { kind: 'technology_request', regionCode: 'RU-KLU', areaCodes: ['ceramics'], organisationId: 'kaluga' });
const context = (values: Partial<MatchContext> = {}): MatchContext => ({
  conceptWeights: new Map(),
  pairedRegions: new Set(['FR-87']),
  ...values,
});

function rank(index: OfferIndex, source: OfferMatchProfile, values: Partial<OfferCandidateFilter> = {}, ctx = context()) {
  const kinds = complementaryOfferKinds(source.kind);
  return index.best(
    matchingWeights(offerProfile(source), ctx, 'offers'),
    filter({ kinds, excludedOffers: new Set([source.id]), ...values }),
    20,
  );
}

/** A candidate as the index makes it one: it shares an area, a NACE class, a 4-digit product level or a telling concept. */
const telling = (pair: ScoredPair) =>
  pair.areas.length +
    pair.nace.length +
    pair.products.filter((p) => p.code.replace(/\D/g, '').length >= MIN_CANDIDATE_PRODUCT_DIGITS).length +
    pair.concepts.filter((c) => c.weight >= MIN_CANDIDATE_CONCEPT_WEIGHT).length >
  0;

describe('OfferIndex', () => {
  it('ranks the offers of the kinds that meet the source first, and none of its own kind', async () => {
    const { index } = await indexOf([
      request,
      offer('limoges-offer', { areaCodes: ['ceramics'] }),
      offer('other-request', { kind: 'technology_request', areaCodes: ['ceramics'] }),
      offer('unrelated-offer', { areaCodes: ['filters'] }),
    ]);
    const ranked = rank(index, request);
    expect(ranked.map((r) => r.id)).toEqual(['limoges-offer']);
    // the kinds meeting, the shared area and the region pair
    expect(ranked[0]!.score).toBe(WEIGHTS.offerKinds + WEIGHTS.area + WEIGHTS.regionPair);
  });

  it('leaves out offers whose target regions do not hold the source, and those past their expiry or of excluded owners', async () => {
    const { index } = await indexOf([
      offer('for-russia', { areaCodes: ['ceramics'], targetRegionCodes: ['RU'] }),
      offer('for-kaluga', { areaCodes: ['ceramics'], targetRegionCodes: ['RU-KLU'] }),
      offer('for-bavaria', { areaCodes: ['ceramics'], targetRegionCodes: ['DE-BY'] }),
      offer('expired', { areaCodes: ['ceramics'], expiresOn: '2026-11-30' }),
      offer('own', { areaCodes: ['ceramics'], organisationId: 'kaluga' }),
    ]);
    expect(rank(index, request, { excludedOwners: new Set(['kaluga']) }).map((r) => r.id)).toEqual(['for-kaluga', 'for-russia']);
  });

  it('scores a candidate inside the source’s target regions, and the partner sought', async () => {
    const { index } = await indexOf([
      offer('a-elsewhere', { areaCodes: ['ceramics'], regionCode: 'DE-BY' }),
      offer('b-university', { areaCodes: ['ceramics'], regionCode: 'DE-BY', ownerKind: 'university' }),
      offer('c-targeted', { areaCodes: ['ceramics'], regionCode: 'IT-25' }),
    ]);
    const seeking = offer('seeking', { ...request, id: 'seeking', partnerKinds: ['university'] });
    const ranked = rank(index, seeking, {}, context({ pairedRegions: new Set(), targetRegions: new Set(['IT-25']) }));
    expect(ranked.map((r) => r.id)).toEqual(['b-university', 'c-targeted', 'a-elsewhere']);
    expect(ranked[0]!.score - ranked[2]!.score).toBe(WEIGHTS.partnerSought);
  });

  it('scores as scorePair does, for offers and for organisations, over random profiles rewritten many times', async () => {
    let seed = 42;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const some = <T>(xs: readonly T[]) => xs.filter(() => rnd() < 0.3);
    const one = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
    const regions = ['FR-87', 'RU-KLU', 'FR-19', 'DE-BY'];
    const random = (id: string) =>
      offer(id, {
        kind: one(OFFER_KINDS),
        ownerKind: one(ORGANISATION_KINDS),
        organisationId: `o${Math.floor(rnd() * 20)}`,
        regionCode: one(regions),
        areaCodes: some(['a1', 'a2', 'a3']),
        naceClasses: some(['23.44', '28.29', '72.19']),
        conceptCodes: some(['c1', 'c2', 'c3', 'c4']),
        productCodes: some(['hs:848210', 'hs:848220', 'hs:8481', 'cpa:23.43.10', 'cpa:23.44.12']),
        partnerKinds: some(ORGANISATION_KINDS) as OrganisationKind[],
        targetRegionCodes: rnd() < 0.3 ? some(regions) : [],
      });
    let offers = Array.from({ length: 200 }, (_, i) => random(`p${String(i).padStart(3, '0')}`));
    const { index, log } = await indexOf(offers);
    for (let round = 0; round < 5; round++) {
      offers = offers.map((o) => random(o.id));
      for (const o of offers) log.write(o);
      await index.refresh();
    }
    const organisations: MatchProfile[] = Array.from({ length: 10 }, (_, i) =>
      organisationProfile(`org${i}`, {
        kind: one(ORGANISATION_KINDS),
        regionCode: one(regions),
        areaCodes: some(['a1', 'a2', 'a3']),
        naceClasses: some(['23.44', '72.19']),
      }),
    );
    const sources: MatchProfile[] = [...offers.slice(0, 20).map(offerProfile), ...organisations];
    for (const [n, source] of sources.entries()) {
      const targets = rnd() < 0.5 ? new Set(some(regions)) : undefined;
      const ctx: MatchContext = {
        conceptWeights: new Map(source.conceptCodes.map((c) => [c, rnd() * 2])),
        rarity: index.rarities(source),
        pairedRegions: new Set(['FR-87']),
        targetRegions: targets,
      };
      const ranked = index.best(
        matchingWeights(source, ctx, 'offers'),
        filter({ excludedOffers: new Set(n < 20 ? [offers[n]!.id] : []), sourceRegions: [] }),
        500,
      );
      const expected = offers
        .filter((_, i) => i !== n || n >= 20)
        .filter((o) => o.targetRegionCodes.length === 0)
        .map((o) => ({ o, pair: scorePair(source, offerProfile(o), ctx) }))
        .filter(({ pair }) => telling(pair));
      expect(ranked.length).toBe(expected.length);
      for (const r of ranked) expect(r.score).toBeCloseTo(expected.find((e) => e.o.id === r.id)!.pair.score, 6);
    }
  });

  it('ranks organisations for an offer (the partner index) as scorePair does', async () => {
    const log = new RevisionLog<PartnerProfile>();
    const technopark = organisationProfile('technopark', { kind: 'technopark', regionCode: 'FR-87', areaCodes: ['ceramics'] });
    const university = organisationProfile('university', { kind: 'university', regionCode: 'IT-25', areaCodes: ['ceramics'] });
    for (const p of [technopark, university, organisationProfile('company', { areaCodes: ['ceramics'] })]) log.write(p);
    const partners = new PartnerIndex({ profilesSince: (h, p) => log.since(h, p) });
    await partners.refresh();
    const landing = offerProfile(
      offer('landing', { kind: 'soft_landing_request', regionCode: 'RU-KLU', areaCodes: ['ceramics'], partnerKinds: ['university'] }),
    );
    const ctx = context({ targetRegions: new Set(['IT-25']) });
    const ranked = partners.best(
      matchingWeights(landing, ctx, 'organisations'),
      { sourceId: 'x', regionCodes: [], excludedRegionCodes: [], kinds: [], sectors: [], areaCodes: [], dismissed: new Set() },
      10,
    );
    expect(ranked[0]!.id).toBe('technopark');
    for (const r of ranked) {
      const profile = [technopark, university].find((p) => p.id === r.id) ?? organisationProfile('company', { areaCodes: ['ceramics'] });
      expect(r.score).toBeCloseTo(scorePair(landing, profile, ctx).score, 6);
    }
  });
});
