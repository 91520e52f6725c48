import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import type { Offer, OfferInput, OfferPatch } from '../../../../shared/schemas/offers';

/** Everything the editor holds: the API's input (the organisation is chosen when creating only). */
export type OfferDraft = OfferInput;

/** A day `days` from today, in the reader's time zone, as YYYY-MM-DD. */
export function dayFromToday(days: number, now = new Date()): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() + days);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A new draft: a technology request in the reader's language, valid for six months, not anonymous. */
export function newOfferDraft(language: Language, organisation = ''): OfferDraft {
  return {
    organisation,
    kind: 'technology_request',
    title: { original: language },
    summary: null,
    description: null,
    areas: [],
    nace: [],
    productCodes: [],
    trl: null,
    developmentStage: null,
    ipStatus: null,
    partnershipKinds: [],
    partnerKinds: [],
    partnerSizes: [],
    partnerRole: null,
    targetRegions: [],
    deadline: null,
    expiresOn: dayFromToday(182),
    anonymous: false,
  };
}

export function draftOfOffer(offer: Offer): OfferDraft {
  return {
    organisation: offer.organisation?.slug ?? '',
    kind: offer.kind,
    title: offer.title,
    summary: offer.summary,
    description: offer.description,
    areas: offer.areas,
    nace: offer.nace,
    productCodes: offer.productCodes,
    trl: offer.trl,
    developmentStage: offer.developmentStage,
    ipStatus: offer.ipStatus,
    partnershipKinds: offer.partnershipKinds,
    partnerKinds: offer.partnerKinds,
    partnerSizes: offer.partnerSizes,
    partnerRole: offer.partnerRole,
    targetRegions: offer.targetRegions,
    deadline: offer.deadline,
    expiresOn: offer.expiresOn,
    anonymous: offer.anonymous,
  };
}

/** The texts with the original language set on each (the title decides it for all). */
export function withOriginal(draft: OfferDraft, original: Language): OfferDraft {
  const retag = (v: MultilingualText | null) => (v ? { ...v, original } : v);
  return {
    ...draft,
    title: { ...draft.title, original },
    summary: retag(draft.summary),
    description: retag(draft.description),
    partnerRole: retag(draft.partnerRole),
  };
}

/** What a save of an existing offer sends: every field but the organisation, fixed once created. */
export function toPatch(draft: OfferDraft): OfferPatch {
  const { organisation: _fixed, ...patch } = draft;
  return patch;
}
