import areasFile from '../reference/areas.json' with { type: 'json' };
import regionsFile from '../reference/regions.json' with { type: 'json' };
import type { Repositories } from '../repositories/index.js';
import type { AreaRow } from '../repositories/area.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';

/** The shipped regions as rows: a region without a NUTS code has none in the database either. */
const shippedRegions: RegionRow[] = (regionsFile.regions as (Omit<RegionRow, 'nuts'> & { nuts?: string })[]).map((r) => ({
  ...r,
  nuts: r.nuts ?? null,
}));

// a name is compared key by key: jsonb keeps its keys in an order of its own
const sameRegion = (a: RegionRow, b: RegionRow) =>
  a.countryCode === b.countryCode &&
  a.parentCode === b.parentCode &&
  a.nuts === b.nuts &&
  (['original', 'ru', 'fr', 'en'] as const).every((k) => a.name[k] === b.name[k]);

/**
 * Brings the shipped reference data into the database at every start: regions are facts and follow the
 * file (only those that differ are written: there are 2,000 of them); areas of cooperation are only added,
 * since coordinators may have edited them since.
 */
export async function syncReferenceData(repos: Repositories): Promise<void> {
  await repos.transaction(async (tx) => {
    const stored = new Map((await tx.regions.list()).map((r) => [r.code, r]));
    await tx.regions.upsertMany(shippedRegions.filter((r) => !stored.has(r.code) || !sameRegion(stored.get(r.code)!, r)));
    await tx.areas.insertMissing(areasFile.areas as AreaRow[]);
  });
}
