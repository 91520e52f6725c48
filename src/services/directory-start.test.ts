import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../test/test-platform.js';
import { DirectoryService } from './directory.service.js';
import { AppError } from './errors.js';

// After a start, the directory index loads in the background; a search with words waits for it, but not
// longer than a client's connection would stay open: then it is told to try again.
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
});
afterAll(() => t.close());

describe('a search while the directory index is still loading', () => {
  it('answers search_starting with a Retry-After when the load outlasts the wait, and searches once it has loaded', async () => {
    const { repos, classifications } = t.services;
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    // the first read of the index is held back, as a slow load of 100,000 organisations would be
    const slow = {
      ...repos,
      search: Object.assign(Object.create(Object.getPrototypeOf(repos.search)), repos.search, {
        organisationsSince: async (...args: Parameters<typeof repos.search.organisationsSince>) => {
          await held;
          return repos.search.organisationsSince(...args);
        },
      }),
    };
    const directory = new DirectoryService(slow, classifications, 50);
    const error = await directory.search({ q: 'céramique', page: 1, pageSize: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('search_starting');
    expect((error as AppError).status).toBe(503);
    expect((error as AppError).retryAfter).toBe(5);
    // a listing without words is answered meanwhile, from the database
    expect((await directory.search({ page: 1, pageSize: 5 })).items.length).toBe(5);
    release();
    await directory.warmUp();
    const found = await directory.search({ q: 'céramique', page: 1, pageSize: 10 });
    expect(found.items.length).toBeGreaterThan(0);
  });
});
