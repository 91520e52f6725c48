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
 * its list of most weight per entry: short heavy lists (a rare product, a rare class) before a long one (an
 * area a tenth of the platform shares), and the lists of kinds that add nothing (a company's fellow
 * companies) are often never walked at all.
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
  const queues: CandidateList[][] = kindWeights.map(() => []);
  const bound = kindWeights.map((w) => Math.max(0, w));
  const order = lists
    .filter((list) => list.length > 0)
    .map((list) => ({ ...list, weight: Math.max(0, list.weight) }))
    .sort((a, b) => b.weight / b.length - a.weight / a.length || b.weight - a.weight);
  for (const list of order) {
    queues[list.kind]!.push(list);
    bound[list.kind]! += list.weight;
  }
  const next = kindWeights.map(() => 0);
  const { ids, sortNames, live, start, count, buffer, seen } = columns;
  const best: RankedCandidate[] = [];
  for (;;) {
    // the kind with lists left whose unseen candidates could score the most
    let kind = -1;
    for (let k = 0; k < queues.length; k++) if (next[k]! < queues[k]!.length && (kind < 0 || bound[k]! > bound[kind]!)) kind = k;
    if (kind < 0) break;
    if (best.length === limit && bound[kind]! + rest.codes + rest.region + MARGIN < best[limit - 1]!.score) break;
    // what this list's unseen candidates could score but for their region, which each one's slot tells
    const within = bound[kind]! + rest.codes;
    const list = queues[kind]![next[kind]!++]!;
    bound[kind]! -= list.weight;
    const { entries, length } = list;
    for (let e = 0; e < length; e++) {
      const slot = entries[e]!;
      if (seen[slot] === walk) continue;
      // marked even when it cannot take a place: its bound only falls in its kind's later lists
      seen[slot] = walk;
      const region = buffer[start[slot]! + count[slot]! - 2]!;
      if (best.length === limit && within + Math.max(0, vector[region]!) + MARGIN < best[limit - 1]!.score) continue;
      // a posting keeps a slot after its organisation was rewritten or unpublished, until the next compaction
      if (!live[slot] || !passes(slot)) continue;
      let sum = 0;
      for (let i = start[slot]!, end = i + count[slot]!; i < end; i++) sum += vector[buffer[i]!]!;
      // rounded, so that equal scores summed in another order tie (and the name decides)
      const score = Math.round(sum * 1e6) / 1e6;
      // insertion into a short sorted list: most candidates fall below the last place and stop there
      let at = best.length;
      while (at > 0 && before(score, sortNames[slot]!, ids[slot]!, best[at - 1]!)) at--;
      if (at === limit) continue;
      best.splice(at, 0, { id: ids[slot]!, score, sortName: sortNames[slot]! });
      if (best.length > limit) best.pop();
    }
  }
  return best;
}

/** Higher score first, then by name, then by id: the order suggestions are shown in. */
export function before(score: number, sortName: string, id: string, b: RankedCandidate): boolean {
  if (score !== b.score) return score > b.score;
  if (sortName !== b.sortName) return sortName < b.sortName;
  return id < b.id;
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
