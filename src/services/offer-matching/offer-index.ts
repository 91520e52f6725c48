import type { OfferMatchProfile, OfferMatchRepository } from '../../repositories/offer-matching/offer-match.repository.js';
import type { OfferKind } from '../../shared/offers.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import { detached } from '../detached-string.js';
import { conceptWeight, rarity, type MatchingWeights } from '../matching/scoring.js';
import { feature } from '../profile-features.js';
import { RevisionFollower } from '../revision-follower.js';

/** Offers read in one statement when loading. */
const READ_PAGE = 10_000;

/** The keys of an offer's own attributes (its codes use the organisations' keys: profile-features.ts). */
const offerFeature = {
  offerKind: (kind: string) => `offer-kind:${kind}`,
  seeks: (kind: string) => `seeks:${kind}`,
};

export interface OfferCandidateFilter {
  /** Offers of these organisations are none (the source's owner, the organisation offers are suggested to). */
  excludedOwners: Set<string>;
  /** The source offer itself, when there is one. */
  excludedOffers: Set<string>;
  /** Only offers of these kinds (empty: any). */
  kinds: OfferKind[];
  /** Only offers whose owner is in one of these regions (empty: anywhere). */
  regionCodes: string[];
  /**
   * The source's region and the regions above it: an offer that seeks partners in target regions is a
   * candidate only when the source is inside one of them.
   */
  sourceRegions: string[];
  /** Offers expiring before this day (YYYY-MM-DD) are none. */
  today: string;
}

export interface RankedOffer {
  id: string;
  score: number;
  sortName: string;
}

interface Slot {
  id: string;
  organisationId: string;
  sortName: string;
  expiresOn: string;
  /** Every scored feature: codes (posted), partner kinds sought, owner kind, offer kind, region — summed by a weight vector. */
  features: Int32Array;
  /** How many of `features` are posted codes (the candidate-making ones come first). */
  posted: number;
  offerKind: number;
  region: number;
  targets: Int32Array;
}

/**
 * The published offers' matching profiles, in memory, with postings (feature → offers) for areas, NACE
 * classes, product code levels and concepts: ranking an offer's requests (or an organisation's offers)
 * weighs tens of thousands of candidates, a few milliseconds here. Kept current by revision as the partner
 * index is (RevisionFollower): before each use it reads the offers written since it last looked.
 */
export class OfferIndex extends RevisionFollower<OfferMatchProfile> {
  private readonly slots = new Map<string, Slot>();
  private readonly featureOf = new Map<string, number>();
  private readonly postings: (Set<Slot> | undefined)[] = [];

  constructor(repository: Pick<OfferMatchRepository, 'profilesSince'>, readPage = READ_PAGE) {
    super((horizon, page) => repository.profilesSince(horizon, page), readPage);
  }

  /** How many published offers there are. */
  get size(): number {
    return this.slots.size;
  }

  /** Each concept's weight from how many published offers carry it (scoring.conceptWeight). */
  conceptWeights(codes: string[]): Map<string, number> {
    return new Map(codes.map((code) => [code, conceptWeight(this.carriers(feature.concept(code))?.size ?? 1, this.size)]));
  }

  /** The rarity of a profile's NACE classes and product code levels among the published offers. */
  rarities(profile: { naceClasses: string[]; productCodes?: string[] }): Map<string, number> {
    const keys = [
      ...profile.naceClasses.map(feature.nace),
      ...(profile.productCodes ?? []).flatMap(productCodeLevels).map(feature.product),
    ];
    return new Map(keys.map((key) => [key, rarity(this.carriers(key)?.size ?? 1, this.size)]));
  }

