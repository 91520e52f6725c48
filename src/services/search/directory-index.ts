import type { OrganisationFilter, PageRange } from '../../repositories/organisation.repository.js';
import type { IndexedOrganisation, SearchRepository } from '../../repositories/search.repository.js';
import { requiredWords, type SearchWord } from '../../repositories/search-query.js';
import { detached } from '../detached-string.js';
import { Postings } from './postings.js';
import { compare, lowerBound, topOrder } from './ordering.js';
import { NameOrder } from './name-order.js';
import { rankItems, readSearchVector, TEXT_RANK_SCALE, type RankItem } from './text-rank.js';
import { feature } from '../profile-features.js';
import { RevisionFollower } from '../revision-follower.js';

/** Per facet, each choice's count; a choice no organisation would have is left out. */
export type DirectoryFacets = Record<'region' | 'kind' | 'sector' | 'area', Record<string, number>>;

const FACETS = [
  ['region', feature.region(''), 'regionCodes'],
  ['kind', feature.kind(''), 'kinds'],
  ['sector', feature.sector(''), 'sectors'],
  ['area', feature.area(''), 'areaCodes'],
] as const satisfies [keyof DirectoryFacets, string, keyof OrganisationFilter][];

/** A query word as the index matches it; the fuzzy pass adds the organisations whose names come close. */
export interface IndexWord extends SearchWord {
  soundsLike?: ReadonlySet<string>;
}

export interface DirectoryHit {
  id: string;
  rank: number;
}

/** Organisations read in one statement when loading: about 100 ms of reading and indexing on PGlite. */
const READ_PAGE = 2000;

/** How much a name that sounds like a query word adds to the rank. */
const NAME_BONUS = 0.3;

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
export class DirectoryIndex extends RevisionFollower<IndexedOrganisation> {
  private readonly slotOf = new Map<string, number>();
  private ids: string[] = [];
  private sortNames: string[] = [];
  private live = new Uint8Array(1024);
  private readonly lexemes = new Map<string, Postings>();
  /** The lexemes in order, for prefixes; lexemes added since it was sorted wait in `unsorted`. */
  private sorted: string[] = [];
  private unsorted: string[] = [];
  private readonly features = new Map<string, Postings>();
  private readonly names = new NameOrder();
  private dead = 0;

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
   * The organisations that match every required word (by text, by a concept that covers it, or by a name
   * that sounds like it) and pass the filter, best first, then by name: one page of them, and how many
   * there are. The rank is the share of words whose concepts a record carries (narrower ones count half),
   * plus ts_rank of all words' lexemes, plus NAME_BONUS for a name that sounds like a word.
   */
  search(words: IndexWord[], filter: OrganisationFilter, page: PageRange): { hits: DirectoryHit[]; total: number } {
    this.sortLexemes();
    const required = requiredWords(words);
    const groups = [...required.map((w) => this.wordPostings(w)), ...this.filterPostings(filter)];
    const matches = this.inEveryGroup(groups);
    const rank = this.rank(words, required, matches.slots, matches.hits, groups.length);
    const order = topOrder(matches.slots, rank, this.sortNames, this.ids, page.offset + page.limit);
    return {
      total: matches.slots.length,
      hits: order.slice(page.offset).map((i) => ({ id: this.ids[matches.slots[i]!]!, rank: rank[i]! })),
    };
  }

  /** The organisations that pass the filter (all without one), by name, then id: one page of them, and how many there are. */
  browse(filter: OrganisationFilter, page: PageRange): { ids: string[]; total: number } {
    const groups = this.filterPostings(filter);
    const matches = groups.length > 0 ? this.inEveryGroup(groups) : null;
    const ids: string[] = [];
    let skip = page.offset;
    for (const slot of this.names.slots(this.sortNames, this.ids)) {
      if (ids.length === page.limit) break;
      if (!this.live[slot] || (matches && matches.hits[slot] !== groups.length)) continue;
      if (skip-- > 0) continue;
      ids.push(this.ids[slot]!);
    }
    return { ids, total: matches ? matches.slots.length : this.size };
  }

