import type { IdColumn } from './id-column.js';
import type { OrganisationFilter } from '../../repositories/organisation.repository.js';
import { feature } from '../profile-features.js';
import { firstAtOrAfter, postingsLength, SlotMap, type Postings } from './postings.js';

/** The filters an organisation has one value of (its kind, sector, region): tested by a column, not by postings. */
const SINGLE = [
  ['kinds', feature.kind('')],
  ['sectors', feature.sector('')],
  ['regionCodes', feature.region('')],
] as const satisfies [keyof OrganisationFilter, string][];

/** The filters an organisation may have several values of: tested against the postings of the choices. */
const MULTIPLE = [
  ['areaCodes', feature.area],
  ['naceClasses', feature.nace],
] as const satisfies [keyof OrganisationFilter, (code: string) => string][];

/**
 * Per slot, which value of a single-valued feature it has (kind:, sector:, region:), as a small number:
 * a filter on kind is a lookup per candidate rather than a walk of `kind:enterprise`, which holds 80 % of
 * all organisations. Derived from the features' postings (so a restored snapshot has it too, rebuilt at
 * its first settle), a slot's value is read from the posting that holds it.
 */
export class SlotColumn {
  values = new Uint16Array(0);
  /** The key of each number (0: none). */
  readonly keys: string[] = [''];
  private readonly numbers = new Map<string, number>();

  constructor(readonly prefix: string) {}

  number(key: string): number {
    let n = this.numbers.get(key);
    if (n === undefined) {
      n = this.keys.length;
      this.keys.push(key);
      this.numbers.set(key, n);
    }
    return n;
  }

  /** The numbers of these keys, as a table of allowed numbers (a key no slot has allows none). */
  allowed(keys: string[]): Uint8Array {
    const allowed = new Uint8Array(this.keys.length);
    for (const key of keys) {
      const n = this.numbers.get(key);
      if (n !== undefined) allowed[n] = 1;
    }
    return allowed;
  }
}

/** A filter as tested slot by slot; `cost` is what walking its shortest group would take (its entries). */
export interface SlotFilter {
  passes(slot: number): boolean;
  /** The postings of the group with fewest entries (null without a filter): the candidates to walk. */
  shortest: Postings[] | null;
  /** Whether the shortest group's postings may hold a slot twice (several choices of a multi-valued filter). */
  overlapping: boolean;
}

/**
 * The directory index's filters answered per slot: single-valued ones by columns, multi-valued ones (areas,
 * NACE classes) on the shorter side, by marking the choices' postings when they are fewer than the
 * candidates to test, else by a binary search in each posting. So a filter costs what it is asked about.
 */
export class DirectoryFilters {
  private readonly columns = SINGLE.map(([, prefix]) => new SlotColumn(prefix));
  /** The slots the columns hold, and of which `ids` (a compaction or a restored snapshot gives new ones). */
  private covered = 0;
  private coveredIds: IdColumn | null = null;
  private readonly marks = MULTIPLE.map(() => new SlotMap());
  /** Per column, its features' postings and numbers (kind:…, sector:…, region:…), as the last full settle found them. */
  private readonly own = SINGLE.map((): { n: number; list: Postings }[] => []);

  constructor(private readonly features: Map<string, Postings>) {}

  /**
   * Puts the columns in step with the slots: the new ones read off the features' postings (all after a
   * compaction or a restore). After a few writes only the columns' own features are looked at: every
   * feature (a million names' sound keys at 1M) was walked at each refresh that added a slot, half a second.
   */
  settle(ids: IdColumn): void {
    if (this.coveredIds === ids && this.covered === ids.length) return;
    if (this.coveredIds !== ids) this.covered = 0;
    const from = this.covered;
    for (const column of this.columns) {
      if (column.values.length < ids.length) {
        const values = new Uint16Array(Math.max(1024, ids.length * 2));
        if (from > 0) values.set(column.values.subarray(0, from));
        column.values = values;
      }
    }
    if (from === 0 || !this.settleFromOwn(from, ids.length)) this.settleFromAll(from);
    this.covered = ids.length;
    this.coveredIds = ids;
  }

