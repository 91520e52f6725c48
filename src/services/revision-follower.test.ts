import { describe, expect, it } from 'vitest';
import { coalescing, RevisionFollower } from './revision-follower.js';

class Follower extends RevisionFollower<{ id: string; published: boolean }> {
  protected add(): void {}
  protected remove(): void {}
}

describe('RevisionFollower.refresh', () => {
  it('shares its reads between concurrent callers: two reads for 64 of them, not 64 in a queue', async () => {
    let reads = 0;
    const follower = new Follower(async () => {
      reads++;
      await new Promise((r) => setTimeout(r, 5));
      return { items: [], gone: [], position: { seq: 0, holes: [] }, more: false };
    }, 100);
    await Promise.all(Array.from({ length: 64 }, () => follower.refresh()));
    expect(reads).toBe(2);
  });
});

describe('RevisionFollower.refresh with a write count', () => {
  it('reads again only after a write, when its process is the only writer', async () => {
    let reads = 0;
    let writes = 0;
    const follower = new Follower(
      async () => {
        reads++;
        return { items: [], gone: [], position: { seq: 0, holes: [] }, more: false };
      },
      100,
      () => writes,
    );
    await follower.refresh();
    await follower.refresh();
    expect(reads).toBe(1);
    writes++;
    await follower.refresh();
    await follower.refresh();
    expect(reads).toBe(2);
  });
});

describe('coalescing', () => {
  it('runs once for callers that come together, once more for those who came during a run', async () => {
    let runs = 0;
    let release: () => void = () => {};
    const seen: number[] = [];
    let written = 0;
    const refresh = coalescing(async () => {
      runs++;
      const sees = written;
      await new Promise<void>((resolve) => (release = resolve));
      seen.push(sees);
    });
    const first = refresh();
    // written after the first run began: callers from now on must get a run that starts later
    written = 1;
    const later = Array.from({ length: 50 }, () => refresh());
    expect(runs).toBe(1);
    release();
    await first;
    await new Promise((r) => setImmediate(r));
    expect(runs).toBe(2);
    release();
    await Promise.all(later);
    expect(seen).toEqual([0, 1]);
  });

  it('fails the callers of a failed run, and the next call starts afresh', async () => {
    let fail = true;
    const refresh = coalescing(async () => {
      if (fail) throw new Error('database gone');
    });
    await expect(refresh()).rejects.toThrow('database gone');
    fail = false;
    await expect(refresh()).resolves.toBeUndefined();
  });
});
