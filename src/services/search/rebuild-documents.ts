import type { Repositories } from '../../repositories/index.js';

const BATCH = 500;

/**
 * Rewrites every organisation's search document, name keys and concept tags, in batches; `progress` hears
 * how many are done. Used by `clusterbridge reindex` and, once, on a database written by an older version.
 */
export async function rebuildDocuments(repos: Repositories, progress: (done: number) => void = () => {}): Promise<number> {
  let done = 0;
  for (let after: string | null = null; ;) {
    const { lastId, count } = await repos.organisations.rebuildDocuments(after, BATCH);
    if (lastId === null) break;
    done += count;
    progress(done);
    after = lastId;
  }
  if (done > 0) await repos.organisations.analyse();
  return done;
}

export async function rebuildStaleDocuments(repos: Repositories): Promise<number> {
  return (await repos.organisations.hasStaleDocuments()) ? rebuildDocuments(repos) : 0;
}
