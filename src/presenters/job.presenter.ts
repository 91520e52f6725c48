import type { JobState } from '../db/schema/index.js';
import type { JobRow } from '../repositories/jobs/job.repository.js';
import { JOB_STATE_NAMES, type Job } from '../shared/schemas/jobs.js';

// the API's list of states is the table's: a state added to one and not the other fails the type check
const sameStates: readonly JobState[] = JOB_STATE_NAMES;
void sameStates;

/** A job as administrators read it (the lease's end and the singleton key are the runner's business). */
export function presentJob(job: JobRow): Job {
  return {
    id: job.id,
    name: job.name,
    state: job.state,
    payload: job.payload,
    attempts: job.attempts,
    maxAttempts: job.maxAttempts,
    lastError: job.lastError,
    result: job.result ?? null,
    runAt: job.runAt.toISOString(),
    startedAt: job.startedAt?.toISOString() ?? null,
    finishedAt: job.finishedAt?.toISOString() ?? null,
    lockedBy: job.lockedBy,
    progress: job.progress ?? null,
  };
}
