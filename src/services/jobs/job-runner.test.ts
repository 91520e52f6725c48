import { eq, like } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client.js';
import { jobs } from '../../db/schema/index.js';
import { createRepositories, type Repositories } from '../../repositories/index.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { JobRunner, periodKey, retryDelay } from './job-runner.js';

let now = new Date('2026-12-01T10:00:00Z');
const clock = { now: () => now };
const later = (ms: number) => (now = new Date(now.getTime() + ms));

let t: TestPlatform;
let repos: Repositories;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false, clock });
  repos = t.services.repos;
});
afterAll(() => t.close());
afterEach(async () => {
  await t.database.db.delete(jobs).where(like(jobs.name, 'test.%'));
});

/**
 * Repositories as a second server process has them: on PostgreSQL a connection pool of its own; on PGlite
 * (one process) the same ones.
 */
async function secondProcess(): Promise<{ repos: Repositories; close(): Promise<void> }> {
  if (!t.databaseUrl) return { repos, close: async () => {} };
  const database = await openDatabase({ databaseUrl: t.databaseUrl });
  return { repos: createRepositories(database.db, { mail: repos.mail, clock }), close: () => database.close() };
}

const jobNamed = async (name: string) => (await t.database.db.select().from(jobs).where(eq(jobs.name, name)))[0]!;

