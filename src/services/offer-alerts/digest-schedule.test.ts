import { like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs } from '../../db/schema/index.js';
import type { Clock } from '../../repositories/mail.repository.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { DIGEST_JOBS } from './digest.js';

let t: TestPlatform;
let at = new Date('2026-11-30T04:30:00Z');
const clock: Clock = { now: () => at };
beforeAll(async () => {
  t = await createTestPlatform({ clock, seedDemo: false });
});
afterAll(() => t.close());

const queued = async () =>
  (
    await t.database.db
      .select()
      .from(jobs)
      .where(like(jobs.name, `${DIGEST_JOBS.send}%`))
  )
    .map((j) => j.payload)
    .sort((a, b) => String(a.period).localeCompare(String(b.period)));

describe('the digests’ schedule', () => {
  it('queues nothing before the hour, then the day’s and (on Monday) the week’s run, each once', async () => {
    const runner = t.services.jobs.runner;
    expect(await t.services.digests.schedule(runner)).toBe(0);
    at = new Date('2026-11-30T05:10:00Z'); // a Monday
    expect(await t.services.digests.schedule(runner)).toBe(2);
    expect(await t.services.digests.schedule(runner)).toBe(0);
    expect(await queued()).toEqual([
      { frequency: 'daily', period: '2026-11-30', until: '2026-11-30T05:00:00.000Z' },
      { frequency: 'weekly', period: '2026-W49', until: '2026-11-30T05:00:00.000Z' },
    ]);
    // Tuesday: the day's run; the week's is queued already
    at = new Date('2026-12-01T06:00:00Z');
    expect(await t.services.digests.schedule(runner)).toBe(1);
  });
});
