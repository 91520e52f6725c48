import type { RegionRow } from '../../repositories/region.repository.js';
import type { OfferStage } from '../../shared/offers.js';
import { type Actor, coordinatedRegions, isAdmin, organisationRole } from '../access.js';

/** What the rules of an offer's visibility read of it. */
export interface OfferForVisibility {
  organisationId: string;
  regionCode: string;
  stage: OfferStage;
  anonymous: boolean;
}

/** The owner's people: any role in the owning organisation. */
export const isOwnersPerson = (actor: Actor | null, offer: OfferForVisibility) => organisationRole(actor, offer.organisationId) !== null;

/** Who reviews it: a coordinator of the owner's region (or of the region above it), or a platform administrator. */
export const canReviewOffer = (actor: Actor | null, offer: OfferForVisibility, regions: RegionRow[]) =>
  isAdmin(actor) || coordinatedRegions(actor, regions).includes(offer.regionCode);

/** Whether the reader sees the offer at all: published ones everyone; the others the owner's people and its reviewers. */
export function canSeeOffer(actor: Actor | null, offer: OfferForVisibility, regions: RegionRow[]): boolean {
  return offer.stage === 'published' || isOwnersPerson(actor, offer) || canReviewOffer(actor, offer, regions);
}

/**
 * Whether the reader is shown who owns the offer. An anonymous offer's organisation is hidden from everyone
 * but its own people, its reviewers, and the organisations whose expression of interest the owner accepted
 * (`revealedTo`: their ids). Every route that answers an offer, or anything that names one (search results,
 * explanations, suggestions, e-mails, exports, threads), asks this one rule.
 */
export function organisationShown(
  actor: Actor | null,
  offer: OfferForVisibility,
  regions: RegionRow[],
  revealedTo: ReadonlySet<string> = new Set(),
): boolean {
  if (!offer.anonymous) return true;
  if (isOwnersPerson(actor, offer) || canReviewOffer(actor, offer, regions)) return true;
  return !!actor?.grants.some((g) => g.organisationId !== null && revealedTo.has(g.organisationId));
}