describe('the job runner', () => {
  it('retries a failing job after a doubling wait, keeping its error, and then completes it', async () => {
    let calls = 0;
    const runner = new JobRunner(repos, { retryBaseMs: 1000 }).define('test.flaky', async () => {
      calls++;
      if (calls < 3) throw new Error(`the mail server is down (${calls})`);
      return { delivered: true };
    });
    await runner.enqueue('test.flaky', { n: 1 });

    expect(await runner.runDue()).toBe(1);
    let job = await jobNamed('test.flaky');
    expect(job).toMatchObject({ state: 'queued', attempts: 1, lastError: 'Error: the mail server is down (1)', lockedBy: null });
    expect(job.runAt.getTime()).toBe(now.getTime() + 1000);
    expect(await runner.runDue()).toBe(0); // not due before its wait is over

    later(1000);
    expect(await runner.runDue()).toBe(1);
    job = await jobNamed('test.flaky');
    expect(job).toMatchObject({ state: 'queued', attempts: 2, lastError: 'Error: the mail server is down (2)' });
    expect(job.runAt.getTime()).toBe(now.getTime() + 2000);

    later(2000);
    expect(await runner.runDue()).toBe(1);
    job = await jobNamed('test.flaky');
    expect(job).toMatchObject({ state: 'done', attempts: 3, result: { delivered: true }, lockedBy: null });
    expect(job.finishedAt?.getTime()).toBe(now.getTime());
    expect(calls).toBe(3);
  });

  it('fails a job once its attempts are used up, with its last error, and runs it no more', async () => {
    let calls = 0;
    const runner = new JobRunner(repos, { retryBaseMs: 1000 }).define('test.broken', async () => {
      calls++;
      throw new TypeError(`no such recipient (${calls})`);
    });
    await runner.enqueue('test.broken', {}, { maxAttempts: 3 });
    for (let i = 0; i < 5; i++) {
      await runner.runDue();
      later(60 * 60_000);
    }
    expect(calls).toBe(3);
    const job = await jobNamed('test.broken');
    expect(job).toMatchObject({ state: 'failed', attempts: 3, lastError: 'TypeError: no such recipient (3)', lockedBy: null });
    expect(job.finishedAt).not.toBeNull();
  });

  it("takes over a crashed worker's job once its lease has run out", async () => {
    const runner = new JobRunner(repos, { leaseMs: 60_000 }).define('test.leased', async () => ({ by: 'second' }));
    await runner.enqueue('test.leased');
    // a worker claims it and dies without a word
    const [claimed] = await repos.jobs.claim('crashed-worker', ['test.leased'], now, 60_000);
    expect(claimed).toMatchObject({ state: 'running', attempts: 1, lockedBy: 'crashed-worker' });

    expect(await runner.runDue()).toBe(0); // still leased
    later(60_001);
    expect(await runner.runDue()).toBe(1);
    expect(await jobNamed('test.leased')).toMatchObject({ state: 'done', attempts: 2, result: { by: 'second' } });
    // the crashed worker, coming back, cannot overwrite the outcome
    expect(await repos.jobs.complete(claimed!.id, 'crashed-worker', null, now)).toBe(false);
  });

  it('fails a job whose worker crashed on its last attempt', async () => {
    const runner = new JobRunner(repos, { leaseMs: 1000 }).define('test.last', async () => ({}));
    await runner.enqueue('test.last', {}, { maxAttempts: 1 });
    await repos.jobs.claim('crashed-worker', ['test.last'], now, 1000);
    later(1001);
    expect(await runner.runDue()).toBe(0);
    const job = await jobNamed('test.last');
    expect(job.state).toBe('failed');
    expect(job.lastError).toMatch(/lease ran out/);
  });

  it('queues a recurring job once per period however many runners schedule it, and runs it once', async () => {
    const second = await secondProcess();
    let runs = 0;
    const hourly = (workerId: string, on: Repositories) =>
      new JobRunner(on, { workerId })
        .define('test.hourly', async () => {
          runs++;
        })
        .every('test.hourly', 60 * 60_000);
    const [a, b] = [hourly('a', repos), hourly('b', second.repos)];
    const queued = await Promise.all([a.schedule(), b.schedule(), a.schedule()]);
    expect(queued.reduce((x, y) => x + y, 0)).toBe(1);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(1);
    // the next hour is a new period
    later(60 * 60_000);
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toBe(2);
    const rows = await t.database.db.select().from(jobs).where(eq(jobs.name, 'test.hourly'));
    expect(rows.map((r) => r.singletonKey).sort()).toEqual([
      periodKey('test.hourly', 60 * 60_000, new Date(now.getTime() - 60 * 60_000)).key,
      periodKey('test.hourly', 60 * 60_000, now).key,
    ]);
    await second.close();
  });

  it('runs each of 50 jobs exactly once with two runners on their own connections over one queue', async () => {
    const second = await secondProcess();
    try {
      const runs = new Map<number, string[]>();
      const work = (workerId: string, on: Repositories) =>
        new JobRunner(on, { workerId }).define('test.batch', async (job) => {
          const n = job.payload.n as number;
          runs.set(n, [...(runs.get(n) ?? []), workerId]);
          await new Promise((resolve) => setTimeout(resolve, 2));
        });
      const [a, b] = [work('a', repos), work('b', second.repos)];
      for (let n = 0; n < 50; n++) await a.enqueue('test.batch', { n });
      const [ranA, ranB] = await Promise.all([a.runDue(), b.runDue()]);
      expect(ranA + ranB).toBe(50);
      expect([...runs.keys()].sort((x, y) => x - y)).toEqual([...Array(50).keys()]);
      expect([...runs.values()].every((workers) => workers.length === 1)).toBe(true);
      if (t.databaseUrl) expect(Math.min(ranA, ranB)).toBeGreaterThan(0); // both took part
      const rows = await t.database.db.select().from(jobs).where(eq(jobs.name, 'test.batch'));
      expect(rows.every((r) => r.state === 'done' && r.attempts === 1)).toBe(true);
    } finally {
      await second.close();
    }
  });

  it('waits for the running job when stopped', async () => {
    let release!: () => void;
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const runner = new JobRunner(repos, { pollMs: 10 }).define('test.slow', async () => {
      started();
      await new Promise<void>((resolve) => (release = resolve));
      return { finished: true };
    });
    await runner.enqueue('test.slow');
    runner.start();
    await running;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await jobNamed('test.slow')).toMatchObject({ state: 'done', result: { finished: true } });
  });
});

describe('retryDelay', () => {
  it('doubles from the base up to the cap', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelay(n, 30_000, 3_600_000))).toEqual([30_000, 60_000, 120_000, 240_000, 3_600_000]);
  });
});
