import { and, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { jobs, type JobState } from '../../db/schema/index.js';

export type JobRow = typeof jobs.$inferSelect;

export interface NewJob {
  name: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  /** Queued once: a second job with the same key is not queued (while the first one's row exists). */
  singletonKey?: string;
  maxAttempts?: number;
}

export interface JobFilter {
  state?: JobState;
  name?: string;
}

/** The background job queue (db/schema/jobs.ts): every read and write of it. Times come from the caller's clock. */
export class JobRepository {
  constructor(private readonly db: Database) {}

  /** Queues a job; with a singleton key already queued (by this process or another), nothing is queued and null returned. */
  async enqueue(job: NewJob): Promise<string | null> {
    const [row] = await this.db
      .insert(jobs)
      .values({
        name: job.name,
        payload: job.payload ?? {},
        runAt: job.runAt,
        singletonKey: job.singletonKey ?? null,
        ...(job.maxAttempts ? { maxAttempts: job.maxAttempts } : {}),
      })
      .onConflictDoNothing({ target: jobs.singletonKey })
      .returning({ id: jobs.id });
    return row?.id ?? null;
  }

  /**
   * Claims up to `limit` due jobs of the given names for `worker`: queued ones whose time has come, and
   * running ones whose lease ran out (their worker died) with attempts left. Rows another worker is
   * claiming at the same moment are skipped (FOR UPDATE SKIP LOCKED), so each job is claimed once. One
   * statement: on PGlite it needs no transaction of its own.
   */
  async claim(worker: string, names: string[], now: Date, leaseMs: number, limit = 1): Promise<JobRow[]> {
    if (names.length === 0) return [];
    const at = sql`${now.toISOString()}::timestamptz`;
    const due = this.db
      .select({ id: jobs.id })
      .from(jobs)
      .where(
        and(
          inArray(jobs.name, names),
          // said apart from the condition below, so that the planner reads the due jobs' partial index
          inArray(jobs.state, ['queued', 'running']),
          sql`((${jobs.state} = 'queued' and ${jobs.runAt} <= ${at}) or (${jobs.state} = 'running' and ${jobs.lockedUntil} < ${at} and ${jobs.attempts} < ${jobs.maxAttempts}))`,
        ),
      )
      .orderBy(jobs.runAt, jobs.id)
      .limit(limit)
      .for('update', { skipLocked: true });
    return this.db
      .update(jobs)
      .set({
        state: 'running',
        attempts: sql`${jobs.attempts} + 1`,
        lockedBy: worker,
        lockedUntil: new Date(now.getTime() + leaseMs),
        startedAt: now,
        finishedAt: null,
      })
      .where(inArray(jobs.id, due))
      .returning();
  }

  /** A running job whose worker died on its last attempt: failed, since no one will finish it. */
  async failAbandoned(now: Date): Promise<number> {
    const rows = await this.db
      .update(jobs)
      .set({
        state: 'failed',
        lastError: sql`coalesce(${jobs.lastError} || E'\n', '') || 'The worker stopped before finishing the last attempt (its lease ran out).'`,
        lockedBy: null,
        lockedUntil: null,
        finishedAt: now,
      })
      .where(and(eq(jobs.state, 'running'), lt(jobs.lockedUntil, now), sql`${jobs.attempts} >= ${jobs.maxAttempts}`))
      .returning({ id: jobs.id });
    return rows.length;
  }

  /** Extends a running job's lease while its worker still holds it; false when it lost it. */
  async extendLease(id: string, worker: string, until: Date): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({ lockedUntil: until })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, worker), eq(jobs.state, 'running')))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** Done, with its result; only by the worker that holds it (one whose lease ran out and was taken over does nothing). */
  async complete(id: string, worker: string, result: Record<string, unknown> | null, now: Date): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set({ state: 'done', result, lockedBy: null, lockedUntil: null, finishedAt: now })
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, worker), eq(jobs.state, 'running')))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** A failed attempt: queued again at `retryAt`, or failed for good when null; the error is kept either way. */
  async fail(id: string, worker: string, error: string, now: Date, retryAt: Date | null): Promise<boolean> {
    const rows = await this.db
      .update(jobs)
      .set(
        retryAt
          ? { state: 'queued', lastError: error, runAt: retryAt, lockedBy: null, lockedUntil: null }
          : { state: 'failed', lastError: error, lockedBy: null, lockedUntil: null, finishedAt: now },
      )
      .where(and(eq(jobs.id, id), eq(jobs.lockedBy, worker), eq(jobs.state, 'running')))
      .returning({ id: jobs.id });
    return rows.length > 0;
  }

  /** A failed job queued again with its attempts renewed (its last error stays until it runs); undefined if not failed. */
  async retry(id: string, now: Date): Promise<JobRow | undefined> {
    const [row] = await this.db
      .update(jobs)
      .set({ state: 'queued', attempts: 0, runAt: now, finishedAt: null })
      .where(and(eq(jobs.id, id), eq(jobs.state, 'failed')))
      .returning();
    return row;
  }

  async get(id: string): Promise<JobRow | undefined> {
    const [row] = await this.db.select().from(jobs).where(eq(jobs.id, id));
    return row;
  }

  /** The most recent jobs first (by when they were due). */
  async list(filter: JobFilter, limit: number): Promise<JobRow[]> {
    return this.db.select().from(jobs).where(this.where(filter)).orderBy(desc(jobs.runAt), desc(jobs.id)).limit(limit);
  }

  /** How many jobs are in each state (of one name, if given). */
  async counts(filter: Pick<JobFilter, 'name'>): Promise<Record<JobState, number>> {
    const rows = await this.db
      .select({ state: jobs.state, count: sql<number>`count(*)::int` })
      .from(jobs)
      .where(this.where(filter))
      .groupBy(jobs.state);
    const counts: Record<JobState, number> = { queued: 0, running: 0, done: 0, failed: 0 };
    for (const r of rows) counts[r.state] = Number(r.count);
    return counts;
  }

  /**
   * Forgets finished runs of recurring jobs older than `before`: their key names a period long past, so
   * nothing is queued twice for want of it. Reminders' keys (sent markers) are kept.
   */
  async forgetFinished(names: string[], before: Date): Promise<number> {
    if (names.length === 0) return 0;
    const rows = await this.db
      .delete(jobs)
      .where(and(inArray(jobs.name, names), eq(jobs.state, 'done'), lt(jobs.finishedAt, before)))
      .returning({ id: jobs.id });
    return rows.length;
  }

  private where(filter: JobFilter) {
    return and(filter.state ? eq(jobs.state, filter.state) : undefined, filter.name ? eq(jobs.name, filter.name) : undefined);
  }

  // the marketplace's digests
  /** How far a running job has come (done of total), for the administrators' jobs page. */
  async setProgress(id: string, progress: { done: number; total: number }): Promise<void> {
    await this.db.update(jobs).set({ progress }).where(eq(jobs.id, id));
  }
}
