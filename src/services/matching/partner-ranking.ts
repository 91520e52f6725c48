import type { OrganisationKind, Sector } from '../../shared/domain.js';
import { feature } from '../profile-features.js';
import type { Postings } from '../search/postings.js';
import type { PartnerContent } from './partner-snapshot.js';
import type { MatchingWeights } from './scoring.js';

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

/** A filter that lets every candidate of the source through, but for what `values` set. */
export function candidateFilter(sourceId: string, values: Partial<CandidateFilter> = {}): CandidateFilter {
  return { sourceId, regionCodes: [], excludedRegionCodes: [], kinds: [], sectors: [], areaCodes: [], dismissed: new Set(), ...values };
}

export interface RankedCandidate {
  id: string;
  score: number;
  sortName: string;
}

/**
 * One feature's carriers of one kind (a posting's slots, in slot order), what sharing that feature adds to a
 * score, and the kind (its place in ORGANISATION_KINDS).
 */
export interface CandidateList {
  entries: Int32Array;
  length: number;
  weight: number;
  kind: number;
}

/** The partner index's columns the ranking reads: per slot, its features in `buffer` and its name. */
export interface RankingColumns extends Pick<PartnerContent, 'ids' | 'sortNames' | 'live' | 'start' | 'count' | 'buffer'> {
  /** Stamps "seen in this walk" (`walk`): a slot in several lists is weighed once. */
  seen: Uint32Array;
  /** Whether slot a comes before slot b by name, then id (partner-name-order.ts). */
  nameBefore: (a: number, b: number) => boolean;
}

/**
 * More than a score's rounding (1e-6) and the float error of summing a few weights in another order: a
 * bound this far below the last place is below any score an unseen candidate could be rounded to.
 */
const MARGIN = 1e-6;

/**
 * The best `limit` candidates by score, then name, then id: exactly those a walk of every list would find,
 * without walking every list. Postings are kept per feature and kind, so a candidate of kind k that no list
 * walked so far holds scores at most: the weights of kind k's lists still to walk, plus what kind k adds
 * (`kindWeights`), plus `rest` (the most the features that make no candidate can add: light concepts and
 * broad product levels, `codes`, and the heaviest region). Once that bound is below the last place's score
 * for every kind, no candidate left can take a place, not even by name, and the walk stops (docs/matching.md,
 * "The bound"). Within a list, a candidate whose bound with its own region is below the last place is passed
 * over unweighed: a company far from any paired region, for a company.
 *
 * The walk takes the kind whose bound is highest (it has to come down before the walk can stop) and walks
 * the list of it that nextList picks: short heavy lists (a rare product, a rare class) before a long one (an
 * area a tenth of the platform shares), a shorter one when it is enough to end the walk, and the lists of
 * kinds that add nothing (a company's fellow companies) are often never walked at all. Places are ordered
 * by score, then name, then id; equal scores are common (on the synthetic million, nearly every candidate
 * weighed ties with the last place), so names are compared by the slots' places (`nameBefore`).
 */
