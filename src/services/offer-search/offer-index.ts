import type { IndexedOffer, OfferSearchRepository } from '../../repositories/offers/offer-search.repository.js';
import { requiredWords } from '../../repositories/search-query.js';
import { detached } from '../detached-string.js';
import { feature } from '../profile-features.js';
import { RevisionFollower } from '../revision-follower.js';
import type { HitWay, IndexWord } from '../search/directory-index.js';
import { rankMatches } from '../search/directory-rank.js';
import { Lexicon } from '../search/lexicon.js';
import { idOrder, byKey, topOrder } from '../search/ordering.js';
import { facetCounts, grown, inEveryGroup, postFeatures, Postings, renumberFeatures } from '../search/postings.js';
import { readSearchVector } from '../search/text-rank.js';
import { hitWays, matchWords, type MatchSource } from '../search/word-matches.js';

/** What a marketplace search narrows to: any of each list's values, all lists. */
export interface OfferFilter {
  kinds: string[];
  areaCodes: string[];
  /** The owner's region, with its subdivisions. */
  regionCodes: string[];
  /** Regions partners are sought in (with the regions above and below them); offers seeking anywhere match too. */
  targetRegionCodes: string[];
  naceClasses: string[];
  partnershipKinds: string[];
  /** Only offers published after this moment (ms since the epoch): a digest's new offers. */
  publishedAfter: number | null;
  /** Only offers published at or before this moment: a digest's period's end. */
  publishedUntil?: number | null;
  /** Today, YYYY-MM-DD: offers whose last day is before it are not found. */
  today: string;
}

export type OfferFacets = Record<'kind', Record<string, number>>;

export interface OfferHit {
  id: string;
  rank: number;
  ways: (HitWay | null)[];
  /** The query's concepts (narrower ones included) that the offer's texts name. */
  concepts: string[];
}

const READ_PAGE = 2000;
const dayOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

const kindKey = (kind: string) => `kind:${kind}`;
const partnershipKey = (kind: string) => `partnership:${kind}`;
const targetKey = (region: string) => `target:${region}`;
/** An offer that seeks partners anywhere. */
const ANYWHERE = 'target:*';

/**
 * The published offers in memory, as the registry's RecordIndex keeps records (and the directory index
 * organisations): postings of lexemes with their part of the text rank, and of kinds, areas, regions,
 * NACE classes, partnerships sought, target regions and concepts; each offer's expiry day and publication
 * time. Matched and ranked by the directory's rules (word-matches.ts, directory-rank.ts), so a query finds
 * offers across ru/fr/en as it finds organisations. Kept current by revision.
 */
export class OfferIndex extends RevisionFollower<IndexedOffer> {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private titleKeys: string[] = [];
  /** Ties of rank go by title (read through `this`: compaction replaces the keys). */
  private readonly titleOrder = byKey((slot) => this.titleKeys[slot]!);
  private live = new Uint8Array(1024);
  private lastDay = new Int32Array(1024);
  private publishedAt = new Float64Array(1024);
  private readonly lexemes = new Lexicon();
  private readonly features = new Map<string, Postings>();
  private dead = 0;

  constructor(repository: Pick<OfferSearchRepository, 'offersSince'>, writeMark: () => number | null = () => null, readPage = READ_PAGE) {
    super((horizon, page) => repository.offersSince(horizon, page), readPage, writeMark);
  }

  /** How many published offers it holds (expired ones not yet moved by the expiry job included). */
  get size(): number {
    return this.slotOf.size;
  }

  /**
   * The offers that match enough of the words and pass the filter: best first (then by title, then id)
   * with words, newest published first without; one page, how many there are, per kind how many there
   * would be, and whether the minimum of words was given up because no offer met it.
   */
  search(
    words: IndexWord[],
    filter: OfferFilter,
    page: { offset: number; limit: number },
    options: { facets?: boolean } = {},
  ): { hits: OfferHit[]; total: number; relaxed: boolean; facets: OfferFacets } {
    const required = requiredWords(words);
    const source = this.source();
    const { passes, candidates } = this.filtering(filter);
    const count = page.offset + page.limit;
    const facets = options.facets ?? true;
    if (required.length === 0) {
      // without words, the filter's own postings are the candidates when it has lists (a saved area's digest)
      const slots = (candidates ?? this.liveSlots()).filter(passes);
      const newest = Float64Array.from(slots, (slot) => this.publishedAt[slot]!);
      const top = topOrder(slots, newest, this.titleOrder, idOrder(this.ids), count);
      return {
        total: slots.length,
        hits: top.slice(page.offset).map((i) => ({ id: this.ids[slots[i]!]!, rank: 0, ways: [], concepts: [] })),
        relaxed: false,
        facets: { kind: facets ? this.count(this.liveSlots(), this.passing({ ...filter, kinds: [] }), 'kind:') : {} },
      };
    }
    const matches = matchWords(source, words);
    const slots = matches.slots.filter(passes);
    const rank = rankMatches(required, { ...matches, slots });
    const concepts = [...new Set(required.flatMap((w) => [...w.concepts, ...w.narrower]))];
    const top = topOrder(slots, rank, this.titleOrder, idOrder(this.ids), count);
    return {
      total: slots.length,
      hits: top.slice(page.offset).map((i) => ({
        id: this.ids[slots[i]!]!,
        rank: rank[i]!,
        ways: hitWays(matches, required, slots[i]!, (item) => this.lexemes.postings(item)),
        concepts: concepts.filter((code) => this.features.get(feature.concept(code))?.has(slots[i]!)),
      })),
      relaxed: matches.relaxed,
      facets: { kind: facets ? this.count(matches.slots, this.passing({ ...filter, kinds: [] }), 'kind:') : {} },
    };
  }

