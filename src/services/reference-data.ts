import type { Repositories } from '../repositories/index.js';
import type { AreaRow } from '../repositories/area.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';
import type { ShippedFiles } from '../repositories/shipped-data.repository.js';
import { applyShipped, type ShippedApplication } from './apply-shipped.js';

const REFERENCE_DATA: ShippedApplication = { stamp: 'reference-data', files: ['regions.json', 'areas.json'], applier: 1 };

/** The shipped regions as rows: a region without a NUTS code has none in the database either. */
const shippedRegions = (files: ShippedFiles): RegionRow[] =>
  files.json<{ regions: (Omit<RegionRow, 'nuts'> & { nuts?: string })[] }>('regions.json').regions.map((r) => ({
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
 * Brings the shipped reference data into the database when its files (or this code) changed since it was
 * last applied: regions are facts and follow the file (only those that differ are written: there are 2,000
 * of them); areas of cooperation are only added, since coordinators may have edited them since. Returns
 * whether it compared them (false: the database's stamp says it holds these files already).
 */
export async function syncReferenceData(repos: Repositories): Promise<boolean> {
  const applied = await applyShipped(repos, REFERENCE_DATA, async (tx, files) => {
    const stored = new Map((await tx.regions.list()).map((r) => [r.code, r]));
    await tx.regions.upsertMany(shippedRegions(files).filter((r) => !stored.has(r.code) || !sameRegion(stored.get(r.code)!, r)));
    await tx.areas.insertMissing(files.json<{ areas: AreaRow[] }>('areas.json').areas);
    return true;
  });
  return applied !== null;
}
