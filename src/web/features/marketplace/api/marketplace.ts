import type { Offer, OfferInput, OfferList, OfferPatch, OfferStageBody, OfferTagging } from '../../../../shared/schemas/offers';
import { getJson, queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';
import type { RecordList } from '../../../../shared/schemas/registry';
import type {
  Interest,
  InterestAnswers,
  InterestList,
  MyFollows,
  OfferMatches,
  OutcomeCounts,
  OutcomeInput,
  SavedSearch,
  SavedSearchList,
  SuggestedPartners,
} from './contracts';
import type { SavedSearchInput, SavedSearchPatch } from '../../../../shared/schemas/offer-alerts';

const one = (slug: string) => `/offers/${encodeURIComponent(slug)}`;

/** The marketplace's filters as its address holds them (each list may repeat). */
export interface MarketQuery {
  q?: string;
  kind?: string[];
  area?: string[];
  region?: string[];
  target?: string[];
  partnership?: string[];
  page: number;
}

/** The search in the reader's language: the reasons of each result are written in it. */
export const useOfferSearch = (query: MarketQuery, pageSize: number, lang: string) =>
  useApi<OfferList>(`/offers${queryString({ ...query, page: query.page > 1 ? query.page : undefined, pageSize, lang })}`);

export const useOffer = (slug: string) => useApi<Offer>(one(slug));
export const getOffer = (slug: string) => getJson<Offer>(one(slug));
export const createOffer = (body: OfferInput) => sendJson<Offer>('POST', '/offers', body);
/** Saves the fields sent over the version the edit started from (409 version_conflict when it is stale). */
export const updateOffer = (slug: string, body: OfferPatch, version: number) =>
  sendJson<Offer>('PATCH', one(slug), body, { ifMatch: version });
export const deleteOffer = (slug: string) => sendJson<unknown>('DELETE', one(slug));
export const changeOfferStage = (slug: string, body: OfferStageBody, version: number) =>
  sendJson<Offer>('POST', `${one(slug)}/stage`, body, { ifMatch: version });

/** How matching sees a draft: the concepts its texts name, its codes and areas (nothing is saved). */
export const previewTagging = ({ title, summary, description, partnerRole, areas, nace, productCodes }: OfferInput) =>
  sendJson<OfferTagging>('POST', '/offers/tagging', { title, summary, description, partnerRole, areas, nace, productCodes });

export const useMyOffers = (stage?: string) => useApi<OfferList>(`/my/offers${queryString({ stage, pageSize: 100 })}`);
export const useReviewQueue = () => useApi<OfferList>('/review/offers?pageSize=100');

// expressions of interest
const interest = (id: string) => `/interests/${encodeURIComponent(id)}`;
export const expressInterest = (slug: string, body: { message: string; answers: InterestAnswers; organisation?: string }) =>
  sendJson<Interest>('POST', `${one(slug)}/interests`, body);
export const useOfferInterests = (slug: string | null) => useApi<InterestList>(slug === null ? null : `${one(slug)}/interests`);
export const useMyInterests = () => useApi<InterestList>('/my/interests');
/** Accept, decline or withdraw, over the version shown (409 when the other side acted since). */
export const decideInterest = (it: Pick<Interest, 'id' | 'version'>, decision: 'accept' | 'decline' | 'withdraw') =>
  sendJson<Interest>('POST', `${interest(it.id)}/${decision}`, {}, { ifMatch: it.version });
/** Marks an accepted contact as having led to an agreement: an existing one of the registry, or a new one. */
export const recordOutcome = (it: Pick<Interest, 'id' | 'version'>, body: OutcomeInput) =>
  sendJson<Interest>('POST', `${interest(it.id)}/outcome`, body, { ifMatch: it.version });
export const useOutcomeCounts = () => useApi<OutcomeCounts>('/offers/outcomes');

// matching and follows
export const useOfferMatches = (slug: string) => useApi<OfferMatches>(`${one(slug)}/matches`);
export const useSuggestedPartners = (slug: string | null) =>
  useApi<SuggestedPartners>(slug === null ? null : `${one(slug)}/suggested-partners`);
/** Published offers and requests suggested to one of the reader's organisations (its people). */
export const useSuggestedOffers = (organisation: string) =>
  useApi<OfferMatches>(`/organisations/${encodeURIComponent(organisation)}/suggested-offers?limit=5`);
export const followOffer = (slug: string, follow: boolean) => sendJson<unknown>(follow ? 'PUT' : 'DELETE', `${one(slug)}/follow`);
export const useMyFollows = (enabled: boolean) => useApi<MyFollows>(enabled ? '/my/follows' : null);

// saved searches
export const useSavedSearches = () => useApi<SavedSearchList>('/my/saved-searches');
export const saveSearch = (body: SavedSearchInput) => sendJson<SavedSearch>('POST', '/my/saved-searches', body);
export const updateSavedSearch = (search: Pick<SavedSearch, 'id' | 'version'>, patch: SavedSearchPatch) =>
  sendJson<SavedSearch>('PATCH', `/my/saved-searches/${encodeURIComponent(search.id)}`, patch, { ifMatch: search.version });
export const deleteSavedSearch = (id: string) => sendJson<unknown>('DELETE', `/my/saved-searches/${encodeURIComponent(id)}`);

/** The registry's agreements an outcome may link to, found by their title. */
export const useAgreementsOf = (organisation: string | null) =>
  useApi<RecordList>(organisation === null ? null : `/agreements${queryString({ organisation, pageSize: 50 })}`);
