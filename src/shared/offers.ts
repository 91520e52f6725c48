/**
 * The marketplace's vocabulary: kinds of cooperation offer and request, their lifecycle, what a partner is
 * sought for, and expressions of interest. Shared by the server, the web app and the CLI. The lists follow
 * the partnering profiles cluster managers know (the Enterprise Europe Network's), so an imported profile
 * keeps its meaning.
 */
import type { OrganisationKind } from './domain.js';

export const OFFER_KINDS = [
  'technology_offer',
  'technology_request',
  'business_offer',
  'business_request',
  'rd_partner_search',
  'soft_landing_request',
] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];

/** Whether a kind offers something or asks for it: an offer meets a request of its own family. */
export const OFFER_SIDE: Record<OfferKind, 'offer' | 'request'> = {
  technology_offer: 'offer',
  technology_request: 'request',
  business_offer: 'offer',
  business_request: 'request',
  rd_partner_search: 'request',
  soft_landing_request: 'request',
};

/**
 * Kinds that complete each other, as pairs of offers and requests (symmetric): a technology offer meets a
 * technology request; two research partner searches meet each other (each seeks what the other is).
 */
export const COMPLEMENTARY_OFFER_KINDS: readonly [OfferKind, OfferKind][] = [
  ['technology_offer', 'technology_request'],
  ['business_offer', 'business_request'],
  ['rd_partner_search', 'rd_partner_search'],
];

/**
 * Kinds of organisation an offer or request of a kind is made for, beyond offers and requests: a
 * technology offer for a company that needs it, a soft-landing request for a technopark that hosts.
 */
export const COMPLEMENTARY_ORGANISATION_KINDS: Record<OfferKind, readonly OrganisationKind[]> = {
  technology_offer: ['enterprise'],
  technology_request: ['university', 'research_institute', 'enterprise'],
  business_offer: ['enterprise'],
  business_request: ['enterprise'],
  rd_partner_search: ['university', 'research_institute', 'enterprise'],
  soft_landing_request: ['technopark', 'development_agency', 'cluster_organisation'],
};

/**
 * The lifecycle: an owner drafts and submits; a coordinator of the owner's region returns it with reasons
 * or publishes it; a published offer expires on its expiry date, is renewed (published again with a later
 * expiry) or closed by its owner. Only published offers are seen beyond the owner and the coordinators.
 */
export const OFFER_STAGES = ['draft', 'submitted', 'returned', 'published', 'expired', 'closed'] as const;
export type OfferStage = (typeof OFFER_STAGES)[number];

/** Technology readiness levels, 1 (basic principles observed) to 9 (proven in its operational environment). */
export const TRL_MIN = 1;
export const TRL_MAX = 9;

/** A stage of development, for what a TRL does not describe (a service, a business offer). */
export const DEVELOPMENT_STAGES = ['concept', 'under_development', 'prototype', 'field_tested', 'on_the_market'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];

export const IP_STATUSES = [
  'patents_granted',
  'patents_applied',
  'exclusive_rights',
  'secret_know_how',
  'copyright',
  'design_rights',
  'trade_marks',
  'none',
  'other',
] as const;
export type IpStatus = (typeof IP_STATUSES)[number];

export const PARTNERSHIP_KINDS_SOUGHT = [
  'licensing',
  'joint_venture',
  'subcontracting',
  'manufacturing_agreement',
  'research_cooperation',
  'technical_cooperation',
  'commercial_agreement_with_technical_assistance',
  'distribution',
  'other',
] as const;
export type PartnershipKindSought = (typeof PARTNERSHIP_KINDS_SOUGHT)[number];

/** A partner's size, in the EU's definition of SMEs (staff headcount). */
export const PARTNER_SIZES = ['micro', 'small', 'medium', 'large'] as const;
export type PartnerSize = (typeof PARTNER_SIZES)[number];

/** An expression of interest: written by a member of another organisation, accepted or declined by the owner. */
export const INTEREST_STATES = ['pending', 'accepted', 'declined', 'withdrawn'] as const;
export type InterestState = (typeof INTEREST_STATES)[number];

/** How often a saved search or area sends its digest of new matching offers. */
export const DIGEST_FREQUENCIES = ['daily', 'weekly'] as const;
export type DigestFrequency = (typeof DIGEST_FREQUENCIES)[number];

/** Limits of an offer's and an expression of interest's texts (characters). */
export const OFFER_LIMITS = {
  title: 200,
  summary: 1000,
  description: 10_000,
  partnerRole: 500,
  reason: 2000,
  interestMessage: 5000,
  interestAnswer: 2000,
  /** A published offer's expiry is at most this far ahead: an offer is renewed, not left forever. */
  maxValidityDays: 731,
} as const;

/** Days before an offer's expiry on which its owner is warned (OFFER_EXPIRY_WARNING_DAYS overrides). */
export const OFFER_EXPIRY_WARNING_DAYS = [14, 3] as const;

/** An offer's page, in the web app. */
export const offerPagePath = (slug: string) => `/marketplace/${encodeURIComponent(slug)}`;
