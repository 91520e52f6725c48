import type { offers } from '../db/schema/index.js';
import type { OrganisationKind } from '../shared/domain.js';
import { OFFER_KINDS, type OfferKind } from '../shared/offers.js';

/** What a synthetic offer is made from: one published organisation of the synthetic set. */
export interface SyntheticOwner {
  id: string;
  kind: OrganisationKind;
  regionCode: string;
  areaCodes: string[];
  naceClasses: string[];
  conceptCodes: string[];
}

// regions partners are sought in, when an offer seeks them somewhere (most seek anywhere)
const TARGETS = [['FR-NAQ'], ['RU-KLU'], ['FR-87', 'FR-19', 'FR-23'], ['DE-BY'], ['RU']];
const PARTNER_KINDS: OrganisationKind[] = ['enterprise', 'university', 'research_institute', 'technopark'];

/** A small deterministic random source (the same seed, the same set). */
function random(seed: number) {
  let s = seed;
  return () => (s = (Math.imul(s, 1103515245) + 12345) & 0x7fffffff) / 0x80000000;
}

/**
 * Synthetic published offers and requests for the matching benchmark, each made of its owner's codes
 * (areas, NACE classes and a part of its concepts: an offer says what its organisation does), of every
 * kind, a fifth with target regions. Written straight as rows: tagging 300,000 texts is the search
 * benchmark's matter, not matching's.
 */
export function* syntheticOfferRows(
  count: number,
  owners: SyntheticOwner[],
  today: string,
  seed = 13,
): Generator<typeof offers.$inferInsert> {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const some = <T>(xs: readonly T[], p: number) => xs.filter(() => rnd() < p);
  const expires = new Date(Date.parse(today) + 365 * 86_400_000).toISOString().slice(0, 10);
  for (let i = 0; i < count; i++) {
    const owner = pick(owners);
    const kind: OfferKind = pick(OFFER_KINDS);
    yield {
      slug: `synthetic-offer-${i}`,
      kind,
      organisationId: owner.id,
      regionCode: owner.regionCode,
      title: { original: 'en', en: `Synthetic ${kind.replace(/_/g, ' ')} ${i}` },
      areaCodes: owner.areaCodes.slice(0, 2),
      naceCodes: owner.naceClasses.slice(0, 2),
      conceptCodes: some(owner.conceptCodes, 0.6),
      partnerKinds: some(PARTNER_KINDS, 0.2),
      targetRegionCodes: rnd() < 0.2 ? pick(TARGETS) : [],
      expiresOn: expires,
      stage: 'published',
      publishedAt: new Date(),
      source: 'synthetic',
    };
  }
}
