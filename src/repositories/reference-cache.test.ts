import { describe, expect, it } from 'vitest';
import type { AreaRow } from './area.repository.js';
import { ReferenceCache } from './reference-cache.js';

const area = (code: string) => ({ code }) as AreaRow;

/** A lazy query, as a query builder is: it runs at every `then`. */
function query(rows: () => AreaRow[], runs: { count: number }): PromiseLike<AreaRow[]> {
  return {
    then(onFulfilled, onRejected) {
      runs.count++;
      return Promise.resolve().then(rows).then(onFulfilled, onRejected);
    },
  };
}

describe('ReferenceCache', () => {
  it('reads once until a write empties it, and runs a lazy query only once', async () => {
    const cache = new ReferenceCache();
    const runs = { count: 0 };
    let rows = [area('filters')];
    const read = () => query(() => rows, runs);
    expect(await cache.areas(read)).toEqual([area('filters')]);
    rows = [area('filters'), area('ceramics')];
    expect(await cache.areas(read)).toEqual([area('filters')]);
    expect(runs.count).toBe(1);
    cache.clear();
    expect(await cache.areas(read)).toEqual([area('filters'), area('ceramics')]);
    expect(runs.count).toBe(2);
  });

  it('does not keep a failed read', async () => {
    const cache = new ReferenceCache();
    const runs = { count: 0 };
    let fail = true;
    const read = () =>
      query(() => {
        if (fail) throw new Error('connection lost');
        return [area('filters')];
      }, runs);
    await expect(cache.areas(read)).rejects.toThrow('connection lost');
    fail = false;
    expect(await cache.areas(read)).toEqual([area('filters')]);
  });
});
