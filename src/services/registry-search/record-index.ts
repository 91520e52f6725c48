import type { IndexedRecord, RecordSearchRepository } from '../../repositories/registry/record-search.repository.js';
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

/** What a search of the registry narrows to: any of each list's values, all lists; a period its date must meet. */
export interface RecordFilter {
  kinds: string[];
  types: string[];
  stages: string[];
  areaCodes: string[];
  regionCodes: string[];
  /** First and last day (YYYY-MM-DD) of the period asked; a record matches when its date's period meets it. */
  period: { first: string | null; last: string | null } | null;
}

/** Per kind and per stage, how many records the search finds with that choice and the other filters. */
export type RecordFacets = Record<'kind' | 'stage', Record<string, number>>;

export interface RecordHit {
  id: string;
  rank: number;
  ways: (HitWay | null)[];
  /** The query's concepts (narrower ones included) that the record's texts name. */
  concepts: string[];
}

/** Records read in one statement when loading (their documents are built as they are read). */
const READ_PAGE = 2000;
/** A slot without a date: no period meets it. */
const NO_DAY = 0x7fffffff;
const dayOf = (date: string) => Math.floor(Date.parse(`${date}T00:00:00Z`) / 86_400_000);

const kindKey = (kind: string) => `kind:${kind}`;
const stageKey = (stage: string) => `stage:${stage}`;
const typeKey = (type: string) => `type:${type}`;

/**
 * The published records of the cooperation registry (agreements, initiatives, academic partnerships,
 * residencies) in memory, as the directory index keeps organisations (search/directory-index.ts): postings
 * of lexemes with their part of the text rank, and of kinds, types, stages, areas, regions and concepts;
 * each record's dated period. Matched and ranked by the directory's rules (word-matches.ts,
 * directory-rank.ts), so a query finds records as it finds organisations. Kept current by revision.
 */
export class RecordIndex extends RevisionFollower<IndexedRecord> {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private titleKeys: string[] = [];
  /** Ties of rank go by title (read through `this`: compaction replaces the keys). */
  private readonly titleOrder = byKey((slot) => this.titleKeys[slot]!);
  private live = new Uint8Array(1024);
  private firstDay = new Int32Array(1024);
  private lastDay = new Int32Array(1024);
  private readonly lexemes = new Lexicon();
  private readonly features = new Map<string, Postings>();
  private dead = 0;

  constructor(repository: Pick<RecordSearchRepository, 'recordsSince'>, writeMark: () => number | null = () => null, readPage = READ_PAGE) {
    super((horizon, page) => repository.recordsSince(horizon, page), readPage, writeMark);
  }

  /** How many published records it holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /**
   * The records that match enough of the words and pass the filter, best first (then by title, then id):
   * one page, how many there are, per kind and stage how many there would be, and whether the minimum of
   * words was given up because no record met it.
   */
  search(
    words: IndexWord[],
    filter: RecordFilter,
    page: { offset: number; limit: number },
  ): { hits: RecordHit[]; total: number; relaxed: boolean; facets: RecordFacets } {
    const required = requiredWords(words);
    const source = this.source();
    const matches = matchWords(source, words);
    const passes = this.passing(filter);
    const slots = matches.slots.filter(passes);
    const rank = rankMatches(required, { ...matches, slots });
    const concepts = [...new Set(required.flatMap((w) => [...w.concepts, ...w.narrower]))];
    const top = topOrder(slots, rank, this.titleOrder, idOrder(this.ids), page.offset + page.limit);
    const facets: RecordFacets = {
      kind: this.count(matches.slots, this.passing({ ...filter, kinds: [] }), 'kind:'),
      stage: this.count(matches.slots, this.passing({ ...filter, stages: [] }), 'stage:'),
    };
    return {
      total: slots.length,
      hits: top.slice(page.offset).map((i) => ({
        id: this.ids[slots[i]!]!,
        rank: rank[i]!,
        ways: hitWays(matches, required, slots[i]!, (item) => this.lexemes.postings(item)),
        concepts: concepts.filter((code) => this.features.get(feature.concept(code))?.has(slots[i]!)),
      })),
      relaxed: matches.relaxed,
      facets,
    };
  }

  private source(): MatchSource {
    return {
      size: this.ids.length,
      live: this.live,
      records: this.slotOf.size,
      lexemes: (item) => this.lexemes.postings(item),
      features: (keys) => keys.flatMap((key) => this.features.get(key) ?? []),
      // records have no names that sound like a word: the fuzzy pass is the directory's
      slotsOf: () => new Postings(),
    };
  }

  /** Whether a slot passes the filter's lists (postings) and its period (the slot's days). */
  private passing(filter: RecordFilter): (slot: number) => boolean {
    const groups = [
      filter.kinds.map(kindKey),
      filter.types.map(typeKey),
      filter.stages.map(stageKey),
      filter.areaCodes.map(feature.area),
      filter.regionCodes.map(feature.region),
    ]
      .filter((keys) => keys.length > 0)
      .map((keys) => keys.flatMap((key) => this.features.get(key) ?? []));
    const hits = groups.length > 0 ? inEveryGroup(groups, this.ids.length, this.live).hits : null;
    const from = filter.period?.first ? dayOf(filter.period.first) : -Infinity;
    const to = filter.period?.last ? dayOf(filter.period.last) : Infinity;
    const period = filter.period !== null;
    return (slot) =>
      (!hits || hits[slot] === groups.length) &&
      (!period || (this.firstDay[slot]! !== NO_DAY && this.firstDay[slot]! <= to && this.lastDay[slot]! >= from));
  }

  /** Per choice of a facet (postings under `prefix`), how many of the slots that pass have it. */
  private count(slots: number[], passes: (slot: number) => boolean, prefix: string): Record<string, number> {
    return facetCounts(this.features, this.ids.length, slots, passes, prefix);
  }

  protected add(record: IndexedRecord): void {
    const slot = this.ids.length;
    const id = detached(record.id);
    this.slotOf.set(id, slot);
    this.ids.push(id);
    this.titleKeys.push(detached(record.titleKey));
    if (slot === this.live.length) this.grow(slot * 2);
    this.live[slot] = 1;
    this.firstDay[slot] = record.datedFirst ? dayOf(record.datedFirst) : NO_DAY;
    this.lastDay[slot] = record.datedLast ? dayOf(record.datedLast) : NO_DAY;
    readSearchVector(record.searchVector, (lexeme, rankPart) => this.lexemes.add(lexeme, slot, rankPart));
    const keys = [
      kindKey(record.kind),
      stageKey(record.stage),
      ...record.types.map(typeKey),
      ...record.areaCodes.map(feature.area),
      ...record.regionCodes.map(feature.region),
      ...record.conceptCodes.map(feature.concept),
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
    this.firstDay = grown(this.firstDay, size, (n) => new Int32Array(n));
    this.lastDay = grown(this.lastDay, size, (n) => new Int32Array(n));
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
      this.firstDay[next] = this.firstDay[slot]!;
      this.lastDay[next] = this.lastDay[slot]!;
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
