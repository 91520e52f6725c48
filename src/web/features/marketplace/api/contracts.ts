/**
 * The answers of the expressions of interest, matching and saved searches as the pages read them: the
 * fields they show, typed from the API schemas (shared/schemas/offer-interest.ts, offer-matching.ts,
 * offer-alerts.ts).
 */
import type { MultilingualText } from '../../../../shared/multilingual';
import type { OfferSummary } from '../../../../shared/schemas/offers';

export interface InterestAnswers {
  offers: string;
  expects: string;
  timeline: string;
}

export interface InterestSummary {
  id: string;
  state: 'pending' | 'accepted' | 'declined' | 'withdrawn';
  offer: { slug: string; title: MultilingualText; kind: string };
  /** The organisation that expressed it (named to the offer's people). */
  from?: { slug: string; name: MultilingualText } | null;
  message?: string;
  answers?: InterestAnswers;
  createdAt: string;
  threadId?: string | null;
  agreement?: { slug: string; title: MultilingualText } | null;
  /** Whether the reader sent it (rather than received it). */
  mine?: boolean;
}

export interface InterestDetail extends InterestSummary {
  contacts?: { name: string; email?: string | null; phone?: string | null; organisation?: MultilingualText }[];
}

export interface InterestList {
  items: InterestSummary[];
}

export interface MatchList {
  items: (OfferSummary & { score?: number })[];
}

export interface SuggestedPartnerList {
  items: { slug: string; name: MultilingualText; regionCode: string; kind: string; why?: { kind: string; text: string }[] }[];
}

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

/** Contacts → agreements, grouped. */
export interface OutcomeCounts {
  total: { contacts: number; agreements: number };
  byArea: { area: string; contacts: number; agreements: number }[];
  byRegionPair: { from: string; to: string; contacts: number; agreements: number }[];
  byMonth: { month: string; contacts: number; agreements: number }[];
}
