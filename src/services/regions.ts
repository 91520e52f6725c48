import type { Repositories } from '../repositories/index.js';
import { unknownValue } from './errors.js';

/** A filter on a region also covers the subdivisions inside it (FR-NAQ covers FR-87); unknown codes are refused. */
export async function expandRegions(repos: Repositories, codes: string[], field: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await repos.regions.withSubdivisions(codes);
  const unknown = codes.filter((c) => !found.some((r) => r.code === c));
  if (unknown.length > 0) throw unknownValue(field, unknown, 'region');
  return found.map((r) => r.code);
}
