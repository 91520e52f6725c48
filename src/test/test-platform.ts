import type { FastifyInstance } from 'fastify';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../repositories/mail.repository.js';
import pg from 'pg';
import { buildApp } from '../http/app.js';
import { openPlatform, type Platform } from '../platform.js';

/**
 * A platform on a database of its own: in-memory PGlite by default, or a fresh database on the PostgreSQL
 * server named by TEST_DATABASE_URL (dropped afterwards). The demo data is loaded.
 */
export interface TestPlatform extends Platform {
  app: FastifyInstance;
  engine: 'pglite' | 'postgres';
  /** The PostgreSQL database's address (for a second connection, as a second server process has); null on PGlite. */
  databaseUrl: string | null;
}

export async function createTestPlatform(
  options: {
    seedDemo?: boolean;
    seedExamples?: boolean;
    /** false: the demo without its cooperation records (tests that count every record they list). */
    seedRecords?: boolean;
    clock?: Clock;
  } = {},
): Promise<TestPlatform> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  let databaseUrl: string | null = null;
  let drop = async () => {};
  if (serverUrl) {
    const name = `cb_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
    drop = async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        // a busy server may take longer than DROP's own five seconds to end the closed pool's backends
        for (let attempt = 1; ; attempt++) {
          try {
            await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            break;
          } catch (error) {
            if (attempt === 5) throw error;
            await new Promise((r) => setTimeout(r, 1000 * attempt));
          }
        }
      } finally {
        await client.end();
      }
    };
  }
  const outboxDir = mkdtempSync(join(tmpdir(), 'cb-outbox-'));
  const platform = await openPlatform(
    { databaseUrl, dataDir: '', outboxDir },
    { seedDemoIfEmpty: options.seedDemo ?? true, seedExamples: options.seedExamples ?? false, seedRecords: options.seedRecords, clock: options.clock },
  );
  // trusting one proxy hop (the test client) lets tests act from several addresses and over HTTPS
  const app = await buildApp({ services: platform.services, database: platform.database.kind, webRoot: null, trustProxy: 1 });
  await app.ready();
  return {
    ...platform,
    app,
    engine: platform.database.kind,
    databaseUrl,
    close: async () => {
      // e-mails sent after an answer still need the database
      await app.close();
      await platform.close();
      await drop();
      rmSync(outboxDir, { recursive: true, force: true });
    },
  };
}
