import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { codeFile } from '../code-files.js';
import pg from 'pg';
import { lockDataDir } from './data-dir-lock.js';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
/** The one database type the repositories see, whichever engine is behind it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Applies the committed migrations (drizzle/); safe to call on an up-to-date database. */
  migrate(): Promise<void>;
  /**
   * PGlite only: a consistent copy of the data folder as a gzipped tarball (db/backup.ts), taken between
   * transactions after a checkpoint.
   */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

/** The extensions the migrations create; a data folder opens with the same ones. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };

/** Statements that only read: the rest (updates, inserts, `with` statements that write) count as writes. */
const READ_ONLY = /^\s*\(?\s*(select|explain|show)\b/i;
/**
 * A `with` statement reads only when none of its parts inserts, updates, deletes or merges: the glossary's
 * reading of a query and a timeline's page are `with` statements, and counted as writes they made every
 * search look again for recent writes (5 ms on PGlite).
 */
const WITH = /^\s*with\b/i;
const WRITES = /\b(insert|update|delete|merge)\b/i;
const readsOnly = (text: string) => READ_ONLY.test(text) || (WITH.test(text) && !WRITES.test(text));

const writeCounts = new WeakMap<Database, () => number>();

/**
 * How many writes this process has committed to the database, when it is the only writer (PGlite: one
 * process per data folder, data-dir-lock.ts); null when other processes may write too (a PostgreSQL
 * server). The in-memory indexes skip their look for recent writes while it stays the same: on PGlite each
 * statement runs in the server's thread (~1 ms even for `select 1`), and a look before every read halved
 * what the directory could serve.
 */
export function writeCount(db: Database): number | null {
  return writeCounts.get(db)?.() ?? null;
}

/** Counts each write once it has committed: an autocommitted statement when it returns, a transaction when it ends. */
function countWrites(client: PGlite): () => number {
  let writes = 0;
  const counted = <T>(run: Promise<T>): Promise<T> =>
    run.finally(() => {
      writes++;
    });
  const query = client.query.bind(client);
  const exec = client.exec.bind(client);
  const transaction = client.transaction.bind(client);
  client.query = ((text: string, ...rest: never[]) => {
    const run = query(text, ...rest);
    return readsOnly(text) ? run : counted(run);
  }) as typeof client.query;
  client.exec = ((...args: Parameters<typeof exec>) => counted(exec(...args))) as typeof client.exec;
  client.transaction = ((...args: Parameters<typeof transaction>) => counted(transaction(...args))) as typeof client.transaction;
  return () => writes;
}

const migrationsFolder = codeFile('../drizzle');

export interface OpenOptions {
  /** postgres://… to use a server; otherwise PGlite. */
  databaseUrl?: string | null;
  /** PGlite data folder; omitted for an in-memory database (tests). */
  dataDir?: string | null;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // an idle connection that the server drops (a restart, an administrator) must not take the process
    // down: the pool discards it and opens another for the next query
    pool.on('error', (error) => console.error(`database connection lost: ${error.message}`));
    const db = drizzlePg({ client: pool, schema }) as unknown as Database;
    return {
      db,
      kind: 'postgres',
      migrate: async () => {
        await migratePg(db as never, { migrationsFolder });
      },
      close: () => pool.end(),
    };
  }
  const release = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  try {
    const client = await PGlite.create(options.dataDir ?? undefined, { extensions: PGLITE_EXTENSIONS });
    const writes = countWrites(client);
    const db = drizzlePglite({ client, schema }) as unknown as Database;
    writeCounts.set(db, writes);
    return {
      db,
      kind: 'pglite',
      migrate: async () => {
        await migratePglite(db as never, { migrationsFolder });
      },
      dumpDataDir: async () => {
        // the checkpoint writes what the WAL holds into the tables' files, so a restored copy starts without
        // replaying it; holding the transaction mutex keeps the copy between transactions, never in one
        await client.exec('CHECKPOINT');
        return client._runExclusiveTransaction(() => client.dumpDataDir('gzip'));
      },
      close: async () => {
        await client.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}
