import { Type, type Static } from 'typebox';

/** The states of a background job, as db/schema/jobs.ts stores them (its JOB_STATES; this file is read by the web app too). */
export const JOB_STATE_NAMES = ['queued', 'running', 'done', 'failed'] as const;

export const JobStateSchema = Type.Enum(JOB_STATE_NAMES, { description: 'queued, running, done or failed' });

export const JobListQuerySchema = Type.Object(
  {
    state: Type.Optional(JobStateSchema),
    name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: 'a job name, e.g. reminders.agreement_ending' })),
    limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  },
  { additionalProperties: false },
);
export type JobListQuery = Static<typeof JobListQuerySchema>;

export const JobParamsSchema = Type.Object({ id: Type.String({ format: 'uuid' }) });

const Time = Type.Union([Type.String({ format: 'date-time' }), Type.Null()]);

export const JobSchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  name: Type.String(),
  state: JobStateSchema,
  payload: Type.Record(Type.String(), Type.Unknown()),
  attempts: Type.Integer(),
  maxAttempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()], { description: 'the error of the last failed attempt, kept after a retry' }),
  result: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()]),
  runAt: Type.String({ format: 'date-time', description: 'when it is (or was) due' }),
  startedAt: Time,
  finishedAt: Time,
  lockedBy: Type.Union([Type.String(), Type.Null()], { description: 'the server process running it' }),
  /** How far a long job has come (a digest run: saved searches done of total); absent for jobs that do not say. */
  progress: Type.Optional(Type.Union([Type.Object({ done: Type.Integer(), total: Type.Integer() }), Type.Null()])),
});
export type Job = Static<typeof JobSchema>;

export const JobCountsSchema = Type.Object({
  queued: Type.Integer(),
  running: Type.Integer(),
  done: Type.Integer(),
  failed: Type.Integer(),
});

export const JobListSchema = Type.Object({ counts: JobCountsSchema, items: Type.Array(JobSchema) });
export type JobList = Static<typeof JobListSchema>;
