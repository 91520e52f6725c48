import { asc, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { areas } from '../db/schema/index.js';
import type { ReferenceCache } from './reference-cache.js';

export type AreaRow = typeof areas.$inferSelect;

export class AreaRepository {
  constructor(
    private readonly db: Database,
    private readonly cache: ReferenceCache,
  ) {}

  /** Every area of cooperation, in its shipped order (read once a process: ReferenceCache). */
  async list(): Promise<AreaRow[]> {
    return [...(await this.cache.areas(() => this.db.select().from(areas).orderBy(asc(areas.position), asc(areas.code))))];
  }

  async upsertMany(rows: AreaRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db
      .insert(areas)
      .values(rows)
      .onConflictDoUpdate({
        target: areas.code,
        set: {
          position: sql`excluded.position`,
          name: sql`excluded.name`,
          description: sql`excluded.description`,
          naceClasses: sql`excluded.nace_classes`,
        },
      });
    this.cache.clear();
  }

  async insertMissing(rows: AreaRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(areas).values(rows).onConflictDoNothing({ target: areas.code });
    this.cache.clear();
  }

  async byCodes(codes: string[]): Promise<AreaRow[]> {
    if (codes.length === 0) return [];
    return (await this.list()).filter((a) => codes.includes(a.code));
  }
}
