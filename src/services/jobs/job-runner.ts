import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Repositories } from '../../repositories/index.js';
import type { JobRow, NewJob } from '../../repositories/jobs/job.repository.js';

/** What a job does with its payload; what it returns is kept as the job's result. */
export type JobHandler = (job: JobRow) => Promise<Record<string, unknown> | void>;

export interface RunnerOptions {
  /** Names this process in `locked_by`. Default: host, process id and a random suffix. */
  workerId?: string;
  /** How often an idle runner looks for due jobs. Default 5 s. */
  pollMs?: number;
  /** How long a claimed job is held before another worker may take it over; renewed while it runs. Default 5 min. */
  leaseMs?: number;
  /** The wait before the first retry, doubled at each further one up to `retryMaxMs`. Default 30 s and 1 h. */
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** A pass that failed (the database went away); the runner tries again at its next poll. */
  onError?: (error: unknown) => void;
}

interface Recurring {
  name: string;
  everyMs: number;
  maxAttempts?: number;
}

/** Finished runs of recurring jobs are forgotten after this long (their periods are long past). */
const RECURRING_RETENTION_MS = 2 * 24 * 60 * 60 * 1000;
const MAX_ERROR_LENGTH = 4000;

/** The wait before retrying after the `attempts`-th failed attempt. */
export function retryDelay(attempts: number, baseMs: number, maxMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), maxMs);
}

/** The key of the period `now` falls in: one job per recurring name and period, whichever process queues it. */
export function periodKey(name: string, everyMs: number, now: Date): { key: string; start: Date } {
  const start = new Date(Math.floor(now.getTime() / everyMs) * everyMs);
  return { key: `${name}:${start.toISOString()}`, start };
}

const describeError = (error: unknown) =>
  (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR_LENGTH);

/**
 * The platform's background jobs, on its own jobs table (docs/decisions.md: why not pg-boss). Each pass
 * queues the current period of every recurring job (a singleton key per period, so several processes
 * queue it once), then claims due jobs one at a time (FOR UPDATE SKIP LOCKED) and runs them. A claimed job
 * holds a lease that the runner renews while it runs; a crashed worker's job is claimed again once the
 * lease has run out. A failure is retried with a doubling wait until its attempts are used up, then the
 * job is failed with its last error. `stop()` waits for the running job.
 */
export class JobRunner {
  readonly workerId: string;
  private readonly handlers = new Map<string, JobHandler>();
  private readonly recurring: Recurring[] = [];
  private readonly options: Required<Omit<RunnerOptions, 'workerId'>>;
  private timer: NodeJS.Timeout | null = null;
  private pass: Promise<unknown> | null = null;
  private stopping = false;
  private lastForget = 0;

  constructor(
    private readonly repos: Repositories,
    options: RunnerOptions = {},
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
    this.options = {
      pollMs: options.pollMs ?? 5000,
      leaseMs: options.leaseMs ?? 5 * 60_000,
      retryBaseMs: options.retryBaseMs ?? 30_000,
      retryMaxMs: options.retryMaxMs ?? 60 * 60_000,
      onError: options.onError ?? ((error) => console.error('A pass of the job runner failed:', error)),
    };
  }

  /** What jobs of this name do. */
  define(name: string, handler: JobHandler): this {
    this.handlers.set(name, handler);
    return this;
  }

  /** Runs the job `name` (defined with `define`) once in every period of `everyMs`. */
  every(name: string, everyMs: number, options: { maxAttempts?: number } = {}): this {
    this.recurring.push({ name, everyMs, ...options });
    return this;
  }

  /** Queues a job now or at `runAt`; null when its singleton key is queued already. */
  enqueue(name: string, payload: Record<string, unknown> = {}, options: Partial<Omit<NewJob, 'name' | 'payload'>> = {}) {
    return this.repos.jobs.enqueue({ name, payload, runAt: options.runAt ?? this.repos.clock.now(), ...options });
  }

  /** Queues the current period of every recurring job not queued yet; returns how many were queued. */
  async schedule(): Promise<number> {
    const now = this.repos.clock.now();
    let queued = 0;
    for (const r of this.recurring) {
      const { key, start } = periodKey(r.name, r.everyMs, now);
      if (await this.repos.jobs.enqueue({ name: r.name, runAt: start, singletonKey: key, maxAttempts: r.maxAttempts })) queued++;
    }
    if (now.getTime() - this.lastForget > 60 * 60_000) {
      this.lastForget = now.getTime();
      await this.repos.jobs.forgetFinished(
        this.recurring.map((r) => r.name),
        new Date(now.getTime() - RECURRING_RETENTION_MS),
      );
    }
    return queued;
  }

  /** One pass: schedules, then runs due jobs until none is left (or the runner stops). Returns how many ran. */
  async runDue(): Promise<number> {
    await this.schedule();
    let ran = 0;
    while (!this.stopping) {
      const now = this.repos.clock.now();
      await this.repos.jobs.failAbandoned(now);
      const [job] = await this.repos.jobs.claim(this.workerId, [...this.handlers.keys()], now, this.options.leaseMs);
      if (!job) break;
      await this.run(job);
      ran++;
    }
    return ran;
  }

  /** Polls every `pollMs` until `stop()`; a failed pass (the database away) is told to `onError`. */
  start(onError = this.options.onError): void {
    this.stopping = false;
    const tick = () => {
      this.timer = null;
      this.pass = this.runDue()
        .catch(onError)
        .finally(() => {
          this.pass = null;
          if (!this.stopping) this.timer = setTimeout(tick, this.options.pollMs).unref();
        });
    };
    tick();
  }

  /** Stops polling and waits for the job that is running, if any. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.pass;
  }

  private async run(job: JobRow): Promise<void> {
    const { leaseMs, retryBaseMs, retryMaxMs } = this.options;
    // a long job keeps its lease: renewed a few times within each lease
    const renew = setInterval(() => {
      void this.repos.jobs
        .extendLease(job.id, this.workerId, new Date(this.repos.clock.now().getTime() + leaseMs))
        .catch(this.options.onError);
    }, leaseMs / 3);
    renew.unref();
    try {
      const result = await this.handlers.get(job.name)!(job);
      await this.repos.jobs.complete(job.id, this.workerId, result ?? null, this.repos.clock.now());
    } catch (error) {
      const now = this.repos.clock.now();
      const retryAt = job.attempts < job.maxAttempts ? new Date(now.getTime() + retryDelay(job.attempts, retryBaseMs, retryMaxMs)) : null;
      await this.repos.jobs.fail(job.id, this.workerId, describeError(error), now, retryAt);
    } finally {
      clearInterval(renew);
    }
  }
}
