import type { OrganisationFilter, PageRange } from '../../repositories/organisation.repository.js';
import type { IndexedOrganisation, SearchRepository } from '../../repositories/search.repository.js';
import { requiredWords, type Bridged, type SearchWord } from '../../repositories/search-query.js';
import { postFeatures, Postings, renumberFeatures, SlotMap } from './postings.js';
import type { SnapshotReader, SnapshotWriter } from './snapshot/codec.js';
import { readDirectory, writeDirectory } from './directory-snapshot.js';
import { SlotTable } from './slot-table.js';
import { IdColumn } from './id-column.js';
import type { SnapshottableIndex } from './snapshot/snapshottable.js';
import { topOrder } from './ordering.js';
import { Lexicon } from './lexicon.js';
import { DirectoryOrders, type ListOrder } from './slot-orders.js';
import { readSearchVector, type RankItem } from './text-rank.js';
import { rankMatches } from './directory-rank.js';
import { hitWays, matchWords, type MatchSource, type WordMatches, type WordWay } from './word-matches.js';
import { MatchScratch } from './match-scratch.js';
import { DirectoryFilters, type SlotFilter } from './directory-filter.js';
import { countPassing } from './directory-counts.js';
import { countFacets, type DirectoryFacets } from './directory-facets.js';
import type { Language } from '../../shared/languages.js';
import { feature } from '../profile-features.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import { RevisionFollower } from '../revision-follower.js';

export type { DirectoryFacets } from './directory-facets.js';

/** A query word as the index matches it; the fuzzy pass adds the organisations whose names come close. */
export interface IndexWord extends SearchWord {
  soundsLike?: ReadonlySet<string>;
}

/** The order of search results: relevance (rank, then name), or one of the listing orders. */
export type ResultOrder = ListOrder | { sort: 'relevance'; lang: Language };

export interface DirectoryHit {
  id: string;
  rank: number;
  /** How it matched each required word, in their order (null: not matched), with the bridge that translated it. */
  ways: (HitWay | null)[];
}

export interface HitWay {
  way: WordWay;
  bridge?: Bridged;
}

/** Whether any filter is asked for. */
const filtered = (filter: OrganisationFilter) => Object.values(filter).some((values: string[]) => values.length > 0);

/** Organisations read in one statement when loading: about 100 ms of reading and indexing on PGlite. */
const READ_PAGE = 2000;

/**
 * The published organisations' search documents, in memory: for each lexeme, the organisations whose
 * document holds it with the lexeme's part of the text rank, and postings of areas, NACE classes, concepts,
 * name keys, regions, kinds and sectors. A query that matches thousands of organisations is matched, ranked
 * and counted here in a few milliseconds, where the database visits a heap page for each (about 100 ms for
 * 8,000 on PGlite). Before each use it reads the organisations written since it last looked, so it never
 * serves a stale document.
 *
 * A rewritten organisation takes a new slot and its old slot is marked dead (postings are only appended
 * to); when the dead outnumber the live, the slots are renumbered and the postings compacted.
 */
export class DirectoryIndex extends RevisionFollower<IndexedOrganisation> implements SnapshottableIndex {
  private readonly slotOf = new SlotTable(() => this.ids);
  private ids = new IdColumn();
  private live = new Uint8Array(1024);
  private lexemes = new Lexicon();
  private readonly features = new Map<string, Postings>();
  private orders = new DirectoryOrders();
  private dead = 0;
  /** How many slots there were when the arrays were last cut to their length (trim). */
  private trimmedAt = 0;
  private lastMatch: { words: IndexWord[]; generation: number; matches: WordMatches } | null = null;
  // derived from the fields above (settle): what lets a query cost what it matches
  private readonly filters = new DirectoryFilters(this.features);
  private readonly scratch = new MatchScratch();
  private readonly seen = new SlotMap();
  private readonly passing = new SlotMap();

  constructor(
    repository: Pick<SearchRepository, 'organisationsSince'> & Partial<Pick<SearchRepository, 'writeCount'>>,
    readPage = READ_PAGE,
  ) {
    super(
      (horizon, page) => repository.organisationsSince(horizon, page),
      readPage,
      () => repository.writeCount?.() ?? null,
    );
  }

  /** How many published organisations it holds. */
  get size(): number {
    return this.slotOf.size;
  }

