import type { InterestOfferRow, InterestRow } from '../repositories/offers/offer-interest.repository.js';
import type { OrganisationRow } from '../repositories/organisation.repository.js';
import type { Interest } from '../shared/schemas/offer-interest.js';
import { presentPublicContact } from './organisation.presenter.js';

/** What an interest is presented with, read by the service for the reader. */
export interface InterestContext {
  offer: InterestOfferRow;
  interested: OrganisationRow;
  owner: OrganisationRow;
  side: 'owner' | 'interested' | 'staff';
  /** Whether the reader is shown the offer's owner (offer-visibility.ts organisationShown). */
  ownerShown: boolean;
  /** Whether the reader may see e-mail and phone of a public contact (access.ts canSeeContacts). */
  contactDetails: boolean;
  authorName: string | null;
  agreement: { id: string; slug: string; title: Interest['offer']['title'] } | null;
  can: Interest['can'];
}

/**
 * Contacts are exchanged on accept only: before, each side sees who the other is (the owner, unless
 * anonymous) but not how to reach them outside the platform.
 */
function organisationRef(org: OrganisationRow, accepted: boolean, details: boolean): NonNullable<Interest['owner']> {
  return {
    slug: org.slug,
    name: org.name,
    regionCode: org.regionCode,
    kind: org.kind,
    website: org.website ?? null,
    contact: accepted ? presentPublicContact(org.publicContact ?? null, details) : null,
  };
}

export function presentInterest(row: InterestRow, context: InterestContext): Interest {
  const accepted = row.state === 'accepted';
  const { offer, ownerShown } = context;
  return {
    id: row.id,
    offer: {
      id: offer.id,
      slug: offer.slug,
      kind: offer.kind,
      title: offer.title,
      anonymous: offer.anonymous,
      stage: offer.stage,
      regionCode: offer.regionCode,
      expiresOn: offer.expiresOn,
      organisation: ownerShown ? { slug: context.owner.slug, name: context.owner.name } : null,
    },
    state: row.state,
    side: context.side,
    interested: organisationRef(context.interested, accepted, context.contactDetails),
    owner: ownerShown ? organisationRef(context.owner, accepted, context.contactDetails) : null,
    author: context.authorName,
    message: row.message,
    answers: row.answers,
    language: row.language,
    declineReason: row.declineReason ?? null,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    threadId: row.threadId ?? null,
    agreement: context.agreement,
    outcomeAt: row.outcomeAt?.toISOString() ?? null,
    can: context.can,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