  /**
   * For each choice of kind, sector, region and area, how many organisations the listing would give with
   * that choice and the other filters as they are (the words too). Each count is the size of an
   * intersection: the organisations that pass everything but the facet's own filter, marked once per
   * facet, counted along each choice's postings. Regions are counted as organisations hold them (a
   * region's subdivisions are added up by the reader).
   */
  facets(words: IndexWord[], filter: OrganisationFilter): DirectoryFacets {
    this.sortLexemes();
    const wordGroups = requiredWords(words).map((w) => this.wordPostings(w));
    const facets: DirectoryFacets = { region: {}, kind: {}, sector: {}, area: {} };
    for (const [facet, prefix, own] of FACETS) {
      const groups = [...wordGroups, ...this.filterPostings({ ...filter, [own]: [] })];
      const hits = groups.length > 0 ? this.inEveryGroup(groups).hits : null;
      const counts = facets[facet];
      for (const [key, list] of this.features) {
        if (!key.startsWith(prefix)) continue;
        let count = 0;
        for (let i = 0; i < list.length; i++) {
          const slot = list.slots[i]!;
          if (this.live[slot] && (!hits || hits[slot] === groups.length)) count++;
        }
        if (count > 0) counts[key.slice(prefix.length)] = count;
      }
    }
    return facets;
  }

  /** One group of postings a filter: an organisation passes a filter when it is in any of its postings. */
  private filterPostings(filter: OrganisationFilter): Postings[][] {
    return [
      filter.regionCodes.map(feature.region),
      filter.kinds.map(feature.kind),
      filter.sectors.map(feature.sector),
      filter.areaCodes.map(feature.area),
      filter.naceClasses.map(feature.nace),
    ]
      .filter((keys) => keys.length > 0)
      .map((keys) => this.featurePostings(keys));
  }

  /** The postings a word can match by: its text ways, its concepts, its name key, names close to it. */
  private wordPostings(word: IndexWord): Postings[] {
    const lists: Postings[] = [];
    for (const text of word.texts) {
      if (text.lexemes.length === 0) continue;
      const each = text.lexemes.map((lexeme) => this.lexemePostings({ lexeme, prefix: text.prefix }));
      // a word the parser cut in two: each part must occur (a rare case, so built by sets)
      lists.push(...(each.length === 1 ? each[0]! : [this.intersection(each)]));
    }
    lists.push(...this.featurePostings([...word.concepts, ...word.narrower].map(feature.concept)));
    if (word.nameKey) lists.push(...this.featurePostings([feature.name(word.nameKey)]));
    if (word.soundsLike) lists.push(this.slotsOf(word.soundsLike));
    return lists;
  }

  private lexemePostings(item: RankItem): Postings[] {
    if (!item.prefix) {
      const list = this.lexemes.get(item.lexeme);
      return list ? [list] : [];
    }
    const lists: Postings[] = [];
    for (let i = lowerBound(this.sorted, item.lexeme); i < this.sorted.length && this.sorted[i]!.startsWith(item.lexeme); i++)
      lists.push(this.lexemes.get(this.sorted[i]!)!);
    return lists;
  }

  private featurePostings(keys: string[]): Postings[] {
    return keys.flatMap((key) => this.features.get(key) ?? []);
  }

  private intersection(each: Postings[][]): Postings {
    const sets = each.map((lists) => new Set(lists.flatMap((list) => [...list.slots.subarray(0, list.length)])));
    const result = new Postings(false);
    for (const slot of sets[0]!) if (sets.every((set) => set.has(slot))) result.push(slot);
    return result;
  }

  private slotsOf(ids: ReadonlySet<string>): Postings {
    const result = new Postings(false);
    for (const id of ids) {
      const slot = this.slotOf.get(id);
      if (slot !== undefined) result.push(slot);
    }
    return result;
  }

  /**
   * The live slots found in every group (in any posting of it). A slot's count goes from g to g + 1 in
   * group g, so after the last group the slots at the number of groups are those found in all.
   */
  private inEveryGroup(groups: Postings[][]): { slots: number[]; hits: Uint8Array } {
    const hits = new Uint8Array(this.ids.length);
    const slots: number[] = [];
    const last = groups.length - 1;
    for (const [g, lists] of groups.entries()) {
      for (const list of lists) {
        const entries = list.slots;
        for (let i = 0; i < list.length; i++) {
          const slot = entries[i]!;
          if (hits[slot] !== g) continue;
          hits[slot] = g + 1;
          if (g === last && this.live[slot]) slots.push(slot);
        }
      }
    }
    return { slots, hits };
  }