  /**
   * The organisations that match enough of the required words (by text, a concept that covers it, a name
   * that sounds like it, or a vocabulary bridge: word-matches.ts) and pass the filter, in the order asked:
   * one page of them, how many there are, and whether the minimum of words was given up because no
   * record met it. By relevance, best first, then by name (directory-rank.ts).
   */
  search(
    words: IndexWord[],
    filter: OrganisationFilter,
    page: PageRange,
    order: ResultOrder = { sort: 'relevance', lang: 'en' },
  ): { hits: DirectoryHit[]; total: number; relaxed: boolean } {
    const required = requiredWords(words);
    // the filter first when it is the shorter side: a common word with a small region costs the region
    const compiled = filtered(filter) ? this.compile(filter, Infinity) : null;
    const matches = this.matchWords(words, compiled);
    const passes = compiled ? compiled.passes : () => true;
    const { relaxed, slots } = matches;
    if (order.sort !== 'relevance') {
      const ids = this.walk(order, page, (slot) => matches.enough[slot] === 1 && passes(slot));
      return {
        total: slots.length,
        hits: ids.map((id) => ({ id, rank: 0, ways: this.hitWays(matches, required, this.slotOf.get(id)!) })),
        relaxed,
      };
    }
    const rank = rankMatches(required, matches);
    const { lang } = order;
    const top = topOrder(slots, rank, (a, b) => this.orders.compareNames(a, b, lang), this.ids, page.offset + page.limit);
    return {
      total: slots.length,
      hits: top
        .slice(page.offset)
        .map((i) => ({ id: this.ids.get(slots[i]!), rank: rank[i]!, ways: this.hitWays(matches, required, slots[i]!) })),
      relaxed,
    };
  }

  /**
   * The required words matched against every record, the matches that pass `filter` given (all without
   * one); those of every record kept for the facets of the same search.
   */
  private matchWords(words: IndexWord[], filter: SlotFilter | null = null): WordMatches {
    this.lexemes.sort();
    const last = this.lastMatch;
    if (filter === null && last?.words === words && last.generation === this.generation) return last.matches;
    const matches = matchWords(this.source(), words, this.scratch, filter);
    // a filtered match overwrote the scratch a kept one read
    this.lastMatch = filter === null ? { words, generation: this.generation, matches } : null;
    return matches;
  }

  /** How a result matched each word; for a bridge, which one. */
  private hitWays(matches: WordMatches, required: IndexWord[], slot: number): (HitWay | null)[] {
    return hitWays(matches, required, slot, (item) => this.lexemePostings(item));
  }

  private source(): MatchSource {
    return {
      size: this.ids.length,
      live: this.live,
      records: this.slotOf.size,
      lexemes: (item) => this.lexemePostings(item),
      features: (keys) => this.featurePostings(keys),
      slotsOf: (ids) => this.slotsOf(ids),
    };
  }

  /**
   * The organisations that pass the filter (all without one), in the order asked, then by id: one page of
   * them, and how many there are: exact up to EXACT_COUNT, else an estimate, said (directory-counts.ts).
   */
  browse(
    filter: OrganisationFilter,
    page: PageRange,
    order: ListOrder = { sort: 'name', lang: 'en' },
  ): { ids: string[]; total: number; estimated?: true } {
    if (!filtered(filter)) return { ids: this.walk(order, page, () => true), total: this.size };
    const compiled = this.compile(filter, Infinity);
    const ids = this.walk(order, page, compiled.passes);
    const { total, estimated } = countPassing(compiled, this.ids.length, this.live, this.seen);
    return estimated ? { ids, total, estimated } : { ids, total };
  }

  /** One page of the live slots that pass `passes`, walking an order. */
  private walk(order: ListOrder, page: PageRange, passes: (slot: number) => boolean): string[] {
    const ids: string[] = [];
    let skip = page.offset;
    for (const slot of this.orders.slots(order, this.ids)) {
      if (ids.length === page.limit) break;
      if (!this.live[slot] || !passes(slot)) continue;
      if (skip-- > 0) continue;
      ids.push(this.ids.get(slot));
    }
    return ids;
  }

  /** Each filter choice's count for the listing with the words and the other filters (directory-facets.ts). */
  facets(words: IndexWord[], filter: OrganisationFilter): DirectoryFacets {
    const source = {
      compile: (f: OrganisationFilter, candidates: number) => this.compile(f, candidates),
      column: (prefix: string) => this.filters.column(prefix),
      features: this.features,
      size: this.ids.length,
      live: this.live,
      seen: this.seen,
      passing: this.passing,
    };
    return countFacets(source, words.length > 0 ? this.matchWords(words) : null, filter);
  }

