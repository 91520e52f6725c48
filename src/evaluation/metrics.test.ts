import { describe, expect, it } from 'vitest';
import { ndcgAt, recallAt } from './metrics.js';

describe('ranking metrics', () => {
  const judgments = { a: 3, b: 2, c: 1 };

  it('gives 1 to the ideal order and less to worse ones', () => {
    expect(ndcgAt(10, ['a', 'b', 'c'], judgments)).toBeCloseTo(1);
    const swapped = ndcgAt(10, ['c', 'b', 'a'], judgments);
    expect(swapped).toBeLessThan(1);
    expect(swapped).toBeGreaterThan(0);
    expect(ndcgAt(10, ['x', 'y'], judgments)).toBe(0);
  });

  it('discounts by position: 7/log2(2) + 3/log2(3) + 1/log2(4) is the ideal gain', () => {
    const ideal = 7 + 3 / Math.log2(3) + 0.5;
    expect(ndcgAt(10, ['x', 'a'], judgments)).toBeCloseTo(7 / Math.log2(3) / ideal);
  });

  it('counts recall over the relevant records within the cut-off', () => {
    expect(recallAt(10, ['a', 'x', 'c'], judgments)).toBeCloseTo(2 / 3);
    expect(recallAt(1, ['x', 'a'], judgments)).toBe(0);
  });
});
