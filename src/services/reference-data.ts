import areasFile from '../reference/areas.json' with { type: 'json' };
import regionsFile from '../reference/regions.json' with { type: 'json' };
import type { Repositories } from '../repositories/index.js';
import type { AreaRow } from '../repositories/area.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';

/**
 * Brings the shipped reference data into the database at every start: regions are facts and follow the
 * file; areas of cooperation are only added, since coordinators may have edited them since.
 */
export async function syncReferenceData(repos: Repositories): Promise<void> {
  await repos.transaction(async (tx) => {
    await tx.regions.upsertMany(regionsFile.regions as RegionRow[]);
    await tx.areas.insertMissing(areasFile.areas as AreaRow[]);
  });
}
