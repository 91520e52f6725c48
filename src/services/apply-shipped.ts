import type { Repositories } from '../repositories/index.js';
import { readShippedFiles, type ShippedFiles } from '../repositories/shipped-data.repository.js';

/** What a start applies from shipped files: its stamp's name, the files, and the version of what it writes. */
export interface ShippedApplication {
  stamp: string;
  files: readonly string[];
  /** One more when what `apply` writes from the same files changes: the next start applies them again. */
  applier: number;
}

/**
 * Applies shipped files in one transaction, with the stamp that says the database holds them, unless the
 * stamp there already matches these files and this version of `apply`: then nothing is compared or written
 * and the result is null.
 */
export async function applyShipped<T>(
  repos: Repositories,
  what: ShippedApplication,
  apply: (tx: Repositories, files: ShippedFiles) => Promise<T>,
): Promise<T | null> {
  const files = readShippedFiles(what.files, what.applier);
  return repos.transaction(async (tx) => {
    if ((await tx.shippedData.stamp(what.stamp)) === files.digest) return null;
    const applied = await apply(tx, files);
    await tx.shippedData.setStamp(what.stamp, files.digest);
    return applied;
  });
}
