import { grown, Postings } from '../search/postings.js';
import { SlotTable } from '../search/slot-table.js';
import { IdColumn } from '../search/id-column.js';
import type { SnapshotReader, SnapshotWriter } from '../search/snapshot/codec.js';
import type { MatchRepository, PartnerProfile } from '../../repositories/match.repository.js';
import { detached } from '../detached-string.js';
import { conceptWeight, rarity, type MatchingWeights } from './scoring.js';
import { feature } from '../profile-features.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import { RevisionFollower } from '../revision-follower.js';
import { candidateTest, rankWithBound, weighed, type CandidateFilter, type RankedCandidate } from './partner-ranking.js';
import { NameOrder } from './partner-name-order.js';
import { KINDS, readPartnerContent, writePartnerContent, type PartnerContent } from './partner-snapshot.js';
import { ORGANISATION_KINDS } from '../../shared/domain.js';

export type { CandidateFilter, RankedCandidate } from './partner-ranking.js';

/** Profiles read in one statement when loading: 10,000 is about 150 ms of reading and indexing on PGlite. */
const READ_PAGE = 10_000;
/** Dead slots are dropped once there are more of them than this and than live ones (after a refresh). */
const MIN_DEAD_TO_COMPACT = 4096;

/**
 * The published organisations' matching profiles, in memory, with postings (feature → organisations) for
 * areas, NACE classes, product code levels and concepts. A suggestion weighs tens of thousands of candidates; in memory that
 * takes a few milliseconds, where reading their rows takes the database a hundred. Before each use it reads
 * the profiles written since it last looked (an index lookup), so it never serves a stale profile.
 *
 * Each version of an organisation gets a slot of its own, and features a number, for good. A slot's
 * features lie side by side in one integer buffer, so that weighing a candidate is summing a weight vector
 * over a few adjacent integers. Postings are typed arrays of slots in slot order, only appended to: a
 * rewritten organisation takes a new slot at the end, its old one is dead (skipped by its live flag) until
 * a compaction renumbers the live slots. At 1,000,000 organisations that is a few tens of megabytes of
 * postings where sets of numbers took hundreds, and a snapshot restores them as views of its file.
 */
export class PartnerIndex extends RevisionFollower<PartnerProfile> {
  /** Each published organisation's live slot (slot-table.ts: a restore fills it in a few tens of milliseconds). */
  private readonly slotOf = new SlotTable(() => this.content.ids);
  private readonly featureOf = new Map<string, number>();
  private content: PartnerContent = {
    ids: new IdColumn(),
    sortNames: [],
    live: new Uint8Array(1024),
    start: new Int32Array(1024),
    count: new Int32Array(1024),
    buffer: new Int32Array(16_384),
    used: 0,
    garbage: 0,
    featureKeys: [],
    postings: [],
    carriers: new Int32Array(256),
    published: 0,
  };
  private seen = new Uint32Array(1024);
  private walk = 0;
  /** How many slots there were when the postings and the feature buffer were last cut to their length. */
  private trimmedAt = 0;
  /** The slots' order by name, for ties on score (made on first use, then again after a compaction). */
  private readonly names = new NameOrder();

  constructor(repository: Pick<MatchRepository, 'profilesSince'>, readPage = READ_PAGE) {
    super((horizon, page) => repository.profilesSince(horizon, page), readPage);
  }

  /** How many published organisations there are. */
  get size(): number {
    return this.content.published;
  }

  /** Each concept's weight from how many published organisations carry it (scoring.conceptWeight). */
  conceptWeights(codes: string[]): Map<string, number> {
    return new Map(codes.map((code) => [code, conceptWeight(this.carriers(feature.concept(code)), this.content.published)]));
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
    return new Map(keys.map((key) => [key, rarity(this.carriers(key), this.content.published)]));
  }

