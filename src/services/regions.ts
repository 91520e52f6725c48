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

/** Each region's names in every language, folded, kept beside the list they were read from. */
const foldedNames = new WeakMap<readonly RegionRow[], Map<string, string>>();

function namesOf(all: readonly RegionRow[]): Map<string, string> {
  let names = foldedNames.get(all);
  if (!names) {
    names = new Map(all.map((r) => [r.code, foldText([r.name.ru, r.name.fr, r.name.en].filter(Boolean).join(' '))]));
    foldedNames.set(all, names);
  }
  return names;
}

/** The regions a list asks for: of some countries, matching some words; all of them without either. */
export async function findRegions(repos: Repositories, query: RegionListQuery): Promise<readonly RegionRow[]> {
  const rows = query.country?.length ? await repos.regions.inCountries([...new Set(query.country)]) : await repos.regions.all();
  if (!query.q?.trim()) return rows;
  // every word is in one of the region's names (any language, accents and case aside), or the query starts its code
  const words = foldText(query.q).split(/\s+/).filter(Boolean);
  const code = query.q.trim().toUpperCase();
  const names = namesOf(await repos.regions.all());
  return rows.filter((r) => r.code.startsWith(code) || words.every((w) => names.get(r.code)!.includes(w)));
}

/** The whole list as the API answers it, serialised once for each state of the regions (2,000 of them, asked at every page load). */
const listJson = new WeakMap<readonly RegionRow[], string>();

export async function allRegionsJson(repos: Repositories, present: (row: RegionRow) => unknown): Promise<string> {
  const all = await repos.regions.all();
  let json = listJson.get(all);
  if (json === undefined) {
    json = JSON.stringify({ items: all.map(present) });
    listJson.set(all, json);
  }
  return json;
}
