import { grown } from '../search/postings.js';
import type { OrganisationKind, Sector } from '../../shared/domain.js';
import type { MatchRepository, PartnerProfile } from '../../repositories/match.repository.js';
import { detached } from '../detached-string.js';
import { conceptWeight, rarity, type MatchingWeights } from './scoring.js';
import { feature } from '../profile-features.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import { RevisionFollower } from '../revision-follower.js';

/** Profiles read in one statement when loading: 10,000 is about 150 ms of reading and indexing on PGlite. */
const READ_PAGE = 10_000;

export interface CandidateFilter {
  sourceId: string;
  /** Candidates must be in one of these regions (when given)… */
  regionCodes: string[];
  /** …and outside these (the source's own region and its neighbours, by default). */
  excludedRegionCodes: string[];
  kinds: OrganisationKind[];
  sectors: Sector[];
  areaCodes: string[];
  /** Marked "not interested" by the source. */
  dismissed: Set<string>;
}

export interface RankedCandidate {
  id: string;
  score: number;
  sortName: string;
}

/**
 * The published organisations' matching profiles, in memory, with postings (feature → organisations) for
 * areas, NACE classes, product code levels and concepts. A suggestion weighs tens of thousands of candidates; in memory that
 * takes a few milliseconds, where reading their rows takes the database a hundred. Before each use it reads
 * the profiles written since it last looked (an index lookup), so it never serves a stale profile.
 *
 * Organisations get a slot and features a number, for good. A slot's features lie side by side in one
 * integer buffer, so that weighing a candidate is summing a weight vector over a few adjacent integers:
 * walking 20,000 candidates this way costs about a millisecond, where objects scattered over the heap
 * cost ten.
 */
export class PartnerIndex extends RevisionFollower<PartnerProfile> {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private sortNames: string[] = [];
  private live = new Uint8Array(1024);
  /** Where each slot's features start in the buffer, and how many: scored ones first, then kind, region, sector. */
  private start = new Int32Array(1024);
  private count = new Int32Array(1024);
  private buffer = new Int32Array(16_384);
  private used = 0;
  private readonly featureOf = new Map<string, number>();
  private readonly postings: (Set<number> | undefined)[] = [];
  private published = 0;
  private seen = new Uint32Array(1024);
  private walk = 0;

  constructor(repository: Pick<MatchRepository, 'profilesSince'>, readPage = READ_PAGE) {
    super((horizon, page) => repository.profilesSince(horizon, page), readPage);
  }

  /** How many published organisations there are. */
  get size(): number {
    return this.published;
  }

  /** Each concept's weight from how many published organisations carry it (scoring.conceptWeight). */
  conceptWeights(codes: string[]): Map<string, number> {
    return new Map(codes.map((code) => [code, conceptWeight(this.carriers(feature.concept(code))?.size ?? 1, this.published)]));
  }

  /**
   * The rarity (scoring.rarity) of an organisation's NACE classes and product code levels among the published
   * ones, by feature key: what scoring weighs them by.
   */
  rarities(profile: { naceClasses: string[]; productCodes?: string[] }): Map<string, number> {
    const keys = [
      ...profile.naceClasses.map(feature.nace),
      ...(profile.productCodes ?? []).flatMap(productCodeLevels).map(feature.product),
    ];
    return new Map(keys.map((key) => [key, rarity(this.carriers(key)?.size ?? 1, this.published)]));
  }

