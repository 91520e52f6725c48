/**
 * The answers of the expressions of interest, matching and saved searches, as the API schemas type them
 * (shared/schemas/offer-interest.ts, offer-matching.ts, offer-alerts.ts), in one place for the pages.
 */

export type {
  Interest,
  InterestList,
  InterestOutcomeInput as OutcomeInput,
  OutcomeCounts,
} from '../../../../shared/schemas/offer-interest';

/** The three standard answers of an expression of interest. */
export interface InterestAnswers {
  offers: string;
  expects: string;
  timeline: string;
}

export type { MyFollows, OfferMatches, SuggestedPartners } from '../../../../shared/schemas/offer-matching';

export type { SavedSearch, SavedSearchList } from '../../../../shared/schemas/offer-alerts';