  private liveSlots(): number[] {
    const slots: number[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) if (this.live[slot]) slots.push(slot);
    return slots;
  }

  private source(): MatchSource {
    return {
      size: this.ids.length,
      live: this.live,
      records: this.slotOf.size,
      lexemes: (item) => this.lexemes.postings(item),
      features: (keys) => keys.flatMap((key) => this.features.get(key) ?? []),
      // offers have no names that sound like a word (and an owner's name is not theirs to be found by)
      slotsOf: () => new Postings(),
    };
  }

  private passing(filter: OfferFilter): (slot: number) => boolean {
    return this.filtering(filter).passes;
  }

  /**
   * Whether a slot passes the filter's lists (postings), its expiry and its publication time; and, when
   * the filter has lists, the live slots in all of them (what a search without words need only look at).
   */
  private filtering(filter: OfferFilter): { passes: (slot: number) => boolean; candidates: number[] | null } {
    const groups = [
      filter.kinds.map(kindKey),
      filter.areaCodes.map(feature.area),
      filter.regionCodes.map(feature.region),
      filter.naceClasses.map(feature.nace),
      filter.partnershipKinds.map(partnershipKey),
      filter.targetRegionCodes.length > 0 ? [ANYWHERE, ...filter.targetRegionCodes.map(targetKey)] : [],
    ]
      .filter((keys) => keys.length > 0)
      .map((keys) => keys.flatMap((key) => this.features.get(key) ?? []));
    const every = groups.length > 0 ? inEveryGroup(groups, this.ids.length, this.live) : null;
    const hits = every?.hits ?? null;
    const today = dayOf(filter.today);
    const after = filter.publishedAfter;
    const until = filter.publishedUntil ?? null;
    const passes = (slot: number) =>
      (!hits || hits[slot] === groups.length) &&
      this.lastDay[slot]! >= today &&
      (after === null || this.publishedAt[slot]! > after) &&
      (until === null || this.publishedAt[slot]! <= until);
    return { passes, candidates: every?.slots ?? null };
  }

  /** Per choice of a facet (postings under `prefix`), how many of the slots that pass have it. */
  private count(slots: number[], passes: (slot: number) => boolean, prefix: string): Record<string, number> {
    return facetCounts(this.features, this.ids.length, slots, passes, prefix);
  }

  protected add(offer: IndexedOffer): void {
    const slot = this.ids.length;
    const id = detached(offer.id);
    this.slotOf.set(id, slot);
    this.ids.push(id);
    this.titleKeys.push(detached(offer.titleKey));
    if (slot === this.live.length) this.grow(slot * 2);
    this.live[slot] = 1;
    this.lastDay[slot] = dayOf(offer.expiresOn);
    this.publishedAt[slot] = offer.publishedAt;
    readSearchVector(offer.searchVector, (lexeme, rankPart) => this.lexemes.add(lexeme, slot, rankPart));
    const keys = [
      kindKey(offer.kind),
      feature.region(offer.regionCode),
      ...offer.areaCodes.map(feature.area),
      ...offer.naceCodes.map(feature.nace),
      ...offer.partnershipKinds.map(partnershipKey),
      ...(offer.targetRegionCodes.length === 0 ? [ANYWHERE] : offer.targetRegionCodes.map(targetKey)),
      ...offer.conceptCodes.map(feature.concept),
    ];
    postFeatures(this.features, keys, slot);
  }

  protected remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.live[slot] = 0;
    this.dead++;
  }

  protected override settle(): void {
    if (this.dead > Math.max(this.slotOf.size, 1024)) this.compact();
  }

  private grow(size: number): void {
    this.live = grown(this.live, size, (n) => new Uint8Array(n));
    this.lastDay = grown(this.lastDay, size, (n) => new Int32Array(n));
    this.publishedAt = grown(this.publishedAt, size, (n) => new Float64Array(n));
  }

  /** Live slots renumbered from 0, in order; dead ones dropped from every posting. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    let next = 0;
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!this.live[slot]) continue;
      renumber[slot] = next;
      this.slotOf.set(this.ids[slot]!, next);
      this.ids[next] = this.ids[slot]!;
      this.titleKeys[next] = this.titleKeys[slot]!;
      this.lastDay[next] = this.lastDay[slot]!;
      this.publishedAt[next] = this.publishedAt[slot]!;
      next++;
    }
    this.ids.length = next;
    this.titleKeys.length = next;
    this.lexemes.renumber(renumber);
    renumberFeatures(this.features, renumber);
    this.live.fill(0);
    this.live.fill(1, 0, next);
    this.dead = 0;
  }
}
