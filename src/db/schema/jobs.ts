import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

export const JOB_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type JobState = (typeof JOB_STATES)[number];

/**
 * The background job queue, on the platform's own database so it works alike on PGlite and PostgreSQL
 * (docs/decisions.md). A worker claims due jobs with FOR UPDATE SKIP LOCKED, so two server processes never
 * run one job twice; a job with a singleton key is queued once however many processes schedule it.
 */
export const jobs = pgTable(
  'jobs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull().default({}),
    state: text('state').$type<JobState>().notNull().default('queued'),
    /** "reminders:2026-12-01T09": the same key is queued once (the unique index below ignores null keys). */
    singletonKey: text('singleton_key').unique(),
    runAt: timestamp('run_at', { withTimezone: true }).notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(5),
    lastError: text('last_error'),
    result: jsonb('result').$type<Record<string, unknown>>(),
    /** How far a long job has come (a digest run: saved searches done of total), for the administrators' jobs page. */
    progress: jsonb('progress').$type<{ done: number; total: number }>(),
    /** The process that holds it, and until when: a crashed worker's job is claimed again after that. */
    lockedBy: text('locked_by'),
    lockedUntil: timestamp('locked_until', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    index('jobs_due_idx').on(t.runAt).where(sql`${t.state} in ('queued', 'running')`),
    index('jobs_name_idx').on(t.name, t.createdAt),
  ],
);