  /** The new slots' values read off every feature's postings; the columns' own features noted on the way. */
  private settleFromAll(from: number): void {
    for (const own of this.own) own.length = 0;
    for (const [key, list] of this.features) {
      const c = this.columns.findIndex((column) => key.startsWith(column.prefix));
      if (c === -1) continue;
      const column = this.columns[c]!;
      const n = column.number(key);
      this.own[c]!.push({ n, list });
      // postings are in slot order: the new slots are at the end
      for (let i = firstAtOrAfter(list, from); i < list.length; i++) column.values[list.slots[i]!] = n;
    }
  }

  /**
   * The new slots' values read off the columns' own features, as noted by the last full settle. Each slot
   * has one value of each (a kind, a sector, a region), so fewer found than slots added means a value no
   * slot had before, or a posting made anew: false, and every feature is read instead.
   */
  private settleFromOwn(from: number, to: number): boolean {
    for (const [c, column] of this.columns.entries()) {
      let found = 0;
      for (const { n, list } of this.own[c]!) {
        const first = firstAtOrAfter(list, from);
        for (let i = first; i < list.length; i++) column.values[list.slots[i]!] = n;
        found += list.length - first;
      }
      if (found < to - from) return false;
    }
    return true;
  }

  /**
   * The filter as a test per slot, for at most `candidates` slots to test (fewer when its shortest group
   * is shorter: those are then the candidates): a multi-valued filter whose postings are fewer is marked
   * once, else each candidate is looked up in them.
   */
  compile(filter: OrganisationFilter, candidates: number, size: number): SlotFilter {
    const single = SINGLE.flatMap(([field, prefix], i) => {
      const keys = filter[field].map((code) => prefix + code);
      return keys.length === 0 ? [] : [{ column: this.columns[i]!, keys, lists: this.postings(keys) }];
    });
    const multiple = MULTIPLE.flatMap(([field, key], i) => {
      const keys = filter[field].map(key);
      return keys.length === 0 ? [] : [{ marked: this.marks[i]!, lists: this.postings(keys) }];
    });
    const groups = [
      ...single.map((g) => ({ lists: g.lists, overlapping: false })),
      ...multiple.map((g) => ({ lists: g.lists, overlapping: g.lists.length > 1 })),
    ];
    if (groups.length === 0) return { passes: () => true, shortest: null, overlapping: false };
    const { lists: shortest, overlapping } = groups.reduce((a, b) => (postingsLength(b.lists) < postingsLength(a.lists) ? b : a));
    const tested = Math.min(candidates, postingsLength(shortest));
    const tests: ((slot: number) => boolean)[] = single.map(({ column, keys }) => {
      const { values } = column;
      const allowed = column.allowed(keys);
      return (slot) => allowed[values[slot]!] === 1;
    });
    for (const { marked, lists } of multiple) {
      if (postingsLength(lists) <= tested) {
        marked.reset(size);
        for (const list of lists) for (let e = 0; e < list.length; e++) marked.set(list.slots[e]!, 1);
        tests.push((slot) => marked.has(slot));
      } else tests.push((slot) => lists.some((list) => list.has(slot)));
    }
    // asked once per candidate, hundreds of thousands of times a search: the usual one to three tests without a loop
    const [a, b, c] = tests;
    const passes =
      tests.length === 1
        ? a!
        : tests.length === 2
          ? (slot: number) => a!(slot) && b!(slot)
          : tests.length === 3
            ? (slot: number) => a!(slot) && b!(slot) && c!(slot)
            : (slot: number) => tests.every((test) => test(slot));
    return { passes, shortest, overlapping };
  }

  /** The slot's key of the single-valued facet `prefix` (kind:, sector:, region:), or undefined. */
  column(prefix: string): SlotColumn | undefined {
    return this.columns.find((c) => c.prefix === prefix);
  }

  private postings(keys: string[]): Postings[] {
    return keys.flatMap((key) => this.features.get(key) ?? []);
  }
}
