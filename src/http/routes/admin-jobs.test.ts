import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import { JobRunner } from '../../services/jobs/job-runner.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';

let t: TestPlatform;
let admin: TestUser;
let coordinator: TestUser;
let failedId: string;
let doneId: string;

beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
  admin = await signedInUser(t, 'jobs-admin@example.org', [{ role: 'platform_admin' }]);
  coordinator = await signedInUser(t, 'jobs-coordinator@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
  const runner = new JobRunner(t.services.repos)
    .define('test.mail', async () => {
      throw new Error('SMTP server refused the connection');
    })
    .define('test.fine', async () => ({ ok: true }));
  failedId = (await runner.enqueue('test.mail', { to: 'someone' }, { maxAttempts: 1 }))!;
  doneId = (await runner.enqueue('test.fine'))!;
  await runner.runDue();
});
afterAll(async () => {
  await t.database.db.delete(jobs).where(like(jobs.name, 'test.%'));
  await t.close();
});

describe('GET /api/v1/admin/jobs', () => {
  it('shows administrators the recent jobs, their attempts and last error, and how many are in each state', async () => {
    const res = await admin.get('/api/v1/admin/jobs');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.counts).toMatchObject({ failed: 1, done: 1 });
    const failed = body.items.find((j: { id: string }) => j.id === failedId);
    expect(failed).toMatchObject({
      name: 'test.mail',
      state: 'failed',
      attempts: 1,
      maxAttempts: 1,
      lastError: 'Error: SMTP server refused the connection',
      payload: { to: 'someone' },
    });
    expect(failed.finishedAt).toEqual(expect.any(String));
    expect(failed.runAt).toEqual(expect.any(String));
  });

  it('filters by state and by name', async () => {
    const failed = (await admin.get('/api/v1/admin/jobs?state=failed')).json();
    expect(failed.items.map((j: { id: string }) => j.id)).toEqual([failedId]);
    const byName = (await admin.get('/api/v1/admin/jobs?name=test.fine')).json();
    expect(byName.items.map((j: { id: string }) => j.id)).toEqual([doneId]);
    expect(byName.counts).toEqual({ queued: 0, running: 0, done: 1, failed: 0 });
    const wrong = await admin.get('/api/v1/admin/jobs?state=lost');
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('query.state');
  });

  it('refuses everyone but platform administrators', async () => {
    expect((await coordinator.get('/api/v1/admin/jobs')).statusCode).toBe(403);
    expect((await t.app.inject('/api/v1/admin/jobs')).statusCode).toBe(401);
    expect((await coordinator.send('POST', `/api/v1/admin/jobs/${failedId}/retry`)).statusCode).toBe(403);
  });
});

describe('POST /api/v1/admin/jobs/:id/retry', () => {
  it('queues a failed job again with its attempts renewed; the runner then runs it', async () => {
    const res = await admin.send('POST', `/api/v1/admin/jobs/${failedId}/retry`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: failedId,
      state: 'queued',
      attempts: 0,
      lastError: 'Error: SMTP server refused the connection',
    });
    let ran = 0;
    await new JobRunner(t.services.repos)
      .define('test.mail', async () => {
        ran++;
      })
      .runDue();
    expect(ran).toBe(1);
    expect((await t.services.repos.jobs.get(failedId))?.state).toBe('done');
    const audit = (await admin.get(`/api/v1/audit-events?entityType=job&entityId=${failedId}`)).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['job.retried']);
  });

  it('refuses a job that has not failed, and one that does not exist', async () => {
    const done = await admin.send('POST', `/api/v1/admin/jobs/${doneId}/retry`);
    expect(done.statusCode).toBe(409);
    expect(done.json().error.code).toBe('job_not_failed');
    const missing = await admin.send('POST', '/api/v1/admin/jobs/00000000-0000-4000-8000-000000000000/retry');
    expect(missing.statusCode).toBe(404);
    const bad = await admin.send('POST', '/api/v1/admin/jobs/not-a-uuid/retry');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('params.id');
  });
});
