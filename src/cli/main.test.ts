import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { clusterbridge as run } from '../test/cli.js';
import { tempDir } from '../test/temp-dir.js';

const exec = promisify(execFile);
/** Each command starts the platform afresh (its migrations, the demo data): seconds each on a quiet 2-core machine, far more under load. */
const CLI_TEST_MS = 240_000;
const root = new URL('../../', import.meta.url).pathname;
const clusterbridge = (dataDir: string, ...args: string[]) => run(dataDir, args);

describe('clusterbridge CLI', () => {
  it('imports JSON Lines, refuses a bad file with its line numbers, and exports CSV', async () => {
    const dir = tempDir('cb-cli-');
    const data = join(dir, 'data');
    const good = join(dir, 'good.jsonl');
    writeFileSync(
      good,
      JSON.stringify({
        slug: 'limoges-filtres',
        kind: 'enterprise',
        region: 'FR-87',
        name: { original: 'fr', fr: 'Filtres de Limoges' },
        nace: ['28.29A'],
      }) + '\n',
    );
    const bad = join(dir, 'bad.jsonl');
    writeFileSync(
      bad,
      [
        JSON.stringify({ kind: 'enterprise', region: 'FR-87', name: { original: 'fr', fr: 'Bon' } }),
        JSON.stringify({ kind: 'enterprise', region: 'FR-87' }),
      ].join('\n'),
    );

    const refused = await clusterbridge(data, 'import', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 2: name: is required');
    expect(refused.stderr).toContain('nothing was written');

    const imported = await clusterbridge(data, 'import', good);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain('Imported 1 organisation(s)');
    expect(imported.stderr).toMatch(/import \[#+\] 1\/1 100%/);

    const out = join(dir, 'out.csv');
    const exported = await clusterbridge(data, 'export', '--out', out);
    expect(exported.code).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('limoges-filtres,enterprise,business,FR-87,fr,,Filtres de Limoges');
  }, CLI_TEST_MS);

  it('lists every configuration problem at once and exits 1', async () => {
    const env = { ...process.env, PORT: 'abc', LOG_LEVEL: 'loud' };
    const failed = await exec(process.execPath, ['--import', 'tsx', join(root, 'src/cli/index.ts'), 'migrate'], { env, cwd: root }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect((failed as { code: number }).code).toBe(1);
    expect((failed as { stderr: string }).stderr).toMatch(/PORT[\s\S]*LOG_LEVEL/);
  }, CLI_TEST_MS);
});

describe('clusterbridge CLI: roles', () => {
  it('creates the first administrator and grants and revokes a coordinator role', async () => {
    const dir = tempDir('cb-cli-');
    const data = join(dir, 'data');
    const weak = await clusterbridge(data, 'create-admin', '--email', 'root@example.org', '--password', 'password1');
    expect(weak.code).toBe(1);
    expect(weak.stderr).toMatch(/at least 10 characters/);
    const made = await clusterbridge(data, 'create-admin', '--email', 'root@example.org', '--password', 'Very-long-admin-secret-1');
    expect(made.stdout).toContain('Administrator root@example.org created.');
    const noRegion = await clusterbridge(data, 'grant', 'root@example.org', '--role', 'regional_coordinator');
    expect(noRegion.code).toBe(1);
    expect(noRegion.stderr).toContain('--region');
    expect(
      (await clusterbridge(data, 'grant', 'root@example.org', '--role', 'regional_coordinator', '--region', 'RU-KLU')).stdout,
    ).toContain('Granted regional_coordinator');
    expect(
      (await clusterbridge(data, 'revoke', 'root@example.org', '--role', 'regional_coordinator', '--region', 'RU-KLU')).stdout,
    ).toContain('Revoked');
  }, CLI_TEST_MS);
});

describe('clusterbridge CLI: search and partners', () => {
  it('searches across languages, suggests partners with their reasons, and re-indexes', async () => {
    const data = join(tempDir('cb-cli-'), 'data');
    expect((await clusterbridge(data, 'seed')).code).toBe(0);

    const found = await clusterbridge(data, 'search', 'фильтрующие', 'материалы');
    expect(found.code).toBe(0);
    expect(found.stdout).toMatch(/example-nontisse\tFR-ARA\tTextiles Filtrants du Rhône\t— filtering materials «médias filtrants»/);

    const partners = await clusterbridge(data, 'partners', 'example-tehkeram', '--lang', 'fr', '--limit', '3');
    expect(partners.code).toBe(0);
    const first = partners.stdout.split('\n')[0]!;
    expect(first).toMatch(/\tFR-(19|23|87)\t/);
    expect(first).toContain('region pair Région de Kalouga — Limousin');

    const missing = await clusterbridge(data, 'partners', 'no-such-organisation');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('was not found');

    const reindexed = await clusterbridge(data, 'reindex');
    expect(reindexed.stdout).toMatch(/^\d+ organisations re-indexed\./m);
    expect(reindexed.stderr).toMatch(/reindex \[#+\] (\d+)\/\1 100%/);
  }, CLI_TEST_MS);
});
