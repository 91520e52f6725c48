import { foldText } from '../shared/classification-codes.js';
import type { RegionListQuery } from '../shared/schemas/reference.js';
import type { Repositories } from '../repositories/index.js';
import type { RegionRow } from '../repositories/region.repository.js';
import { unknownValue } from './errors.js';

/** A filter on a region also covers the subdivisions inside it (FR-NAQ covers FR-87); unknown codes are refused. */
export async function expandRegions(repos: Repositories, codes: string[], field: string): Promise<string[]> {
  if (codes.length === 0) return [];
  const found = await repos.regions.withSubdivisions(codes);
  const unknown = codes.filter((c) => !found.some((r) => r.code === c));
  if (unknown.length > 0) throw unknownValue(field, unknown, 'region');
  return found.map((r) => r.code);
}

/** A filter on countries (ISO 3166-1 alpha-2) is every region of theirs; a country the platform has no region of is refused. */
export async function countryRegions(repos: Repositories, countries: string[], field: string): Promise<string[]> {
  if (countries.length === 0) return [];
  const found = await repos.regions.inCountries(countries);
  const unknown = countries.filter((c) => !found.some((r) => r.countryCode === c));
  if (unknown.length > 0) throw unknownValue(field, unknown, 'country');
  return found.map((r) => r.code);
}

/** Every word is in one of the region's names (any language, accents and case aside), or the query starts its code. */
function matches(region: RegionRow, words: string[], code: string): boolean {
  if (region.code.startsWith(code)) return true;
  const names = foldText([region.name.ru, region.name.fr, region.name.en].filter(Boolean).join(' '));
  return words.every((w) => names.includes(w));
}

/** The regions a list asks for: of some countries, matching some words; all of them without either. */
export async function findRegions(repos: Repositories, query: RegionListQuery): Promise<RegionRow[]> {
  const rows = query.country?.length ? await repos.regions.inCountries([...new Set(query.country)]) : await repos.regions.list();
  if (!query.q?.trim()) return rows;
  const words = foldText(query.q).split(/\s+/).filter(Boolean);
  const code = query.q.trim().toUpperCase();
  return rows.filter((r) => matches(r, words, code));
}
