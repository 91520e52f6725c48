import type { DigestFrequency } from '../../../../shared/offers';
import type { JobList } from '../../../../shared/schemas/jobs';
import { postJson, queryString } from '../../../shared/api/client';
import { useApi } from '../../../shared/api/useApi';

/** The background jobs (newest first) with their counts per state, filtered by state and name. */
export const useJobs = (filter: { state: string; name: string }) =>
  useApi<JobList>(`/admin/jobs${queryString({ state: filter.state, name: filter.name.trim(), limit: 200 })}`);

export const retryJob = (id: string) => postJson(`/admin/jobs/${encodeURIComponent(id)}/retry`);

/** Queues the marketplace digests of one frequency now (each saved search gets only what it has not had). */
export const sendDigests = (frequency: DigestFrequency) => postJson('/admin/jobs/digests', { frequency });
