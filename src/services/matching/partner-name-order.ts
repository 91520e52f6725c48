import { compareCodeUnits } from './partner-ranking.js';
import { IdColumn } from '../search/id-column.js';

/**
 * The slots' places in the order suggestions break ties in (by name), as integers: the ranking
 * compares two candidates of equal score by their places rather than by their names. On a platform where
 * most candidates tie with the last place on score, a suggestion compares tens of thousands of names, each
 * a few hundred nanoseconds of reading strings scattered over the heap, where two places are one read of
 * an array walked in slot order.
 *
 * Slots are only appended between compactions and a slot's name never changes, so the places stay right
 * for the slots they were made for (`ranked`): a slot added since has none, and is compared by its name
 * (`NameOrder.before`). They are made again when the slots were renumbered (a compaction replaces the
 * columns) or when more than an eighth of the slots have none.
 */
export class NameOrder {
  private places = new Int32Array(0);
  /** The slots below this have a place. */
  private ranked = 0;
  private madeFor: IdColumn | null = null;
  private ids: IdColumn = new IdColumn(0);
  private sortNames: readonly string[] = [];

  /** Up to date for these columns (made again when needed): under a second for a million slots. */
  over(ids: IdColumn, sortNames: readonly string[]): this {
    this.ids = ids;
    this.sortNames = sortNames;
    if (this.madeFor !== ids || ids.length - this.ranked > this.ranked / 8) this.make();
    return this;
  }

  /** Whether slot a comes before slot b by name, then id. */
  before(a: number, b: number): boolean {
    if (a < this.ranked && b < this.ranked && this.places[a] !== this.places[b]) return this.places[a]! < this.places[b]!;
    const byName = compareCodeUnits(this.sortNames[a]!, this.sortNames[b]!);
    return byName !== 0 ? byName < 0 : this.ids.before(a, b);
  }

  /**
   * Each slot's place is its name's among the distinct names (organisations of one name share it, and their
   * ids decide): the engine's own sort of the distinct names (tens of thousands on the synthetic million),
   * not a sort of a million slots by a comparison in script, which takes seconds.
   */
  private make(): void {
    const { ids, sortNames } = this;
    const names = [...new Set(sortNames)].sort();
    const placeOf = new Map(names.map((name, place) => [name, place]));
    const places = new Int32Array(ids.length);
    for (let slot = 0; slot < ids.length; slot++) places[slot] = placeOf.get(sortNames[slot]!)!;
    this.places = places;
    this.ranked = ids.length;
    this.madeFor = ids;
  }
}