  /**
   * The best offers by the weights (scoring.matchingWeights(…, 'offers'), so scorePair's score), best first,
   * then by slug: those that share an area, a NACE class, a product code to 4 digits or more, or a telling
   * concept with the source, and pass the filter.
   */
  best(weights: MatchingWeights, filter: OfferCandidateFilter, limit: number): RankedOffer[] {
    const vector = new Float64Array(this.featureOf.size);
    const weigh = (key: string, w: number) => {
      const f = this.featureOf.get(key);
      if (f !== undefined) vector[f]! += w;
    };
    for (const [code, w] of weights.areas) weigh(feature.area(code), w);
    for (const [code, w] of weights.nace) weigh(feature.nace(code), w);
    for (const [code, w] of weights.products) weigh(feature.product(code), w);
    for (const [code, w] of weights.concepts) weigh(feature.concept(code), w);
    for (const [kind, w] of weights.kinds) weigh(feature.kind(kind), w);
    for (const [kind, w] of weights.offerKinds) weigh(offerFeature.offerKind(kind), w);
    weigh(offerFeature.seeks(weights.seekingSource.kind), weights.seekingSource.weight);
    for (const code of weights.regionPair.codes) weigh(feature.region(code), weights.regionPair.weight);
    for (const code of weights.targetRegions.codes) weigh(feature.region(code), weights.targetRegions.weight);
    const lists = [
      ...[...weights.areas.keys()].map((code) => this.carriers(feature.area(code))),
      ...[...weights.nace.keys()].map((code) => this.carriers(feature.nace(code))),
      ...weights.candidateProducts.map((code) => this.carriers(feature.product(code))),
      ...[...weights.concepts]
        .filter(([, w]) => w >= weights.minCandidateConceptWeight)
        .map(([code]) => this.carriers(feature.concept(code))),
    ];
    const passes = this.candidateTest(filter);
    const seen = new Set<Slot>();
    const best: (RankedOffer & { slot: Slot })[] = [];
    for (const list of lists) {
      for (const slot of list ?? []) {
        if (seen.has(slot)) continue;
        seen.add(slot);
        if (!passes(slot)) continue;
        let sum = 0;
        for (const f of slot.features) sum += vector[f]!;
        // rounded, so that equal scores summed in another order tie (and the slug decides)
        const score = Math.round(sum * 1e6) / 1e6;
        let at = best.length;
        while (at > 0 && before(score, slot.sortName, best[at - 1]!)) at--;
        if (at === limit) continue;
        best.splice(at, 0, { id: slot.id, score, sortName: slot.sortName, slot });
        if (best.length > limit) best.pop();
      }
    }
    return best.map(({ id, score, sortName }) => ({ id, score, sortName }));
  }

  private candidateTest(filter: OfferCandidateFilter): (slot: Slot) => boolean {
    const numbers = (keys: string[]) => new Set(keys.flatMap((key) => this.featureOf.get(key) ?? []));
    const kinds = filter.kinds.length > 0 ? numbers(filter.kinds.map(offerFeature.offerKind)) : null;
    const regions = filter.regionCodes.length > 0 ? numbers(filter.regionCodes.map(feature.region)) : null;
    const sourceRegions = numbers(filter.sourceRegions.map(feature.region));
    return (slot) => {
      if (filter.excludedOwners.has(slot.organisationId) || filter.excludedOffers.has(slot.id)) return false;
      if (slot.expiresOn < filter.today) return false;
      if (kinds && !kinds.has(slot.offerKind)) return false;
      if (regions && !regions.has(slot.region)) return false;
      if (slot.targets.length > 0 && !slot.targets.some((t) => sourceRegions.has(t))) return false;
      return true;
    };
  }

  private carriers(key: string): Set<Slot> | undefined {
    const f = this.featureOf.get(key);
    return f === undefined ? undefined : this.postings[f];
  }

  protected add(profile: OfferMatchProfile): void {
    const posted = [
      ...profile.areaCodes.map(feature.area),
      ...profile.naceClasses.map(feature.nace),
      // a code also posts its broader levels, as the partner index does
      ...[...new Set(profile.productCodes.flatMap(productCodeLevels))].map(feature.product),
      ...profile.conceptCodes.map(feature.concept),
    ].map((key) => this.number(key));
    const offerKind = this.number(offerFeature.offerKind(profile.kind));
    const region = this.number(feature.region(profile.regionCode));
    const slot: Slot = {
      id: detached(profile.id),
      organisationId: detached(profile.organisationId),
      sortName: detached(profile.sortName),
      expiresOn: profile.expiresOn,
      features: Int32Array.from([
        ...posted,
        ...profile.partnerKinds.map((k) => this.number(offerFeature.seeks(k))),
        this.number(feature.kind(profile.ownerKind)),
        offerKind,
        region,
      ]),
      posted: posted.length,
      offerKind,
      region,
      // a target is a region feature: the source's region (or one above it) is looked up among them
      targets: Int32Array.from(profile.targetRegionCodes.map((code) => this.number(feature.region(code)))),
    };
    this.slots.set(slot.id, slot);
    for (const f of posted) (this.postings[f] ??= new Set()).add(slot);
  }

  protected remove(id: string): void {
    const slot = this.slots.get(id);
    if (!slot) return;
    this.slots.delete(id);
    for (const f of slot.features.subarray(0, slot.posted)) this.postings[f]?.delete(slot);
  }

  private number(key: string): number {
    let f = this.featureOf.get(key);
    if (f === undefined) this.featureOf.set(key, (f = this.featureOf.size));
    return f;
  }
}

/** Higher score first, then by slug, then by id. */
function before(score: number, sortName: string, b: RankedOffer): boolean {
  if (score !== b.score) return score > b.score;
  return sortName < b.sortName;
}
