import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { SearchRateLimit } from './search-rate-limit.js';

describe('SearchRateLimit', () => {
  it('lets a burst of a minute’s worth through, then one request per its share of a minute', () => {
    let now = 0;
    const limit = new SearchRateLimit(60, () => now);
    for (let i = 0; i < 60; i++) limit.take('a');
    let refused: unknown;
    try {
      limit.take('a');
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).code).toBe('rate_limited');
    expect((refused as AppError).retryAfter).toBe(1);
    // another address has its own bucket
    limit.take('b');
    // one second later, one more
    now += 1000;
    limit.take('a');
    expect(() => limit.take('a')).toThrow(AppError);
  });

  it('limits nothing when off', () => {
    const limit = new SearchRateLimit(0);
    for (let i = 0; i < 10_000; i++) limit.take('a');
  });
});
