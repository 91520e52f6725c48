import type { ProfileReview } from '../../../../shared/schemas/review';
import { sendJson } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

export const useReview = (slug: string) => useApi<ProfileReview>(`/organisations/${encodeURIComponent(slug)}/review`);

/**
 * Validates or returns a profile. With the version the coordinator reviewed (If-Match), a profile changed and
 * submitted again since is refused (409 version_conflict) rather than decided unseen.
 */
export function sendDecision(slug: string, decision: 'validated' | 'returned', reason: string, version?: number) {
  const body = { decision, ...(reason.trim() ? { reason: reason.trim() } : {}) };
  return sendJson('POST', `/organisations/${encodeURIComponent(slug)}/decision`, body, version === undefined ? {} : { ifMatch: version });
}
