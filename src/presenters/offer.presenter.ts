import type { OrganisationKind } from '../shared/domain.js';
import type { MultilingualText } from '../shared/multilingual.js';
import type { DevelopmentStage, IpStatus, OfferKind, OfferStage, PartnerSize, PartnershipKindSought } from '../shared/offers.js';
import type { ProductCode } from '../shared/schemas/product-code.js';
import type { Static } from 'typebox';
import type { Offer, OfferMatchReasonSchema, OfferSummary } from '../shared/schemas/offers.js';

export type OfferMatchReason = Static<typeof OfferMatchReasonSchema>;

/** The owner as an offer names it (when it may: see organisationShown). */
export interface OfferOwnerRef {
  slug: string;
  name: MultilingualText;
  regionCode: string;
  kind: OrganisationKind;
}

/** What a result list shows of an offer: read by OfferRepository.summaries(ids), in the ids' order. */
export interface OfferSummaryRow {
  id: string;
  slug: string;
  kind: OfferKind;
  organisationId: string;
  organisation: OfferOwnerRef;
  title: MultilingualText;
  summary: MultilingualText | null;
  areaCodes: string[];
  regionCode: string;
  stage: OfferStage;
  anonymous: boolean;
  trl: number | null;
  deadline: string | null;
  expiresOn: string;
  publishedAt: Date | null;
}

/** Everything an offer's page shows, as OfferRepository.get reads it. */
export interface OfferRow extends OfferSummaryRow {
  description: MultilingualText | null;
  naceCodes: string[];
  productCodes: string[];
  developmentStage: DevelopmentStage | null;
  ipStatus: IpStatus | null;
  partnershipKinds: PartnershipKindSought[];
  partnerKinds: OrganisationKind[];
  partnerSizes: PartnerSize[];
  partnerRole: MultilingualText | null;
  targetRegionCodes: string[];
  expiryWarnedDays: number | null;
  conceptCodes: string[];
  createdBy: string | null;
  version: number;
  updatedAt: Date;
}

/** One row of an offer's stage history, with who changed it (their display name; null once gone, or for nobody). */
export interface OfferStageChangeRow {
  fromStage: OfferStage | null;
  toStage: OfferStage;
  reason: string | null;
  changedBy: string | null;
  /** The display name of who changed it. */
  by: string | null;
  changedAt: Date;
}

/** What the reader may do with the offer. */
export interface OfferAbilities {
  edit: boolean;
  review: boolean;
  expressInterest: boolean;
  interestRefused?: 'own_offer' | 'already_expressed' | 'not_open';
}

/**
 * A result line of an offer. `shown` is organisationShown's answer for this reader: when false the owner is
 * named nowhere (organisation null; the slug never carries it: it is made from the title).
 */
export function presentOfferSummary(row: OfferSummaryRow, context: { shown: boolean; why: OfferMatchReason[] }): OfferSummary {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary ?? null,
    areas: row.areaCodes,
    organisation: context.shown ? { ...row.organisation } : null,
    anonymous: row.anonymous,
    regionCode: row.regionCode,
    stage: row.stage,
    trl: row.trl,
    deadline: row.deadline,
    expiresOn: row.expiresOn,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    // a word can match by its text and by a concept (filtration, filtration): the reason is said once
    why: context.why.filter((reason, i, all) => all.findIndex((r) => r.text.toLowerCase() === reason.text.toLowerCase()) === i),
  };
}

export interface OfferContext {
  shown: boolean;
  history: OfferStageChangeRow[];
  /** The stored product codes described (those the shipped data still has). */
  products: ProductCode[];
  can: OfferAbilities;
}

/** An offer's page for one reader. Hidden owner: organisation null, and the owner's people unnamed in the history. */
export function presentOffer(row: OfferRow, context: OfferContext): Offer {
  return {
    id: row.id,
    slug: row.slug,
    kind: row.kind,
    title: row.title,
    summary: row.summary ?? null,
    description: row.description ?? null,
    areas: row.areaCodes,
    nace: row.naceCodes,
    products: context.products,
    productCodes: row.productCodes,
    trl: row.trl,
    developmentStage: row.developmentStage,
    ipStatus: row.ipStatus,
    partnershipKinds: row.partnershipKinds,
    partnerKinds: row.partnerKinds,
    partnerSizes: row.partnerSizes,
    partnerRole: row.partnerRole ?? null,
    targetRegions: row.targetRegionCodes,
    deadline: row.deadline,
    expiresOn: row.expiresOn,
    anonymous: row.anonymous,
    organisation: context.shown ? { ...row.organisation } : null,
    regionCode: row.regionCode,
    stage: row.stage,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    history: context.history.map((c) => ({
      from: c.fromStage,
      to: c.toStage,
      reason: c.reason,
      // a person's name may lead to their organisation: nobody is named where the owner is hidden
      by: context.shown ? c.by : null,
      at: c.changedAt.toISOString(),
    })),
    can: context.can,
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
}
