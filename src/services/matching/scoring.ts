import { ORGANISATION_KINDS, type OrganisationKind } from '../../shared/domain.js';
import { isSubjectConcept } from './subjects.js';

/**
 * The partner-matching score: one function, documented in docs/matching.md. Each signal adds points; the
 * weights below are the whole of the ranking's tuning. The partner index ranks every candidate with the
 * same weights (matchingWeights → PartnerIndex.best) and scorePair explains the best.
 */
export const WEIGHTS = {
  /** per shared area of cooperation: the partnership's own vocabulary, chosen by the organisation */
  area: 3,
  /** per shared NACE class: declared activity */
  nace: 2,
  /** at most, per shared concept, for a concept only this pair has; common concepts weigh less (see conceptWeight) */
  concept: 2,
  /** when the candidate is in a region on the other side of one of the source's partnerships */
  regionPair: 2,
} as const;

/**
 * A concept this common (carried by about one organisation in ten or more, on a large platform) still adds
 * its few points, but does not by itself make an organisation a candidate: it says little about fit.
 */
export const MIN_CANDIDATE_CONCEPT_WEIGHT = 0.4;

/** A company and a university or a technopark complete each other more than two of a kind. Symmetric. */
const COMPLEMENTARITY: [OrganisationKind, OrganisationKind, number][] = [
  ['enterprise', 'university', 1.5],
  ['enterprise', 'research_institute', 1.5],
  ['enterprise', 'technopark', 1],
  ['enterprise', 'development_agency', 0.5],
  ['enterprise', 'cluster_organisation', 0.5],
  ['university', 'research_institute', 1],
  ['university', 'technopark', 0.5],
  ['research_institute', 'technopark', 0.5],
];

export function complementarity(a: OrganisationKind, b: OrganisationKind): number {
  return COMPLEMENTARITY.find(([x, y]) => (x === a && y === b) || (x === b && y === a))?.[2] ?? 0;
}

/**
 * A shared concept's weight from how many published organisations carry it (df) among all of them (n):
 * an inverse document frequency scaled to at most WEIGHTS.concept, so "manufacturing" counts for little
 * and "molten metal filtration" for much.
 */
export function conceptWeight(df: number, n: number): number {
  if (n <= 1 || df <= 0) return WEIGHTS.concept;
  return Math.round(((WEIGHTS.concept * Math.log(1 + n / df)) / Math.log(1 + n)) * 1000) / 1000;
}

export interface MatchProfile {
  kind: OrganisationKind;
  regionCode: string;
  areaCodes: string[];
  naceClasses: string[];
  conceptCodes: string[];
}

export interface MatchContext {
  /** Weight of each of the source's concepts (conceptWeight). */
  conceptWeights: Map<string, number>;
  /** Regions on the other side of the source's partnerships. */
  pairedRegions: Set<string>;
}

/** What a candidate scores for each code it shares with the source, for its kind, and for its region. */
export interface MatchingWeights {
  areas: Map<string, number>;
  nace: Map<string, number>;
  concepts: Map<string, number>;
  /** Concepts weighing less count in the score, but sharing them does not make a candidate. */
  minCandidateConceptWeight: number;
  kinds: Map<OrganisationKind, number>;
  regionPair: { codes: Set<string>; weight: number };
}

/** The weights one source's candidates are ranked with: the same as scorePair's. */
export function matchingWeights(source: MatchProfile, context: MatchContext): MatchingWeights {
  return {
    areas: new Map(source.areaCodes.map((c) => [c, WEIGHTS.area])),
    nace: new Map(source.naceClasses.map((c) => [c, WEIGHTS.nace])),
    concepts: new Map(source.conceptCodes.filter(isSubjectConcept).map((c) => [c, context.conceptWeights.get(c) ?? WEIGHTS.concept])),
    minCandidateConceptWeight: MIN_CANDIDATE_CONCEPT_WEIGHT,
    kinds: new Map(ORGANISATION_KINDS.map((k) => [k, complementarity(source.kind, k)] as const).filter(([, w]) => w > 0)),
    regionPair: { codes: context.pairedRegions, weight: WEIGHTS.regionPair },
  };
}

export interface ScoredPair {
  score: number;
  areas: string[];
  nace: string[];
  concepts: { code: string; weight: number }[];
  complementarity: number;
  regionPair: boolean;
  contributions: { areas: number; nace: number; concepts: number; complementarity: number; regionPair: number };
}

/** The score of a candidate for a source, signal by signal: what the ranking computed, explained. */
export function scorePair(source: MatchProfile, candidate: MatchProfile, context: MatchContext): ScoredPair {
  const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
  const areas = shared(source.areaCodes, candidate.areaCodes);
  const nace = shared(source.naceClasses, candidate.naceClasses);
  const concepts = shared(source.conceptCodes.filter(isSubjectConcept), candidate.conceptCodes)
    .map((code) => ({ code, weight: context.conceptWeights.get(code) ?? WEIGHTS.concept }))
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  const regionPair = context.pairedRegions.has(candidate.regionCode);
  const contributions = {
    areas: areas.length * WEIGHTS.area,
    nace: nace.length * WEIGHTS.nace,
    concepts: concepts.reduce((sum, c) => sum + c.weight, 0),
    complementarity: complementarity(source.kind, candidate.kind),
    regionPair: regionPair ? WEIGHTS.regionPair : 0,
  };
  const score = Object.values(contributions).reduce((a, b) => a + b, 0);
  return { score, areas, nace, concepts, complementarity: contributions.complementarity, regionPair, contributions };
}
