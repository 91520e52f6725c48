/** Strings in code-unit order, as `<` compares them. */
export const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The first place in a sorted list whose value is not before `value`. */
export function lowerBound(sorted: string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Two slots by a key each (a name's sort key, a title's), as `<` compares strings: negative when a's comes first. */
export type SlotNameOrder = (a: number, b: number) => number;

/** Slots ordered by a string key per slot. */
export const byKey =
  (key: (slot: number) => string): SlotNameOrder =>
  (a, b) =>
    compare(key(a), key(b));

/**
 * The first `count` matches (indexes into `slots`) by rank, then by the reader's name key, then by id: the order results
 * are shown in. Most matches fall below the last place of a short list and stop there; a one-word query ties
 * tens of thousands at that place, which the names then decide (compared undecoded: SortKeyColumn.compare).
 */
export function topOrder(slots: number[], rank: Float64Array, names: SlotNameOrder, ids: SlotIdOrder, count: number): number[] {
  const before = (a: number, b: number) => {
    if (rank[a] !== rank[b]) return rank[a]! > rank[b]!;
    const byName = names(slots[a]!, slots[b]!);
    if (byName !== 0) return byName < 0;
    return ids.before(slots[a]!, slots[b]!);
  };
  if (count >= slots.length / 8) return [...slots.keys()].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, count);
  const best: number[] = [];
  for (let i = 0; i < slots.length; i++) {
    // below the last place of a full list: most matches stop here
    if (best.length === count && !before(i, best[count - 1]!)) continue;
    // its place by halving (a deep page's list has hundreds of places: walking them cost 1.7 s a 5 s load)
    let low = 0;
    let high = best.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (before(best[mid]!, i)) low = mid + 1;
      else high = mid;
    }
    best.splice(low, 0, i);
    if (best.length > count) best.pop();
  }
  return best;
}

/** Whether slot a's id comes before slot b's: what breaks the last ties (IdColumn, or idOrder). */
export interface SlotIdOrder {
  before(a: number, b: number): boolean;
}

/** The order of ids held as strings by slot, as `<` compares them. */
export const idOrder = (ids: readonly string[]): SlotIdOrder => ({ before: (a, b) => ids[a]! < ids[b]! });