  /**
   * The best candidates by the weights (scoring.matchingWeights, so scorePair's score), best first, then by
   * name: those that share an area, a NACE class, a product code to 4 digits or more, or a concept weighing at least minCandidateConceptWeight
   * with the source, and pass the filter.
   */
  best(weights: MatchingWeights, filter: CandidateFilter, limit: number): RankedCandidate[] {
    const vector = new Float64Array(this.featureOf.size);
    // added, not set: a region may be both on the other side of a partnership and among an offer's targets
    const weigh = (key: string, w: number) => {
      const f = this.featureOf.get(key);
      if (f !== undefined) vector[f]! += w;
    };
    for (const [code, w] of weights.areas) weigh(feature.area(code), w);
    for (const [code, w] of weights.nace) weigh(feature.nace(code), w);
    for (const [code, w] of weights.products) weigh(feature.product(code), w);
    for (const [code, w] of weights.concepts) weigh(feature.concept(code), w);
    for (const [kind, w] of weights.kinds) weigh(feature.kind(kind), w);
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

    const walk = this.nextWalk();
    const { seen, buffer, start, count, sortNames } = this;
    // the source and those it set aside count as seen: never candidates
    for (const id of [filter.sourceId, ...filter.dismissed]) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) seen[slot] = walk;
    }
    const best: RankedCandidate[] = [];
    for (const list of lists) {
      for (const slot of list ?? []) {
        if (seen[slot] === walk) continue;
        seen[slot] = walk;
        if (!passes(slot)) continue;
        let sum = 0;
        for (let i = start[slot]!, end = i + count[slot]!; i < end; i++) sum += vector[buffer[i]!]!;
        // rounded, so that equal scores summed in another order tie (and the name decides)
        const score = Math.round(sum * 1e6) / 1e6;
        // insertion into a short sorted list: most candidates fall below the last place and stop there
        let at = best.length;
        while (at > 0 && before(score, sortNames[slot]!, this.ids[slot]!, best[at - 1]!)) at--;
        if (at === limit) continue;
        best.splice(at, 0, { id: this.ids[slot]!, score, sortName: sortNames[slot]! });
        if (best.length > limit) best.pop();
      }
    }
    return best;
  }

  /** The filter as flags over feature numbers and slots, tested on a slot's kind, region and sector. */
  private candidateTest(filter: CandidateFilter): (slot: number) => boolean {
    const flags = (keys: string[]) => {
      const set = new Uint8Array(this.featureOf.size);
      for (const key of keys) {
        const f = this.featureOf.get(key);
        if (f !== undefined) set[f] = 1;
      }
      return set;
    };
    const regions = filter.regionCodes.length > 0 ? flags(filter.regionCodes.map(feature.region)) : null;
    const excluded = flags(filter.excludedRegionCodes.map(feature.region));
    const kinds = filter.kinds.length > 0 ? flags(filter.kinds.map(feature.kind)) : null;
    const sectors = filter.sectors.length > 0 ? flags(filter.sectors.map(feature.sector)) : null;
    const areas = filter.areaCodes.length > 0 ? flags(filter.areaCodes.map(feature.area)) : null;
    const { buffer, start, count } = this;
    return (slot) => {
      // the last three features of a slot are its kind, region and sector
      const end = start[slot]! + count[slot]!;
      const region = buffer[end - 2]!;
      if (excluded[region] || (regions && !regions[region])) return false;
      if ((kinds && !kinds[buffer[end - 3]!]) || (sectors && !sectors[buffer[end - 1]!])) return false;
      if (areas) {
        let shares = false;
        for (let i = start[slot]!; i < end - 3 && !shares; i++) shares = areas[buffer[i]!] === 1;
        if (!shares) return false;
      }
      return true;
    };
  }

  private carriers(key: string): Set<number> | undefined {
    const f = this.featureOf.get(key);
    return f === undefined ? undefined : this.postings[f];
  }

  /** A fresh stamp for "seen in this walk", so that the stamps need no clearing between walks. */
  private nextWalk(): number {
    this.walk = this.walk === 0xffffffff ? 1 : this.walk + 1;
    if (this.walk === 1) this.seen.fill(0);
    return this.walk;
  }

  protected add(profile: PartnerProfile): void {
    let slot = this.slotOf.get(profile.id);
    if (slot === undefined) {
      slot = this.ids.length;
      const id = detached(profile.id);
      this.slotOf.set(id, slot);
      this.ids.push(id);
      this.sortNames.push('');
      this.growSlots(slot + 1);
    }
    const posted = [
      ...profile.areaCodes.map(feature.area),
      ...profile.naceClasses.map(feature.nace),
      // a code also posts its broader levels: a 6-digit HS code is under its heading and chapter
      ...[...new Set(profile.productCodes.flatMap(productCodeLevels))].map(feature.product),
      ...profile.conceptCodes.map(feature.concept),
    ].map((key) => this.number(key));
    const features = [
      ...posted,
      ...[feature.kind(profile.kind), feature.region(profile.regionCode), feature.sector(profile.sector)].map((key) => this.number(key)),
    ];
    if (this.used + features.length > this.buffer.length) this.compact(features.length);
    this.buffer.set(features, this.used);
    this.start[slot] = this.used;
    this.count[slot] = features.length;
    this.used += features.length;
    this.sortNames[slot] = detached(profile.sortName);
    this.live[slot] = 1;
    this.published++;
    for (const f of posted) (this.postings[f] ??= new Set()).add(slot);
  }

  protected remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined || !this.live[slot]) return;
    this.live[slot] = 0;
    this.published--;
    for (let i = this.start[slot]!, end = i + this.count[slot]! - 3; i < end; i++) this.postings[this.buffer[i]!]?.delete(slot);
  }

  /** Room for more features: live slots' features moved to the front of a buffer twice their size. */
  private compact(more: number): void {
    let live = more;
    for (let slot = 0; slot < this.ids.length; slot++) if (this.live[slot]) live += this.count[slot]!;
    const buffer = new Int32Array(Math.max(16_384, live * 2));
    let used = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!this.live[slot]) continue;
      buffer.set(this.buffer.subarray(this.start[slot]!, this.start[slot]! + this.count[slot]!), used);
      this.start[slot] = used;
      used += this.count[slot]!;
    }
    this.buffer = buffer;
    this.used = used;
  }

  private growSlots(slots: number): void {
    if (slots <= this.live.length) return;
    const size = this.live.length * 2;
    this.live = grown(this.live, size, (n) => new Uint8Array(n));
    this.start = grown(this.start, size, (n) => new Int32Array(n));
    this.count = grown(this.count, size, (n) => new Int32Array(n));
    this.seen = grown(this.seen, size, (n) => new Uint32Array(n));
  }

  private number(key: string): number {
    let f = this.featureOf.get(key);
    if (f === undefined) this.featureOf.set(key, (f = this.featureOf.size));
    return f;
  }
}

/** Higher score first, then by name, then by id: the order suggestions are shown in. */
function before(score: number, sortName: string, id: string, b: RankedCandidate): boolean {
  if (score !== b.score) return score > b.score;
  if (sortName !== b.sortName) return sortName < b.sortName;
  return id < b.id;
}
