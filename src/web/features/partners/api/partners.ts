import type { DismissedPartners, PartnerSuggestions } from '../../../../shared/schemas/matching';
import { postJson, queryString, sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

export interface PartnerFilters {
  region?: string;
  kind?: string;
  sector?: string;
  area?: string;
}

export function usePartners(slug: string, filters: PartnerFilters) {
  return useApi<PartnerSuggestions>(`/organisations/${encodeURIComponent(slug)}/partners${queryString({ ...filters, limit: 20 })}`);
}

export function useDismissed(slug: string, enabled: boolean) {
  return useApi<DismissedPartners>(enabled ? `/organisations/${encodeURIComponent(slug)}/partners/dismissals` : null);
}

export const dismiss = (slug: string, candidate: string) =>
  postJson(`/organisations/${encodeURIComponent(slug)}/partners/dismissals`, { candidate });

export const undismiss = (slug: string, candidate: string) =>
  sendJson('DELETE', `/organisations/${encodeURIComponent(slug)}/partners/dismissals/${encodeURIComponent(candidate)}`);