  /**
   * The best candidates by the weights (scoring.matchingWeights, so scorePair's score), best first, then by
   * name: those that share an area, a NACE class, a product code to 4 digits or more, or a concept weighing at least minCandidateConceptWeight
   * with the source, and pass the filter. Ranked with a bound (rankWithBound): the same answer as weighing
   * every candidate, most often without walking the longest lists.
   */
  best(weights: MatchingWeights, filter: CandidateFilter, limit: number): RankedCandidate[] {
    const numberOf = (key: string) => this.featureOf.get(key);
    const features = this.featureOf.size;
    const weighing = weighed(weights, numberOf, features, this.content.postings, ORGANISATION_KINDS);
    // kinds the filter leaves out need no walking
    const lists = weighing.lists.filter((list) => filter.kinds.length === 0 || filter.kinds.includes(ORGANISATION_KINDS[list.kind]!));
    const passes = candidateTest(filter, numberOf, features, this.content);
    const walk = this.nextWalk();
    // the source and those it set aside count as seen: never candidates
    for (const id of [filter.sourceId, ...filter.dismissed]) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) this.seen[slot] = walk;
    }
    const { vector, kindWeights, rest } = weighing;
    const names = this.names.over(this.content.ids, this.content.sortNames);
    const nameBefore = (a: number, b: number) => names.before(a, b);
    return rankWithBound({ ...this.content, seen: this.seen, nameBefore }, vector, lists, kindWeights, rest, passes, walk, limit);
  }

  /**
   * Makes now what the first suggestion would otherwise make: the slots' order by name (at 1,000,000
   * organisations, most of a second).
   */
  prepareRanking(): void {
    this.names.over(this.content.ids, this.content.sortNames);
  }

  /** Writes the index's content (not its position: the snapshot store keeps that beside). */
  writeSnapshot(writer: SnapshotWriter): void {
    writePartnerContent(writer, this.content);
  }

  /** Replaces the content by a snapshot's (SnapshotFormatError when it is of another format); then `resume`. */
  readSnapshot(reader: SnapshotReader): void {
    const content = readPartnerContent(reader);
    this.featureOf.clear();
    content.featureKeys.forEach((key, f) => this.featureOf.set(key, f));
    this.content = content;
    this.slotOf.rebuild(content.ids.length, content.live);
    this.trimmedAt = content.ids.length;
    this.seen = new Uint32Array(content.live.length);
    this.walk = 0;
  }

  private carriers(key: string): number {
    const f = this.featureOf.get(key);
    // a code no organisation ever had weighs as one only the pair has
    return f === undefined ? 1 : this.content.carriers[f]!;
  }

  /** A fresh stamp for "seen in this walk", so that the stamps need no clearing between walks. */
  private nextWalk(): number {
    this.walk = this.walk === 0xffffffff ? 1 : this.walk + 1;
    if (this.walk === 1) this.seen.fill(0);
    return this.walk;
  }

  protected add(profile: PartnerProfile): void {
    if (this.slotOf.has(profile.id)) this.remove(profile.id);
    const c = this.content;
    const slot = c.ids.push(profile.id);
    this.slotOf.set(profile.id, slot);
    c.sortNames.push(detached(profile.sortName));
    this.growSlots(slot + 1);
    const posted = [
      ...new Set([
        ...profile.areaCodes.map(feature.area),
        ...profile.naceClasses.map(feature.nace),
        // a code also posts its broader levels: a 6-digit HS code is under its heading and chapter
        ...profile.productCodes.flatMap(productCodeLevels).map(feature.product),
        ...profile.conceptCodes.map(feature.concept),
      ]),
    ].map((key) => this.number(key));
    const features = [
      ...posted,
      ...[feature.kind(profile.kind), feature.region(profile.regionCode), feature.sector(profile.sector)].map((key) => this.number(key)),
    ];
    if (c.used + features.length > c.buffer.length) this.growBuffer(features.length);
    c.buffer.set(features, c.used);
    c.start[slot] = c.used;
    c.count[slot] = features.length;
    c.used += features.length;
    c.live[slot] = 1;
    c.published++;
    const kind = ORGANISATION_KINDS.indexOf(profile.kind);
    for (const f of posted) {
      (c.postings[f * KINDS + kind] ??= new Postings()).push(slot);
      c.carriers[f]!++;
    }
  }

  protected remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    const c = this.content;
    this.slotOf.delete(id);
    c.live[slot] = 0;
    c.published--;
    c.garbage += c.count[slot]!;
    for (let i = c.start[slot]!, end = i + c.count[slot]! - 3; i < end; i++) c.carriers[c.buffer[i]!]!--;
  }

  /** After a refresh: when dead slots outnumber live ones, they are dropped and the live ones renumbered. */
  protected override settle(): void {
    const dead = this.content.ids.length - this.content.published;
    if (dead > MIN_DEAD_TO_COMPACT && dead > this.content.published) this.compact();
    if (this.content.ids.length > 2 * this.trimmedAt) this.trim();
  }

  /**
   * The postings and the feature buffer cut to their length once the slots have doubled since the last
   * time (a first load, above all): grown by doubling, they held a third more than their entries, which a
   * restore from a snapshot does not. Doubling keeps it rare; the next append doubles again.
   */
  private trim(): void {
    const c = this.content;
    for (const list of c.postings) list?.trim();
    if (c.used < c.buffer.length) c.buffer = c.buffer.slice(0, c.used);
    this.trimmedAt = c.ids.length;
  }

  /** Live slots renumbered in their order (so postings stay in slot order), their features moved together. */
  private compact(): void {
    const c = this.content;
    const renumber = new Int32Array(c.ids.length).fill(-1);
    const size = Math.max(1024, c.published * 2);
    let kept = 0;
    for (let slot = 0; slot < c.ids.length; slot++) if (c.live[slot]) renumber[slot] = kept++;
    const ids = c.ids.renumbered(renumber, size);
    const [sortNames, live, start, count] = [
      [] as string[],
      new Uint8Array(size),
      new Int32Array(size),
      new Int32Array(size),
    ];
    const buffer = new Int32Array(Math.max(16_384, (c.used - c.garbage) * 2));
    let used = 0;
    for (let slot = 0; slot < c.ids.length; slot++) {
      if (!c.live[slot]) continue;
      const next = renumber[slot]!;
      sortNames.push(c.sortNames[slot]!);
      live[next] = 1;
      buffer.set(c.buffer.subarray(c.start[slot]!, c.start[slot]! + c.count[slot]!), used);
      start[next] = used;
      count[next] = c.count[slot]!;
      used += c.count[slot]!;
    }
    for (const list of c.postings) list?.renumber(renumber);
    this.content = { ...c, ids, sortNames, live, start, count, buffer, used, garbage: 0 };
    this.slotOf.rebuild(ids.length, live);
    this.seen = new Uint32Array(size);
    this.walk = 0;
  }

  /** Room for more features: the buffer doubled (a restored one is exactly full, a view of its file). */
  private growBuffer(more: number): void {
    const c = this.content;
    c.buffer = grown(c.buffer, Math.max(16_384, (c.used + more) * 2), (n) => new Int32Array(n));
  }

  private growSlots(slots: number): void {
    const c = this.content;
    if (slots <= c.live.length) return;
    const size = Math.max(1024, slots * 2);
    c.live = grown(c.live, size, (n) => new Uint8Array(n));
    c.start = grown(c.start, size, (n) => new Int32Array(n));
    c.count = grown(c.count, size, (n) => new Int32Array(n));
    this.seen = grown(this.seen, size, (n) => new Uint32Array(n));
  }

  private number(key: string): number {
    let f = this.featureOf.get(key);
    if (f === undefined) {
      const c = this.content;
      this.featureOf.set(key, (f = this.featureOf.size));
      c.featureKeys.push(detached(key));
      if (f >= c.carriers.length) c.carriers = grown(c.carriers, Math.max(256, f * 2), (n) => new Int32Array(n));
    }
    return f;
  }
}
