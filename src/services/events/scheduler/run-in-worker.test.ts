import { describe, expect, it } from 'vitest';
import { generateInstance } from './generate-instance.js';
import { runSchedule } from './run-in-worker.js';
import { violations } from './violations.js';

describe('the scheduler in a worker thread', () => {
  it('places 50,000 requests while the event loop keeps ticking, and leaves the caller its instance', async () => {
    const instance = generateInstance('standard', { participants: 5000, requests: 50_000 }, 2);
    const requests = instance.requestA.length;
    let last = performance.now();
    let longestStall = 0;
    let ticks = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      longestStall = Math.max(longestStall, now - last);
      last = now;
      ticks++;
    }, 10);
    const result = await runSchedule(instance, { timeLimitMs: 1500, seed: 3 });
    clearInterval(timer);
    // The main thread only copies the arrays and starts the worker: no stall near the run's length.
    expect(longestStall).toBeLessThan(400);
    expect(ticks).toBeGreaterThan(50);
    expect(instance.requestA.length).toBe(requests);
    expect(result.slotOf.length).toBe(requests);
    expect(violations(instance, result)).toEqual([]);
    expect(result.scheduledCount).toBeGreaterThan(0);
    expect(result.upperBoundCount).toBeGreaterThanOrEqual(result.scheduledCount);
  }, 60_000);
});

describe('the scheduler in a worker thread, from the compiled code', () => {
  it('starts schedule-worker.js beside the compiled module (production: dist/)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync, rmSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const out = mkdtempSync(join(tmpdir(), 'scheduler-dist-'));
    try {
      // compiled as dist/ is laid out: the worker is found from the code's top folder (code-files.ts)
      const src = new URL('../../../', import.meta.url).pathname;
      const scheduler = 'services/events/scheduler';
      const files = [
        'code-files.ts',
        ...['run-in-worker.ts', 'schedule-worker.ts', 'generate-instance.ts'].map((f) => `${scheduler}/${f}`),
      ].map((f) => join(src, f));
      execFileSync(
        'npx',
        [
          'tsc',
          '--outDir',
          out,
          '--rootDir',
          src,
          '--module',
          'nodenext',
          '--moduleResolution',
          'nodenext',
          '--target',
          'es2023',
          '--types',
          'node',
          '--skipLibCheck',
          ...files,
        ],
        { stdio: 'pipe' },
      );
      writeFileSync(join(out, 'package.json'), '{"type":"module"}');
      const compiled = (await import(join(out, scheduler, 'run-in-worker.js'))) as typeof import('./run-in-worker.js');
      const generator = (await import(join(out, scheduler, 'generate-instance.js'))) as typeof import('./generate-instance.js');
      const instance = generator.generateInstance('hard', { participants: 200, requests: 1200 }, 1);
      const result = await compiled.runSchedule(instance, { timeLimitMs: 200 });
      expect(violations(instance, result)).toEqual([]);
      expect(result.scheduledCount).toBeGreaterThan(0);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
