import type { Repositories } from '../repositories/index.js';
import { unknownValue } from './errors.js';

/** Refuses codes that name no area of cooperation, listing them under `field`. */
export async function requireKnownAreas(repos: Repositories, codes: string[], field: string): Promise<void> {
  if (codes.length === 0) return;
  const known = new Set((await repos.areas.byCodes(codes)).map((a) => a.code));
  const unknown = codes.filter((c) => !known.has(c));
  if (unknown.length > 0) throw unknownValue(field, unknown, 'area of cooperation');
}
