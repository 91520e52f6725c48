import { asc, inArray, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { areas } from '../db/schema/index.js';

export type AreaRow = typeof areas.$inferSelect;

export class AreaRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<AreaRow[]> {
    return this.db.select().from(areas).orderBy(asc(areas.position), asc(areas.code));
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
  }

  async insertMissing(rows: AreaRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.db.insert(areas).values(rows).onConflictDoNothing({ target: areas.code });
  }

  byCodes(codes: string[]): Promise<AreaRow[]> {
    if (codes.length === 0) return Promise.resolve([]);
    return this.db.select().from(areas).where(inArray(areas.code, codes)).orderBy(asc(areas.position));
  }
}
