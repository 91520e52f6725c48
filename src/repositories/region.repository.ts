import { asc, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import type { ReferenceCache } from './reference-cache.js';

export type RegionRow = typeof regions.$inferSelect;

/** The regions by code, by parent and by country: with 2,000 regions a lookup must not walk them all. */
interface RegionLookup {
  byCode: Map<string, RegionRow>;
  children: Map<string, RegionRow[]>;
  byCountry: Map<string, RegionRow[]>;
}

const lookups = new WeakMap<readonly RegionRow[], RegionLookup>();

function lookupOf(rows: readonly RegionRow[]): RegionLookup {
  let lookup = lookups.get(rows);
  if (lookup) return lookup;
  lookup = { byCode: new Map(), children: new Map(), byCountry: new Map() };
  const add = (map: Map<string, RegionRow[]>, key: string, row: RegionRow) => map.set(key, [...(map.get(key) ?? []), row]);
  for (const row of rows) {
    lookup.byCode.set(row.code, row);
    if (row.parentCode) add(lookup.children, row.parentCode, row);
    add(lookup.byCountry, row.countryCode, row);
  }
  lookups.set(rows, lookup);
  return lookup;
}

export class RegionRepository {
  constructor(
    private readonly db: Database,
    private readonly cache: ReferenceCache,
  ) {}

  /** Every region, by country and code (read once a process: ReferenceCache). */
  async list(): Promise<RegionRow[]> {
    return [...(await this.rows())];
  }

  /** Every region, the same array until the regions are written again: what is worked out from it can be kept beside it. */
  all(): Promise<readonly RegionRow[]> {
    return this.rows();
  }

  async get(code: string): Promise<RegionRow | undefined> {
    return lookupOf(await this.rows()).byCode.get(code);
  }

  /** The regions of the given countries (ISO 3166-1 alpha-2), by code. */
  async inCountries(countries: string[]): Promise<RegionRow[]> {
    const { byCountry } = lookupOf(await this.rows());
    return countries.flatMap((c) => byCountry.get(c) ?? []);
  }

  async upsertMany(rows: RegionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insert(regions)
      .values(rows)
      .onConflictDoUpdate({
        target: regions.code,
        set: {
          countryCode: sql`excluded.country_code`,
          parentCode: sql`excluded.parent_code`,
          nuts: sql`excluded.nuts`,
          name: sql`excluded.name`,
        },
      });
    this.cache.clear();
  }

  /** The given regions and the subdivisions inside them (a region and its departments), each once, in the list's order. */
  async withSubdivisions(codes: string[]): Promise<RegionRow[]> {
    if (codes.length === 0) return [];
    const { byCode, children } = lookupOf(await this.rows());
    const found = new Map<string, RegionRow>();
    for (const code of codes) {
      const row = byCode.get(code);
      if (!row) continue;
      found.set(code, row);
      for (const child of children.get(code) ?? []) found.set(child.code, child);
    }
    // in the list's order, as callers showed them before
    const byListOrder = (a: RegionRow, b: RegionRow) => a.countryCode.localeCompare(b.countryCode) || (a.code < b.code ? -1 : 1);
    return [...found.values()].sort(byListOrder);
  }

  private rows(): Promise<readonly RegionRow[]> {
    return this.cache.regions(() => this.db.select().from(regions).orderBy(asc(regions.countryCode), asc(regions.code)));
  }
}
