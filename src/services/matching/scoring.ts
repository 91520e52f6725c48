import { ORGANISATION_KINDS, type OrganisationKind } from '../../shared/domain.js';
import { COMPLEMENTARY_OFFER_KINDS, COMPLEMENTARY_ORGANISATION_KINDS, OFFER_KINDS, type OfferKind } from '../../shared/offers.js';
import { productCodeLevels } from '../../shared/product-codes.js';
import { feature } from '../profile-features.js';
import { isSubjectConcept } from './subjects.js';

/**
 * The partner-matching score: one function, documented in docs/matching.md. Each signal adds points; the
 * weights below are the whole of the ranking's tuning. The partner index ranks every candidate with the
 * same weights (matchingWeights → PartnerIndex.best) and scorePair explains the best.
 */
export const WEIGHTS = {
  /** per shared area of cooperation: the partnership's own vocabulary, chosen by the organisation */
  area: 3,
  /** at most, per shared NACE class (declared activity), for a class only this pair has; common ones weigh less (rarity) */
  nace: 2,
  /**
   * at most, per product code the pair shares exactly (what it makes or needs), for a code only this pair has;
   * a shared 4-digit heading or class counts PRODUCT_LEVELS[4], a shared 2-digit chapter or division [2]
   */
  product: 4,
  /** at most, per shared concept, for a concept only this pair has; common concepts weigh less (see conceptWeight) */
  concept: 2,
  /** when the candidate is in a region on the other side of one of the source's partnerships */
  regionPair: 2,
  /** an offer meeting a request of its family (technology offer ↔ technology request, …): what the marketplace is for */
  offerKinds: 3,
  /** an offer or request meeting an organisation of a kind it is made for (a soft-landing request ↔ a technopark) */
  offerForOrganisation: 1.5,
  /** per direction: the offer seeks a partner of the other's kind (its owner's kind, for an offer) */
  partnerSought: 1,
  /** the candidate is inside the source offer's target regions (outside them it is no candidate) */
  targetRegion: 1,
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

/** Whether two kinds of offer complete each other (COMPLEMENTARY_OFFER_KINDS, symmetric). */
export const offerKindsMeet = (a: OfferKind, b: OfferKind) =>
  COMPLEMENTARY_OFFER_KINDS.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** The kinds of offer that complete an offer of this kind: the candidates of its matches. */
export const complementaryOfferKinds = (kind: OfferKind): OfferKind[] => OFFER_KINDS.filter((k) => offerKindsMeet(kind, k));

/**
 * The complementarity of a pair, whichever each side is: two offers by their kinds, an offer and an
 * organisation by the kinds the offer is made for, two organisations by their kinds.
 */
export function pairComplementarity(source: MatchProfile, candidate: MatchProfile): number {
  if (source.offer && candidate.offer) return offerKindsMeet(source.offer.kind, candidate.offer.kind) ? WEIGHTS.offerKinds : 0;
  if (source.offer) return COMPLEMENTARY_ORGANISATION_KINDS[source.offer.kind].includes(candidate.kind) ? WEIGHTS.offerForOrganisation : 0;
  if (candidate.offer)
    return COMPLEMENTARY_ORGANISATION_KINDS[candidate.offer.kind].includes(source.kind) ? WEIGHTS.offerForOrganisation : 0;
  return complementarity(source.kind, candidate.kind);
}

/** Points for the partner sought, each way: the source offer seeks the candidate's kind; the candidate offer the source's. */
export function partnerSought(source: MatchProfile, candidate: MatchProfile): { sourceSeeks: boolean; candidateSeeks: boolean } {
  return {
    sourceSeeks: !!source.offer?.partnerKinds.includes(candidate.kind),
    candidateSeeks: !!candidate.offer?.partnerKinds.includes(source.kind),
  };
}

/** Points at most for a product code shared at each level (digits): exact > same heading or class > same chapter. */
export const PRODUCT_LEVELS: Record<number, number> = { 6: WEIGHTS.product, 5: 3.25, 4: 2.5, 3: 1.75, 2: 1 };
/** Sharing a product code this broad (a 2- or 3-digit level) adds its points but does not make a candidate. */
export const MIN_CANDIDATE_PRODUCT_DIGITS = 4;

/**
 * How rare something is that df of the n published organisations carry: an inverse document frequency
 * scaled to (0, 1], 1 for what one organisation alone carries, near 0 for what nearly all do.
 */
export function rarity(df: number, n: number): number {
  if (n <= 1 || df <= 0) return 1;
  return Math.round((Math.log(1 + n / df) / Math.log(1 + n)) * 1000) / 1000;
}

/**
 * A shared concept's weight from how many published organisations carry it (df) among all of them (n):
 * its rarity scaled to at most WEIGHTS.concept, so "manufacturing" counts for little and "molten metal
 * filtration" for much.
 */
export function conceptWeight(df: number, n: number): number {
  return Math.round(WEIGHTS.concept * rarity(df, n) * 1000) / 1000;
}

const digitsOf = (level: string) => level.slice(level.indexOf(':') + 1).replace(/\./g, '').length;

export interface MatchProfile {
  kind: OrganisationKind;
  regionCode: string;
  areaCodes: string[];
  naceClasses: string[];
  /** Stored product codes ("cpa:23.43.10", "hs:848210"). */
  productCodes?: string[];
  conceptCodes: string[];
  /**
   * Set when the profile is an offer or request (then `kind` is its owner's kind): its kind, the kinds of
   * partner it seeks, and the regions it seeks them in (empty: anywhere).
   */
  offer?: { kind: OfferKind; partnerKinds: OrganisationKind[]; targetRegionCodes: string[] };
}

export interface MatchContext {
  /** Weight of each of the source's concepts (conceptWeight). */
  conceptWeights: Map<string, number>;
  /**
   * Rarity of the source's NACE classes and product code levels, by feature key (`nace:23.44`,
   * `product:hs:8482`: PartnerIndex.rarities); 1 where missing.
   */
  rarity?: Map<string, number>;
  /** Regions on the other side of the source's partnerships. */
  pairedRegions: Set<string>;
  /** A source offer's target regions with their subdivisions: candidates outside are none, inside score. */
  targetRegions?: Set<string>;
}

/** What a candidate scores for each code it shares with the source, for its kind, and for its region. */
export interface MatchingWeights {
  areas: Map<string, number>;
  nace: Map<string, number>;
  /** Product code levels ("hs:8482"): the points sharing that level adds to those of the level above it. */
  products: Map<string, number>;
  /** The product code levels whose sharing makes a candidate (4 digits or more). */
  candidateProducts: string[];
  concepts: Map<string, number>;
  /** Concepts weighing less count in the score, but sharing them does not make a candidate. */
  minCandidateConceptWeight: number;
  /** By the candidate's kind (an offer's owner's kind): complementarity of organisations, partner sought. */
  kinds: Map<OrganisationKind, number>;
  /** By a candidate offer's kind: complementarity of an offer with the source (offers only). */
  offerKinds: Map<OfferKind, number>;
  /** A candidate offer that seeks a partner of the source's kind scores this (offers only). */
  seekingSource: { kind: OrganisationKind; weight: number };
  regionPair: { codes: Set<string>; weight: number };
  targetRegions: { codes: Set<string>; weight: number };
}

/** A profile of each kind, to read pairComplementarity and partnerSought off for one side only. */
const organisationOfKind = (kind: OrganisationKind): MatchProfile => ({
  kind,
  regionCode: '',
  areaCodes: [],
  naceClasses: [],
  conceptCodes: [],
});
const offerOfKind = (kind: OfferKind): MatchProfile => ({
  ...organisationOfKind('enterprise'),
  offer: { kind, partnerKinds: [], targetRegionCodes: [] },
});

/**
 * The weights one source's candidates are ranked with: the same as scorePair's. `candidates` says whether
 * they are organisations or offers (whose `kinds` weigh their owner's kind for the partner sought only).
 */
export function matchingWeights(
  source: MatchProfile,
  context: MatchContext,
  candidates: 'organisations' | 'offers' = 'organisations',
): MatchingWeights {
  const kindWeight = (k: OrganisationKind) => {
    const other = candidates === 'offers' ? { ...offerOfKind('technology_offer'), kind: k } : organisationOfKind(k);
    const complement = candidates === 'offers' ? 0 : pairComplementarity(source, other);
    return complement + (partnerSought(source, other).sourceSeeks ? WEIGHTS.partnerSought : 0);
  };
  return {
    areas: new Map(source.areaCodes.map((c) => [c, WEIGHTS.area])),
    nace: new Map(source.naceClasses.map((c) => [c, naceWeight(c, context)])),
    products: productLevelWeights(source.productCodes ?? [], context),
    candidateProducts: [...new Set((source.productCodes ?? []).flatMap(productCodeLevels))].filter(
      (level) => digitsOf(level) >= MIN_CANDIDATE_PRODUCT_DIGITS,
    ),
    concepts: new Map(source.conceptCodes.filter(isSubjectConcept).map((c) => [c, context.conceptWeights.get(c) ?? WEIGHTS.concept])),
    minCandidateConceptWeight: MIN_CANDIDATE_CONCEPT_WEIGHT,
    kinds: new Map(ORGANISATION_KINDS.map((k) => [k, kindWeight(k)] as const).filter(([, w]) => w > 0)),
    offerKinds: new Map(
      candidates === 'offers'
        ? OFFER_KINDS.map((k) => [k, pairComplementarity(source, offerOfKind(k))] as const).filter(([, w]) => w > 0)
        : [],
    ),
    seekingSource: { kind: source.kind, weight: candidates === 'offers' ? WEIGHTS.partnerSought : 0 },
    regionPair: { codes: context.pairedRegions, weight: WEIGHTS.regionPair },
    targetRegions: { codes: context.targetRegions ?? new Set(), weight: WEIGHTS.targetRegion },
  };
}

const rarityOf = (key: string, context: MatchContext) => context.rarity?.get(key) ?? 1;
const naceWeight = (code: string, context: MatchContext) => Math.round(WEIGHTS.nace * rarityOf(feature.nace(code), context) * 1000) / 1000;
/** The points of a product code shared at this level: its level's points times its rarity. */
const levelPoints = (level: string, context: MatchContext) =>
  (PRODUCT_LEVELS[digitsOf(level)] ?? 0) * rarityOf(feature.product(level), context);

/**
 * Each level of the source's product codes with what sharing it adds to sharing the level above: summed
 * over the levels a pair shares, that gives the points of the narrowest level shared (a level is rarer
 * than the one above it, so nothing is negative). One sum, so the index's vector and scorePair agree.
 */
function productLevelWeights(codes: string[], context: MatchContext): Map<string, number> {
  const weights = new Map<string, number>();
  for (const code of codes) {
    const levels = productCodeLevels(code);
    levels.forEach((level, i) => {
      const above = levels[i + 1];
      const added = levelPoints(level, context) - (above ? levelPoints(above, context) : 0);
      weights.set(level, Math.round(Math.max(0, added) * 1e6) / 1e6);
    });
  }
  return weights;
}

export interface ScoredPair {
  score: number;
  areas: string[];
  nace: string[];
  /** The narrowest product code levels the pair shares, with the points of each level. */
  products: { code: string; weight: number }[];
  concepts: { code: string; weight: number }[];
  complementarity: number;
  regionPair: boolean;
  /** The source offer seeks the candidate's kind; the candidate offer seeks the source's. */
  partnerSought: { sourceSeeks: boolean; candidateSeeks: boolean };
  /** The candidate is inside the source offer's target regions. */
  targetRegion: boolean;
  contributions: {
    areas: number;
    nace: number;
    products: number;
    concepts: number;
    complementarity: number;
    regionPair: number;
    partnerSought: number;
    targetRegion: number;
  };
}

/** The score of a candidate for a source, signal by signal: what the ranking computed, explained. */
export function scorePair(source: MatchProfile, candidate: MatchProfile, context: MatchContext): ScoredPair {
  const shared = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
  const areas = shared(source.areaCodes, candidate.areaCodes);
  const nace = shared(source.naceClasses, candidate.naceClasses);
  const productWeights = productLevelWeights(source.productCodes ?? [], context);
  const candidateLevels = new Set((candidate.productCodes ?? []).flatMap(productCodeLevels));
  const sharedLevels = [...productWeights.keys()].filter((level) => candidateLevels.has(level));
  const products = sharedLevels
    .filter((level) => !sharedLevels.some((other) => other !== level && productCodeLevels(other).includes(level)))
    .map((code) => ({ code, weight: Math.round(levelPoints(code, context) * 1000) / 1000 }))
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  const concepts = shared(source.conceptCodes.filter(isSubjectConcept), candidate.conceptCodes)
    .map((code) => ({ code, weight: context.conceptWeights.get(code) ?? WEIGHTS.concept }))
    .sort((a, b) => b.weight - a.weight || a.code.localeCompare(b.code));
  const regionPair = context.pairedRegions.has(candidate.regionCode);
  const sought = partnerSought(source, candidate);
  const targetRegion = !!context.targetRegions?.has(candidate.regionCode);
  const contributions = {
    areas: areas.length * WEIGHTS.area,
    nace: nace.reduce((sum, c) => sum + naceWeight(c, context), 0),
    products: sharedLevels.reduce((sum, level) => sum + productWeights.get(level)!, 0),
    concepts: concepts.reduce((sum, c) => sum + c.weight, 0),
    complementarity: pairComplementarity(source, candidate),
    regionPair: regionPair ? WEIGHTS.regionPair : 0,
    partnerSought: (sought.sourceSeeks ? WEIGHTS.partnerSought : 0) + (sought.candidateSeeks ? WEIGHTS.partnerSought : 0),
    targetRegion: targetRegion ? WEIGHTS.targetRegion : 0,
  };
  const score = Object.values(contributions).reduce((a, b) => a + b, 0);
  return {
    score,
    areas,
    nace,
    products,
    concepts,
    complementarity: contributions.complementarity,
    regionPair,
    partnerSought: sought,
    targetRegion,
    contributions,
  };
}
