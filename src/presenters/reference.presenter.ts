import type { AreaRow } from '../repositories/area.repository.js';
import type { RegionRow } from '../repositories/region.repository.js';
import type { Area, Region } from '../shared/schemas/reference.js';

export const presentRegion = (row: RegionRow): Region => ({
  code: row.code,
  countryCode: row.countryCode,
  parentCode: row.parentCode,
  nuts: row.nuts,
  name: row.name,
});

export const presentArea = (row: AreaRow): Area => ({
  code: row.code,
  name: row.name,
  description: row.description,
  naceClasses: row.naceClasses,
});
