/**
 * The answers of the expressions of interest, matching and saved searches as the pages read them, typed
 * as the API schemas say (shared/schemas/offer-interest.ts, offer-matching.ts, offer-alerts.ts).
 */

export type { Interest, InterestList, InterestOutcomeInput as OutcomeInput, OutcomeCounts } from '../../../../shared/schemas/offer-interest';

/** The three standard answers of an expression of interest. */
export interface InterestAnswers {
  offers: string;
  expects: string;
  timeline: string;
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