export function rankWithBound(
  columns: RankingColumns,
  vector: Float64Array,
  lists: CandidateList[],
  kindWeights: number[],
  rest: { codes: number; region: number },
  passes: (slot: number) => boolean,
  walk: number,
  limit: number,
): RankedCandidate[] {
  if (limit <= 0) return [];
  // per kind, its lists not walked yet; its bound: what it adds and what they add
  const left: CandidateList[][] = kindWeights.map(() => []);
  const bound = kindWeights.map((w) => Math.max(0, w));
  for (const list of lists) {
    if (list.length === 0) continue;
    const weight = Math.max(0, list.weight);
    left[list.kind]!.push({ ...list, weight });
    bound[list.kind]! += weight;
  }
  const { ids, sortNames, live, start, count, buffer, seen, nameBefore } = columns;
  const best: RankedCandidate[] = [];
  // the places' slots, for their order by name
  const bestSlots: number[] = [];
  // the last place's score once every place is taken: a candidate below it takes none
  let floor = -Infinity;
  for (;;) {
    // the kind with lists left whose unseen candidates could score the most
    let kind = -1;
    for (let k = 0; k < left.length; k++) if (left[k]!.length > 0 && (kind < 0 || bound[k]! > bound[kind]!)) kind = k;
    if (kind < 0) break;
    if (bound[kind]! + rest.codes + rest.region + MARGIN < floor) break;
    // what this list's unseen candidates could score but for their region, which each one's slot tells
    const within = bound[kind]! + rest.codes;
    const lists = left[kind]!;
    const list = lists.splice(nextList(lists, bound[kind]! + rest.codes + rest.region + MARGIN - floor, best.length < limit), 1)[0]!;
    bound[kind]! -= list.weight;
    const { entries, length } = list;
    for (let e = 0; e < length; e++) {
      const slot = entries[e]!;
      if (seen[slot] === walk) continue;
      // marked even when it cannot take a place: its bound only falls in its kind's later lists
      seen[slot] = walk;
      const from = start[slot]!;
      const end = from + count[slot]!;
      if (within + Math.max(0, vector[buffer[end - 2]!]!) + MARGIN < floor) continue;
      // a posting keeps a slot after its organisation was rewritten or unpublished, until the next compaction
      if (!live[slot] || !passes(slot)) continue;
      let sum = 0;
      for (let i = from; i < end; i++) sum += vector[buffer[i]!]!;
      // rounded, so that equal scores summed in another order tie (and the name decides)
      const score = Math.round(sum * 1e6) / 1e6;
      if (score < floor) continue;
      // insertion into a short sorted list: most candidates fall below the last place and stop there
      let at = best.length;
      while (at > 0 && (score !== best[at - 1]!.score ? score > best[at - 1]!.score : nameBefore(slot, bestSlots[at - 1]!))) at--;
      if (at === limit) continue;
      best.splice(at, 0, { id: ids.get(slot), score, sortName: sortNames[slot]! });
      bestSlots.splice(at, 0, slot);
      if (best.length > limit) {
        best.pop();
        bestSlots.pop();
      }
      if (best.length === limit) floor = best[limit - 1]!.score;
    }
  }
  return best;
}

/**
 * Which of a kind's lists to walk next (its place in `lists`). Any order finds the same best; the order
 * decides how many candidates are weighed, each a read of its features from memory (tens of nanoseconds).
 * While places are free, the shortest: the cheapest way to a last place whose score prunes. Then the
 * shortest of those whose weight alone is more than `excess` (how far the kind's bound is above the last
 * place), since walking it ends the kind's walk: a concept a third of the companies carry before an area
 * twice as many share, when either is enough. Else the one of most weight per entry, which brings the
 * bound down the most for the candidates weighed (short heavy lists, a rare product or class, first).
 */
export function nextList(lists: readonly CandidateList[], excess: number, placesFree: boolean): number {
  let pick = -1;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    if (!placesFree && list.weight <= excess) continue;
    if (pick < 0 || list.length < lists[pick]!.length || (list.length === lists[pick]!.length && list.weight > lists[pick]!.weight)) pick = i;
  }
  if (pick >= 0) return pick;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i]!;
    const chosen = lists[pick]!;
    if (pick < 0 || list.weight / list.length > chosen.weight / chosen.length || (list.weight / list.length === chosen.weight / chosen.length && list.weight > chosen.weight)) pick = i;
  }
  return pick;
}

/**
 * `a < b`'s order (UTF-16 code units, a prefix first) as -1, 0 or 1, compared a unit at a time. The index's
 * names are slices of the one string a snapshot's section was read as, and the engine compares two such
 * slices with `<` through a call out of compiled code: a few hundred nanoseconds, where on a platform of
 * generated names most candidates tie with the last place on score (a million names, tens of thousands
 * compared in one suggestion). Names mostly differ within their first dozen units.
 */
