import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { exactOptimum } from './exact-optimum.js';
import { generateInstance } from './generate-instance.js';
import { greedyBaseline } from './greedy.js';
import { schedule } from './schedule.js';
import { type SmallShape, smallInstance } from './small-instances.test-helper.js';
import type { SchedulingInstance } from './types.js';
import { upperBound } from './upper-bound.js';
import { violations } from './violations.js';

const shape = fc.record<SmallShape>({
  participants: fc.integer({ min: 3, max: 12 }),
  requests: fc.integer({ min: 1, max: 30 }),
  slots: fc.integer({ min: 2, max: 8 }),
  tables: fc.integer({ min: 1, max: 4 }),
  maxBackToBack: fc.option(fc.integer({ min: 1, max: 3 }), { nil: null }),
  blockedShare: fc.double({ min: 0, max: 0.5, noNaN: true }),
  fixedShare: fc.double({ min: 0, max: 0.3, noNaN: true }),
});

describe('the meeting scheduler', () => {
  it('never double-books, keeps availability, tables, the back-to-back limit and fixed meetings', () => {
    fc.assert(
      fc.property(shape, fc.integer({ min: 1, max: 1_000_000 }), (s, seed) => {
        const instance = smallInstance(s, seed);
        const result = schedule(instance, { timeLimitMs: 20, seed });
        expect(violations(instance, result)).toEqual([]);
        expect(violations(instance, greedyBaseline(instance))).toEqual([]);
        expect(result.scheduledWeight).toBeLessThanOrEqual(result.upperBoundWeight);
        expect(result.scheduledCount).toBeLessThanOrEqual(result.upperBoundCount);
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the proven optimum on most small instances, and the bound is never below it', async () => {
    const runs = 60;
    let atOptimum = 0;
    let worst = 1;
    for (let i = 0; i < runs; i++) {
      const instance = smallInstance(
        {
          participants: 8 + (i % 5),
          requests: 14 + (i % 13),
          slots: 4 + (i % 4),
          tables: 1 + (i % 3),
          maxBackToBack: i % 3 === 0 ? null : 1 + (i % 2),
          blockedShare: 0.25,
          fixedShare: i % 4 === 0 ? 0.2 : 0,
        },
        1000 + i,
      );
      const optimum = await exactOptimum(instance, 30);
      expect(optimum.proven).toBe(true);
      expect(violations(instance, { slotOf: optimum.slotOf, scheduledCount: optimum.count, scheduledWeight: optimum.weight })).toEqual([]);
      const bound = upperBound(instance);
      const result = schedule(instance, { timeLimitMs: 100, seed: i });
      expect(bound.weight).toBeGreaterThanOrEqual(optimum.weight);
      expect(bound.count).toBeGreaterThanOrEqual(optimum.count);
      expect(optimum.weight).toBeGreaterThanOrEqual(result.scheduledWeight);
      if (result.scheduledWeight === optimum.weight) atOptimum++;
      if (optimum.weight > 0) worst = Math.min(worst, result.scheduledWeight / optimum.weight);
    }
    expect(atOptimum / runs).toBeGreaterThanOrEqual(0.95);
    expect(worst).toBeGreaterThanOrEqual(0.9);
  }, 120_000);

  it('gives the same schedule for the same seed', () => {
    const instance = generateInstance('hard', { participants: 300, requests: 2000 }, 4);
    // A step limit, not the clock, ends these runs: timing does not change the answer.
    const first = schedule(instance, { timeLimitMs: 60_000, seed: 7, maxSteps: 20_000 });
    const second = schedule(instance, { timeLimitMs: 60_000, seed: 7, maxSteps: 20_000 });
    expect(Array.from(second.slotOf)).toEqual(Array.from(first.slotOf));
  }, 120_000);

  it('keeps pinned meetings in their slot even against availability, and plans around them', () => {
    const instance: SchedulingInstance = {
      slotCount: 3,
      tablesPerSlot: Int32Array.of(1, 1, 1),
      followsDirectly: Uint8Array.of(0, 1, 1),
      maxBackToBack: 2,
      participantCount: 3,
      // participant 0 blocks slot 0; all others free
      availability: Uint32Array.of(0b110, 0b111, 0b111),
      wordsPerParticipant: 1,
      requestA: Int32Array.of(0, 0, 1),
      requestB: Int32Array.of(1, 2, 2),
      weight: Int32Array.of(1, 3, 1),
      fixedSlot: Int32Array.of(0, -1, -1),
    };
    const result = schedule(instance, { timeLimitMs: 50 });
    expect(result.slotOf[0]).toBe(0);
    expect(violations(instance, result)).toEqual([]);
    // 0 meets 1 in slot 0 (pinned), so 0 and 2 meet in 1 or 2, and 1 and 2 in the other: all three placed.
    expect(result.scheduledCount).toBe(3);
    expect(result.upperBoundCount).toBe(3);
  });

  it('places the heavier of two requests competing for the only slot', () => {
    const instance: SchedulingInstance = {
      slotCount: 1,
      tablesPerSlot: Int32Array.of(5),
      followsDirectly: Uint8Array.of(0),
      maxBackToBack: null,
      participantCount: 3,
      availability: Uint32Array.of(1, 1, 1),
      wordsPerParticipant: 1,
      requestA: Int32Array.of(0, 0),
      requestB: Int32Array.of(1, 2),
      weight: Int32Array.of(1, 3),
      fixedSlot: Int32Array.of(-1, -1),
    };
    const result = schedule(instance, { timeLimitMs: 50 });
    expect(Array.from(result.slotOf)).toEqual([-1, 0]);
    expect(result.upperBoundWeight).toBe(3);
    expect(result.upperBoundCount).toBe(1);
  });

  it('schedules 5,000 participants and 50,000 requests within 3 s, feasibly, near the bound', () => {
    const instance = generateInstance('standard', { participants: 5000, requests: 50_000 }, 1);
    const started = performance.now();
    const result = schedule(instance, { timeLimitMs: 1500 });
    expect(performance.now() - started).toBeLessThan(3000 * 2); // a shared test machine: twice the target
    expect(violations(instance, result)).toEqual([]);
    expect(result.scheduledWeight / result.upperBoundWeight).toBeGreaterThan(0.99);
    const greedy = greedyBaseline(instance);
    expect(result.scheduledWeight).toBeGreaterThan(greedy.scheduledWeight);
  }, 60_000);
});
