import { asc, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { regions } from '../db/schema/index.js';
import type { ReferenceCache } from './reference-cache.js';

export type RegionRow = typeof regions.$inferSelect;

export class RegionRepository {
  constructor(
    private readonly db: Database,
    private readonly cache: ReferenceCache,
  ) {}

  /** Every region, by country and code (read once a process: ReferenceCache). */
  async list(): Promise<RegionRow[]> {
    return [...(await this.cache.regions(() => this.db.select().from(regions).orderBy(asc(regions.countryCode), asc(regions.code))))];
  }

  async get(code: string): Promise<RegionRow | undefined> {
    return (await this.list()).find((r) => r.code === code);
  }

  async upsertMany(rows: RegionRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insert(regions)
      .values(rows)
      .onConflictDoUpdate({
        target: regions.code,
        set: { countryCode: sql`excluded.country_code`, parentCode: sql`excluded.parent_code`, name: sql`excluded.name` },
      });
    this.cache.clear();
  }

  /** The given regions and the subdivisions inside them (a region and its departments). */
  async withSubdivisions(codes: string[]): Promise<RegionRow[]> {
    if (codes.length === 0) return [];
    return (await this.list()).filter((r) => codes.includes(r.code) || (r.parentCode !== null && codes.includes(r.parentCode)));
  }
}