  /** Each match's rank (see search), in the order of `slots`; a match's count in `hits` is `found`. */
  private rank(words: IndexWord[], required: IndexWord[], slots: number[], hits: Uint8Array, found: number): Float64Array {
    // ts_rank over every word's lexemes: each item's postings add their part to the matches they hold
    const items = rankItems(words.flatMap((w) => w.texts.flatMap((t) => t.lexemes.map((lexeme) => ({ lexeme, prefix: t.prefix })))));
    const text = new Float32Array(this.ids.length);
    for (const item of items) {
      for (const list of this.lexemePostings(item)) {
        const { slots: entries, values } = list;
        for (let i = 0; i < list.length; i++) {
          const slot = entries[i]!;
          // stored in single precision at each step, as PostgreSQL adds
          if (hits[slot] === found) text[slot] = text[slot]! + values![i]! / TEXT_RANK_SCALE;
        }
      }
    }
    // per required word: 1 when the record carries a concept that covers it, ½ for a narrower one
    const concepts = new Float64Array(slots.length);
    const marks = new Uint8Array(this.ids.length);
    const mark = (keys: string[], value: number) => {
      for (const list of this.featurePostings(keys)) for (let i = 0; i < list.length; i++) marks[list.slots[i]!] = value;
    };
    for (const word of required) {
      if (word.concepts.length === 0 && word.narrower.length === 0) continue;
      marks.fill(0);
      mark(word.narrower.map(feature.concept), 1);
      mark(word.concepts.map(feature.concept), 2);
      for (const [i, slot] of slots.entries()) concepts[i]! += marks[slot]! / 2;
    }
    marks.fill(0);
    mark(
      words.flatMap((w) => (w.nameKey ? [feature.name(w.nameKey)] : [])),
      1,
    );
    const rank = new Float64Array(slots.length);
    for (const [i, slot] of slots.entries()) {
      const textRank = items.length === 0 ? 0 : Math.fround(text[slot]! / items.length);
      rank[i] = concepts[i]! / required.length + textRank + NAME_BONUS * marks[slot]!;
    }
    return rank;
  }

  protected override settle(): void {
    if (this.dead > Math.max(this.slotOf.size, 1024)) this.compact();
    // names put in order as part of a refresh (100,000 after a start: ~0.2 s), not by the next listing
    this.names.slots(this.sortNames, this.ids);
  }

  protected add(organisation: IndexedOrganisation): void {
    const slot = this.ids.length;
    const id = detached(organisation.id);
    this.slotOf.set(id, slot);
    this.ids.push(id);
    this.sortNames.push(detached(organisation.sortName));
    this.names.add(slot);
    if (slot === this.live.length) {
      const live = new Uint8Array(slot * 2);
      live.set(this.live);
      this.live = live;
    }
    this.live[slot] = 1;
    readSearchVector(organisation.searchVector, (lexeme, rankPart) => {
      let list = this.lexemes.get(lexeme);
      if (!list) {
        const key = detached(lexeme);
        this.lexemes.set(key, (list = new Postings(true)));
        this.unsorted.push(key);
      }
      list.push(slot, rankPart);
    });
    const keys = [
      ...organisation.areaCodes.map(feature.area),
      ...organisation.naceClasses.map(feature.nace),
      ...organisation.conceptCodes.map(feature.concept),
      ...organisation.nameKeys.map(feature.name),
      feature.kind(organisation.kind),
      feature.region(organisation.regionCode),
      feature.sector(organisation.sector),
    ];
    for (const key of new Set(keys)) {
      let list = this.features.get(key);
      if (!list) this.features.set(key, (list = new Postings(false)));
      list.push(slot);
    }
  }

  protected remove(id: string): void {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return;
    this.slotOf.delete(id);
    this.live[slot] = 0;
    this.dead++;
  }

  /** Live slots renumbered from 0, in order; dead ones dropped from every posting. */
  private compact(): void {
    const renumber = new Int32Array(this.ids.length).fill(-1);
    const ids: string[] = [];
    const sortNames: string[] = [];
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (!this.live[slot]) continue;
      renumber[slot] = ids.length;
      this.slotOf.set(this.ids[slot]!, ids.length);
      ids.push(this.ids[slot]!);
      sortNames.push(this.sortNames[slot]!);
    }
    for (const postings of [this.lexemes, this.features]) {
      for (const [key, list] of postings) {
        list.renumber(renumber);
        if (list.length === 0) postings.delete(key);
      }
    }
    this.ids = ids;
    this.sortNames = sortNames;
    this.names.renumber(renumber);
    this.live = new Uint8Array(Math.max(1024, ids.length * 2));
    this.live.fill(1, 0, ids.length);
    this.dead = 0;
    this.sorted = [...this.lexemes.keys()].sort(compare);
    this.unsorted = [];
  }

  /** Lexemes added since the last search join the sorted list: one by one when few, by a sort when many. */
  private sortLexemes(): void {
    if (this.unsorted.length === 0) return;
    if (this.unsorted.length > 1000) this.sorted = [...this.sorted, ...this.unsorted].sort(compare);
    else for (const lexeme of this.unsorted) this.sorted.splice(lowerBound(this.sorted, lexeme), 0, lexeme);
    this.unsorted = [];
  }
}