  /** The filter as a test per slot for about `candidates` slots (directory-filter.ts), its columns in step first. */
  private compile(filter: OrganisationFilter, candidates: number) {
    this.filters.settle(this.ids);
    return this.filters.compile(filter, candidates, this.ids.length);
  }

  private lexemePostings(item: RankItem): Postings[] {
    return this.lexemes.postings(item);
  }

  private featurePostings(keys: string[]): Postings[] {
    return keys.flatMap((key) => this.features.get(key) ?? []);
  }

  private slotsOf(ids: ReadonlySet<string>): Postings {
    const result = new Postings();
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) result.push(slot);
    }
    return result;
  }

  protected override settle(): void {
    if (this.dead > Math.max(this.slotOf.size, 1024)) this.compact();
    // the orders put in step as part of a refresh (100,000 after a start: ~0.2 s each), not by the next listing
    this.orders.settle(this.ids);
    this.filters.settle(this.ids);
    // after the orders are sorted, which compares keys that packing leaves undecoded
    if (this.ids.length > 2 * this.trimmedAt) this.trim();
  }

  protected add(organisation: IndexedOrganisation): void {
    const slot = this.ids.push(organisation.id);
    this.slotOf.set(organisation.id, slot);
    this.orders.add(slot, organisation.sortKeys, organisation.createdAt);
    if (slot === this.live.length) {
      const live = new Uint8Array(slot * 2);
      live.set(this.live);
      this.live = live;
    }
    this.live[slot] = 1;
    readSearchVector(organisation.searchVector, (lexeme, rankPart) => this.lexemes.add(lexeme, slot, rankPart));
    const keys = [
      ...organisation.areaCodes.map(feature.area),
      ...organisation.naceClasses.map(feature.nace),
      ...organisation.conceptCodes.map(feature.concept),
      ...organisation.productCodes.flatMap(productCodeLevels).map(feature.product),
      ...organisation.nameKeys.map(feature.name),
      feature.kind(organisation.kind),
      feature.region(organisation.regionCode),
      feature.sector(organisation.sector),
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

  /**
   * The postings cut to their length and the sort keys packed once the slots have doubled since the last
   * time (a first load, above all): grown by doubling, postings held a third more than their entries, and a
   * process after a load held hundreds of megabytes more than one restored from a snapshot. Doubling keeps
   * it rare.
   */
  private trim(): void {
    this.lexemes.trim();
    for (const list of this.features.values()) list.trim();
    this.orders.pack(this.ids.length);
    this.trimmedAt = this.ids.length;
  }

  /** Live slots renumbered from 0, in order; dead ones dropped from every posting. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    let kept = 0;
    for (let slot = 0; slot < this.ids.length; slot++) if (this.live[slot]) renumber[slot] = kept++;
    const ids = this.ids.renumbered(renumber, Math.max(1024, kept * 2));
    this.lexemes.renumber(renumber);
    renumberFeatures(this.features, renumber);
    this.ids = ids;
    this.orders.renumber(renumber);
    this.live = new Uint8Array(Math.max(1024, ids.length * 2));
    this.live.fill(1, 0, ids.length);
    this.slotOf.rebuild(ids.length, this.live);
    this.dead = 0;
  }

  /** Its content as a snapshot (directory-snapshot.ts). */
  writeSnapshot(writer: SnapshotWriter): void {
    const { ids, live, dead, lexemes, features, orders } = this;
    writeDirectory(writer, { ids, live, dead, lexemes, features, orders, slots: this.slotOf });
  }

  /** Replaces its content by a snapshot's once all of it is read (a broken one leaves it as it was). */
  readSnapshot(reader: SnapshotReader): void {
    const content = readDirectory(reader);
    [this.ids, this.live, this.lexemes, this.orders, this.dead, this.lastMatch] = [
      content.ids,
      content.live,
      content.lexemes,
      content.orders,
      content.dead,
      null,
    ];
    this.slotOf.restore(content.slotOf);
    this.trimmedAt = this.ids.length;
    this.features.clear();
    for (const [key, list] of content.features) this.features.set(key, list);
  }
}
