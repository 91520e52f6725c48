import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';

/**
 * A name for this database as it now is, for the in-memory indexes' snapshots (services/search/snapshot/):
 * the cluster's system identifier (another server, another PGlite folder: another initdb) and its timeline
 * (a point-in-time recovery starts a new one), the database's oid and name (another database of the same
 * server; a dump restored into a new database gets a new oid), and how many migrations it has had (a
 * snapshot taken under an older schema). A snapshot of anything else is never loaded here.
 */
export async function databaseIdentity(db: Database): Promise<string> {
  const result = (await db.execute(sql`
    select (select system_identifier::text from pg_control_system()) as system,
           (select timeline_id::text from pg_control_checkpoint()) as timeline,
           (select oid::text from pg_database where datname = current_database()) as database,
           current_database() as name,
           (select count(*)::text from drizzle.__drizzle_migrations) as migrations`)) as unknown as {
    rows: Record<'system' | 'timeline' | 'database' | 'name' | 'migrations', string>[];
  };
  const row = result.rows[0]!;
  return createHash('sha256')
    .update([row.system, row.timeline, row.database, row.name, row.migrations].join('/'))
    .digest('hex')
    .slice(0, 16);
}
