import { spawn } from 'node:child_process';
import { join } from 'node:path';
import pg from 'pg';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clusterbridge } from '../test/cli.js';
import { tempDir } from '../test/temp-dir.js';

const root = new URL('../../', import.meta.url).pathname;
const server = process.env.TEST_DATABASE_URL;

/** A database of its own on the test server, dropped at the end. */
async function scratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `cb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(server!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: server });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

describe('serve-cluster', () => {
  it('refuses PGlite and bad counts, saying which option', async () => {
    const data = join(tempDir('cb-cluster-'), 'data');
    const pglite = await clusterbridge(data, ['serve-cluster']);
    expect(pglite.code).toBe(1);
    expect(pglite.stderr).toContain('serve-cluster needs DATABASE_URL');
    const none = await clusterbridge(data, ['serve-cluster', '--web', '0'], { DATABASE_URL: 'postgres://127.0.0.1:1/none' });
    expect(none.stderr).toContain('--web must be a whole number from 1 to 64, got "0"');
  }, 240_000);

  it.skipIf(!server)(
    'starts web processes on one port that send searches to the search process, and stops them all',
    async () => {
      const db = await scratchDatabase();
      const port = 20000 + Math.floor(Math.random() * 20000);
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(root, 'src/cli/index.ts'), 'serve-cluster', '--web', '2', '--search', '1', '--search-port', String(port + 1)],
        { cwd: root, env: { ...process.env, DATABASE_URL: db.url, PORT: String(port), SEED_DEMO: 'true', SEED_EXAMPLES: 'true', LOG_LEVEL: 'warn' } },
      );
      let output = '';
      child.stdout.on('data', (chunk) => (output += chunk));
      child.stderr.on('data', (chunk) => (output += chunk));
      const exited = new Promise((ok) => child.once('exit', ok));
      try {
        for (let waited = 0; (output.match(/Clusterbridge ready/g) ?? []).length < 3; waited += 500) {
          if (waited > 200_000) throw new Error(`the cluster did not start:\n${output}`);
          await new Promise((ok) => setTimeout(ok, 500));
        }
        const answer = await fetch(`http://127.0.0.1:${port}/api/v1/organisations?q=filtres`);
        expect(answer.status).toBe(200);
        const body = (await answer.json()) as { items: { slug: string }[] };
        expect(body.items.map((o) => o.slug)).toContain('example-nontisse');
        // the search process answered it directly as well: the same organisations
        const direct = (await (await fetch(`http://127.0.0.1:${port + 1}/api/v1/organisations?q=filtres`)).json()) as typeof body;
        expect(direct.items.map((o) => o.slug)).toEqual(body.items.map((o) => o.slug));
      } finally {
        child.kill('SIGTERM');
        await exited;
        await db.drop();
      }
      // no process of the cluster is left listening
      await expect(fetch(`http://127.0.0.1:${port}/api/v1/health`)).rejects.toThrow();
      await expect(fetch(`http://127.0.0.1:${port + 1}/api/v1/health`)).rejects.toThrow();
    },
    300_000,
  );
});
