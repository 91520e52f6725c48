/**
 * The answers of the expressions of interest, matching and saved searches as the pages read them, typed
 * as the API schemas say (shared/schemas/offer-interest.ts, offer-matching.ts, offer-alerts.ts).
 */
import type { MultilingualText } from '../../../../shared/multilingual';
import type { InterestState, OfferKind, OfferStage } from '../../../../shared/offers';

export interface InterestAnswers {
  offers: string;
  expects: string;
  timeline: string;
}

interface OrganisationRef {
  slug: string;
  name: MultilingualText;
  regionCode: string;
  kind: string;
  website: string | null;
  contact: { kind?: string; name?: string | null; label?: MultilingualText | null; email?: string | null; phone?: string | null } | null;
}

export interface Interest {
  id: string;
  offer: {
    id: string;
    slug: string;
    kind: OfferKind;
    title: MultilingualText;
    anonymous: boolean;
    stage: OfferStage;
    regionCode: string;
    expiresOn: string;
    organisation: { slug: string; name: MultilingualText } | null;
  };
  state: InterestState;
  side: 'owner' | 'interested' | 'staff';
  interested: OrganisationRef;
  owner: OrganisationRef | null;
  author: string | null;
  message: string;
  answers: InterestAnswers;
  language: string;
  declineReason: string | null;
  decidedAt: string | null;
  threadId: string | null;
  agreement: { id: string; slug: string; title: MultilingualText } | null;
  outcomeAt: string | null;
  can: { decide: boolean; withdraw: boolean; recordOutcome: boolean };
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface InterestList {
  items: Interest[];
}

export interface OutcomeInput {
  agreement?: string;
  create?: { title: MultilingualText; type: string };
}

export type { MyFollows, OfferMatches, SuggestedPartners } from '../../../../shared/schemas/offer-matching';

export interface SavedSearch {
  id: string;
  name?: string | null;
  query: Record<string, unknown>;
  frequency: 'daily' | 'weekly';
  createdAt?: string;
}
export interface SavedSearchList {
  items: SavedSearch[];
}

interface Counts {
  contacts: number;
  agreements: number;
}
/** Contacts (accepted interests) and the agreements they led to: numbers only, no names. */
export interface OutcomeCounts {
  totals: Counts;
  byArea: ({ area: string } & Counts)[];
  byRegionPair: ({ owner: { code: string; name: MultilingualText }; interested: { code: string; name: MultilingualText } } & Counts)[];
  byMonth: ({ month: string } & Counts)[];
}