export function compareCodeUnits(a: string, b: string): number {
  const common = Math.min(a.length, b.length);
  for (let i = 0; i < common; i++) {
    const d = a.charCodeAt(i) - b.charCodeAt(i);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A feature's number in the index, if any organisation ever had it. */
type FeatureNumber = (key: string) => number | undefined;

/**
 * The weights as a vector over feature numbers (a candidate's score is the sum over its features), the
 * lists of those that make a candidate (areas, NACE classes, product codes to 4 digits or more, concepts
 * weighing enough), one per kind, what each kind adds, and `rest`: the most that the other features can add
 * to a candidate's score, as rankWithBound bounds them. Every feature is a plain sum per feature, so `rest`
 * is the sum of the other scored codes' weights plus the heaviest region (a candidate has one region).
 */
export function weighed(
  weights: MatchingWeights,
  numberOf: FeatureNumber,
  features: number,
  postings: (Postings | undefined)[],
  kinds: readonly OrganisationKind[],
): { vector: Float64Array; lists: CandidateList[]; kindWeights: number[]; rest: { codes: number; region: number } } {
  const vector = new Float64Array(features);
  // added, not set: a region may be both on the other side of a partnership and among an offer's targets
  const weigh = (key: string, w: number) => {
    const f = numberOf(key);
    if (f !== undefined) vector[f]! += w;
    return f;
  };
  const codes = new Set<number>();
  const code = (key: string, w: number) => {
    const f = weigh(key, w);
    if (f !== undefined) codes.add(f);
  };
  for (const [c, w] of weights.areas) code(feature.area(c), w);
  for (const [c, w] of weights.nace) code(feature.nace(c), w);
  for (const [c, w] of weights.products) code(feature.product(c), w);
  for (const [c, w] of weights.concepts) code(feature.concept(c), w);
  for (const [kind, w] of weights.kinds) weigh(feature.kind(kind), w);
  const regions = [...weights.regionPair.codes, ...weights.targetRegions.codes].map((c) => numberOf(feature.region(c)));
  for (const c of weights.regionPair.codes) weigh(feature.region(c), weights.regionPair.weight);
  for (const c of weights.targetRegions.codes) weigh(feature.region(c), weights.targetRegions.weight);

  const listed = new Set([
    ...[...weights.areas.keys()].map((c) => numberOf(feature.area(c))),
    ...[...weights.nace.keys()].map((c) => numberOf(feature.nace(c))),
    ...weights.candidateProducts.map((c) => numberOf(feature.product(c))),
    ...[...weights.concepts].filter(([, w]) => w >= weights.minCandidateConceptWeight).map(([c]) => numberOf(feature.concept(c))),
  ]);
  const lists: CandidateList[] = [];
  for (const f of listed) {
    if (f === undefined) continue;
    kinds.forEach((_, kind) => {
      const list = postings[f * kinds.length + kind];
      if (list) lists.push({ entries: list.slots, length: list.length, weight: vector[f]!, kind });
    });
  }
  const weightOf = (f: number | undefined) => (f === undefined ? 0 : vector[f]!);
  const kindWeights = kinds.map((kind) => weightOf(numberOf(feature.kind(kind))));
  const rest = { codes: 0, region: regions.reduce<number>((most, f) => Math.max(most, weightOf(f)), 0) };
  for (const f of codes) if (!listed.has(f)) rest.codes += Math.max(0, vector[f]!);
  return { vector, lists, kindWeights, rest };
}

/** The filter as flags over feature numbers and slots, tested on a slot's kind, region and sector. */
export function candidateTest(
  filter: CandidateFilter,
  numberOf: FeatureNumber,
  features: number,
  { buffer, start, count }: Pick<RankingColumns, 'buffer' | 'start' | 'count'>,
): (slot: number) => boolean {
  const flags = (keys: string[]) => {
    const set = new Uint8Array(features);
    for (const key of keys) {
      const f = numberOf(key);
      if (f !== undefined) set[f] = 1;
    }
    return set;
  };
  const regions = filter.regionCodes.length > 0 ? flags(filter.regionCodes.map(feature.region)) : null;
  const excluded = flags(filter.excludedRegionCodes.map(feature.region));
  const kinds = filter.kinds.length > 0 ? flags(filter.kinds.map(feature.kind)) : null;
  const sectors = filter.sectors.length > 0 ? flags(filter.sectors.map(feature.sector)) : null;
  const areas = filter.areaCodes.length > 0 ? flags(filter.areaCodes.map(feature.area)) : null;
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
