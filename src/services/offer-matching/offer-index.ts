import { grown } from '../search/postings.js';
import type { OfferMatchProfile, OfferMatchRepository } from '../../repositories/offer-matching/offer-match.repository.js';
import { OFFER_KINDS, type OfferKind } from '../../shared/offers.js';
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

const KIND_COUNT = OFFER_KINDS.length;
const kindNumber = new Map<OfferKind, number>(OFFER_KINDS.map((k, i) => [k, i]));
const NO_TARGETS = new Int32Array(0);

/**
 * The published offers' matching profiles, in memory, with postings (feature and kind of offer → offers)
 * for areas, NACE classes, product code levels and concepts: ranking an offer's requests (or an
 * organisation's offers) weighs tens of thousands of candidates, a few milliseconds here. Postings are kept
 * per kind of offer, so that an offer's matches walk only the offers of the kinds that meet it. Kept current
 * by revision as the partner index is (RevisionFollower): before each use it reads the offers written since
 * it last looked. Offers get a slot and features a number, for good; a slot's features are one small
 * integer array, summed by a weight vector.
 */
export class OfferIndex extends RevisionFollower<OfferMatchProfile> {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private sortNames: string[] = [];
  private expiries: string[] = [];
  private features: Int32Array[] = [];
  private targets: Int32Array[] = [];
  private posted = new Int32Array(1024);
  private owner = new Int32Array(1024);
  private kind = new Uint8Array(1024);
  private region = new Int32Array(1024);
  private live = new Uint8Array(1024);
  private seen = new Uint32Array(1024);
  private walk = 0;
  private published = 0;
  private readonly featureOf = new Map<string, number>();
  private readonly ownerOf = new Map<string, number>();
  /** By feature × kind of offer: the live slots that carry it. */
  private readonly postings: (Set<number> | undefined)[] = [];
  /** By feature: how many live offers carry it (of any kind), for its rarity. */
  private readonly carried: number[] = [];

  constructor(repository: Pick<OfferMatchRepository, 'profilesSince'>, readPage = READ_PAGE, writeMark: () => number | null = () => null) {
    super((horizon, page) => repository.profilesSince(horizon, page), readPage, writeMark);
  }

  /** How many published offers there are. */
  get size(): number {
    return this.published;
  }

  /** Each concept's weight from how many published offers carry it (scoring.conceptWeight). */
  conceptWeights(codes: string[]): Map<string, number> {
    return new Map(codes.map((code) => [code, conceptWeight(this.df(feature.concept(code)), this.published)]));
  }

  /** The rarity of a profile's NACE classes and product code levels among the published offers. */
  rarities(profile: { naceClasses: string[]; productCodes?: string[] }): Map<string, number> {
    const keys = [
      ...profile.naceClasses.map(feature.nace),
      ...(profile.productCodes ?? []).flatMap(productCodeLevels).map(feature.product),
    ];
    return new Map(keys.map((key) => [key, rarity(this.df(key), this.published)]));
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
    const keys = [
      ...[...weights.areas.keys()].map(feature.area),
      ...[...weights.nace.keys()].map(feature.nace),
      ...weights.candidateProducts.map(feature.product),
      ...[...weights.concepts].filter(([, w]) => w >= weights.minCandidateConceptWeight).map(([code]) => feature.concept(code)),
    ];
    const kinds = filter.kinds.length > 0 ? filter.kinds.map((k) => kindNumber.get(k)!) : OFFER_KINDS.map((_, i) => i);
    const passes = this.candidateTest(filter);
    const walk = this.nextWalk();
    const { seen, features, sortNames, ids } = this;
    const best: RankedOffer[] = [];
    for (const key of keys) {
      const f = this.featureOf.get(key);
      if (f === undefined) continue;
      for (const k of kinds) {
        for (const slot of this.postings[f * KIND_COUNT + k] ?? []) {
          if (seen[slot] === walk) continue;
          seen[slot] = walk;
          if (!passes(slot)) continue;
          let sum = 0;
          const own = features[slot]!;
          for (let i = 0; i < own.length; i++) sum += vector[own[i]!]!;
          // rounded, so that equal scores summed in another order tie (and the slug decides)
          const score = Math.round(sum * 1e6) / 1e6;
          let at = best.length;
          while (at > 0 && before(score, sortNames[slot]!, best[at - 1]!)) at--;
          if (at === limit) continue;
          best.splice(at, 0, { id: ids[slot]!, score, sortName: sortNames[slot]! });
          if (best.length > limit) best.pop();
        }
      }
    }
    return best;
  }

