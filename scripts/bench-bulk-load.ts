// Bulk loading for the benchmarks' synthetic sets: the tables' secondary indexes are dropped while the rows go
// in and built once at the end, as a database restore does. Kept up one row at a time, the six GIN indexes
// of organisations (search document, trigrams, names, concepts, codes, areas) are most of the load's cost and
// grow dearer with the table; built once from the whole table they take a minute at a million rows.
import { sql } from 'drizzle-orm';
import type { Database } from '../src/db/client.js';

/** The tables a synthetic set fills. Unique indexes stay: they keep slugs and keys unique while loading. */
const TABLES = ['organisations', 'people', 'organisation_people'];

/**
 * Records the tables' non-unique indexes in `bench_deferred_indexes`, then drops them. The record is
 * written before any drop, so an interrupted load is finished by the next `buildDeferredIndexes`.
 */
export async function deferIndexes(db: Database): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`CREATE TABLE IF NOT EXISTS bench_deferred_indexes (name text PRIMARY KEY, definition text NOT NULL)`);
    await tx.execute(sql`
      INSERT INTO bench_deferred_indexes (name, definition)
      SELECT c.relname, pg_get_indexdef(i.indexrelid)
      FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
      WHERE t.relname IN (${sql.join(TABLES.map((t) => sql`${t}`), sql`, `)}) AND NOT i.indisunique
        AND t.relnamespace = 'public'::regnamespace
      ON CONFLICT (name) DO NOTHING`);
    const deferred = rows<{ name: string }>(await tx.execute(sql`SELECT name FROM bench_deferred_indexes`));
    for (const { name } of deferred) await tx.execute(sql`DROP INDEX IF EXISTS ${sql.identifier(name)}`);
  });
}

/** Builds the indexes `deferIndexes` dropped (none when it did not run), each in a transaction of its own. */
export async function buildDeferredIndexes(db: Database, onBuilt?: (name: string, done: number, total: number) => void): Promise<void> {
  const [exists] = rows<{ present: boolean }>(await db.execute(sql`SELECT to_regclass('bench_deferred_indexes') IS NOT NULL AS present`));
  if (!exists?.present) return;
  const deferred = rows<{ name: string; definition: string }>(
    await db.execute(sql`SELECT name, definition FROM bench_deferred_indexes ORDER BY name`),
  );
  for (const [i, { name, definition }] of deferred.entries()) {
    await db.transaction(async (tx) => {
      // a GIN or btree build sorts in memory up to this (the server's default is 64 MB)
      await tx.execute(sql`SET LOCAL maintenance_work_mem = '512MB'`);
      await tx.execute(sql.raw(definition.replace(/^CREATE (UNIQUE )?INDEX /, 'CREATE $1INDEX IF NOT EXISTS ')));
      await tx.execute(sql`DELETE FROM bench_deferred_indexes WHERE name = ${name}`);
    });
    onBuilt?.(name, i + 1, deferred.length);
  }
  await db.execute(sql`DROP TABLE bench_deferred_indexes`);
}

/** The rows of a result (node-postgres and PGlite both give `rows`). */
function rows<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}
