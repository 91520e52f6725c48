import type { InterestOfferRow, InterestRow } from '../../repositories/offers/offer-interest.repository.js';
import type { RegionRow } from '../../repositories/region.repository.js';
import { type Actor, isAdmin, organisationRole } from '../access.js';
import { canReviewOffer, isOwnersPerson, type OfferForVisibility } from '../offers/offer-visibility.js';

/** The organisations the actor holds a role in (any role). */
export const organisationIdsOf = (actor: Actor | null) =>
  new Set(actor?.grants.flatMap((g) => (g.organisationId ? [g.organisationId] : [])) ?? []);

/** Which side of an interest the reader is on: the offer's owner, the interested organisation, staff, or none. */
export function sideOf(
  actor: Actor | null,
  interest: Pick<InterestRow, 'organisationId'>,
  offer: OfferForVisibility,
  regions: RegionRow[],
): 'owner' | 'interested' | 'staff' | null {
  if (isOwnersPerson(actor, offer)) return 'owner';
  if (organisationRole(actor, interest.organisationId) !== null) return 'interested';
  if (isAdmin(actor) || canReviewOffer(actor, offer, regions)) return 'staff';
  return null;
}

/** Who accepts, declines and records the outcome: the owner's administrators and editors. */
export function canDecide(actor: Actor | null, offer: Pick<InterestOfferRow, 'organisationId'>): boolean {
  const role = organisationRole(actor, offer.organisationId);
  return role === 'org_admin' || role === 'org_editor';
}

/** Who withdraws: anyone of the interested organisation, while the owner has not decided. */
export const canWithdraw = (actor: Actor | null, interest: Pick<InterestRow, 'organisationId' | 'state'>) =>
  interest.state === 'pending' && organisationRole(actor, interest.organisationId) !== null;

/** An offer takes interests while published and not past its expiry day (even before the expiry job has run). */
export const isOpen = (offer: Pick<InterestOfferRow, 'stage' | 'expiresOn'>, today: string) =>
  offer.stage === 'published' && offer.expiresOn >= today;