  private candidateTest(filter: OfferCandidateFilter): (slot: number) => boolean {
    const numbers = (keys: string[]) => new Set(keys.flatMap((key) => this.featureOf.get(key) ?? []));
    const regions = filter.regionCodes.length > 0 ? numbers(filter.regionCodes.map(feature.region)) : null;
    const sourceRegions = numbers(filter.sourceRegions.map(feature.region));
    const owners = new Set([...filter.excludedOwners].flatMap((id) => this.ownerOf.get(id) ?? []));
    const offers = new Set([...filter.excludedOffers].flatMap((id) => this.slotOf.get(id) ?? []));
    const { owner, region, expiries, targets } = this;
    return (slot) => {
      if (owners.has(owner[slot]!) || offers.has(slot)) return false;
      if (expiries[slot]! < filter.today) return false;
      if (regions && !regions.has(region[slot]!)) return false;
      const wanted = targets[slot]!;
      if (wanted.length > 0 && !wanted.some((t) => sourceRegions.has(t))) return false;
      return true;
    };
  }

  private df(key: string): number {
    const f = this.featureOf.get(key);
    return (f === undefined ? 0 : this.carried[f]) || 1;
  }

  /** A fresh stamp for "seen in this walk", so that the stamps need no clearing between walks. */
  private nextWalk(): number {
    this.walk = this.walk === 0xffffffff ? 1 : this.walk + 1;
    if (this.walk === 1) this.seen.fill(0);
    return this.walk;
  }

  protected add(profile: OfferMatchProfile): void {
    let slot = this.slotOf.get(profile.id);
    if (slot === undefined) {
      slot = this.ids.length;
      const id = detached(profile.id);
      this.slotOf.set(id, slot);
      this.ids.push(id);
      this.sortNames.push('');
      this.expiries.push('');
      this.features.push(NO_TARGETS);
      this.targets.push(NO_TARGETS);
      this.growSlots(slot + 1);
    }
    const posted = [
      ...new Set(
        [
          ...profile.areaCodes.map(feature.area),
          ...profile.naceClasses.map(feature.nace),
          // a code also posts its broader levels, as the partner index does
          ...profile.productCodes.flatMap(productCodeLevels).map(feature.product),
          ...profile.conceptCodes.map(feature.concept),
        ].map((key) => this.number(key)),
      ),
    ];
    const region = this.number(feature.region(profile.regionCode));
    this.features[slot] = Int32Array.from([
      ...posted,
      ...new Set(profile.partnerKinds.map((k) => this.number(offerFeature.seeks(k)))),
      this.number(feature.kind(profile.ownerKind)),
      this.number(offerFeature.offerKind(profile.kind)),
      region,
    ]);
    // a target is a region feature: the source's region (or one above it) is looked up among them
    this.targets[slot] =
      profile.targetRegionCodes.length > 0
        ? Int32Array.from(profile.targetRegionCodes.map((c) => this.number(feature.region(c))))
        : NO_TARGETS;
    this.posted[slot] = posted.length;
    let owner = this.ownerOf.get(profile.organisationId);
    if (owner === undefined) this.ownerOf.set(detached(profile.organisationId), (owner = this.ownerOf.size));
    this.owner[slot] = owner;
    const kind = kindNumber.get(profile.kind) ?? 0;
    this.kind[slot] = kind;
    this.region[slot] = region;
    this.sortNames[slot] = detached(profile.sortName);
    this.expiries[slot] = profile.expiresOn;
    this.live[slot] = 1;
    this.published++;
    for (const f of posted) {
      (this.postings[f * KIND_COUNT + kind] ??= new Set()).add(slot);
      this.carried[f] = (this.carried[f] ?? 0) + 1;
    }
  }

  protected remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined || !this.live[slot]) return;
    this.live[slot] = 0;
    this.published--;
    const kind = this.kind[slot]!;
    for (const f of this.features[slot]!.subarray(0, this.posted[slot]!)) {
      this.postings[f * KIND_COUNT + kind]?.delete(slot);
      this.carried[f]!--;
    }
    this.features[slot] = NO_TARGETS;
    this.targets[slot] = NO_TARGETS;
  }

  private growSlots(slots: number): void {
    if (slots <= this.live.length) return;
    const size = this.live.length * 2;
    this.live = grown(this.live, size, (n) => new Uint8Array(n));
    this.kind = grown(this.kind, size, (n) => new Uint8Array(n));
    this.posted = grown(this.posted, size, (n) => new Int32Array(n));
    this.owner = grown(this.owner, size, (n) => new Int32Array(n));
    this.region = grown(this.region, size, (n) => new Int32Array(n));
    this.seen = grown(this.seen, size, (n) => new Uint32Array(n));
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
