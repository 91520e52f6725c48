import { asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { regions } from '../db/schema/index.js';

export type RegionRow = typeof regions.$inferSelect;

export class RegionRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<RegionRow[]> {
    return this.db.select().from(regions).orderBy(asc(regions.countryCode), asc(regions.code));
  }

  async get(code: string): Promise<RegionRow | undefined> {
    const [row] = await this.db.select().from(regions).where(eq(regions.code, code));
    return row;
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
  }

  /** The given regions and the subdivisions inside them (a region and its departments). */
  async withSubdivisions(codes: string[]): Promise<RegionRow[]> {
    if (codes.length === 0) return [];
    return this.db
      .select()
      .from(regions)
      .where(or(inArray(regions.code, codes), inArray(regions.parentCode, codes)));
  }
}
