import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCK_FILE } from '../db/data-dir-lock.js';
import { openPlatform, type Platform } from '../platform.js';
import { exportOrganisations } from '../services/export-organisations.js';
import { clusterbridge } from '../test/cli.js';
import { tempDir } from '../test/temp-dir.js';
import { controlSocketPath } from './control-client.js';
import { openControlSocket } from './control-socket.js';

/** A socket file left by a server that was killed: it is there, and nobody answers on it. */
async function leaveStaleSocket(path: string): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${JSON.stringify(path)}, () => console.log('up'))`]);
  await new Promise<void>((ok) => child.stdout.once('data', () => ok()));
  const gone = new Promise((ok) => child.once('exit', ok));
  child.kill('SIGKILL');
  await gone;
  expect(statSync(path).isSocket()).toBe(true);
}

const openFolder = (dataDir: string) => openPlatform({ databaseUrl: '', dataDir }, { seedDemoIfEmpty: true, seedExamples: true });

async function exported(platform: Platform, includeUnpublished: boolean): Promise<string> {
  let text = '';
  await exportOrganisations(platform.services.repos, 'jsonl', (chunk) => void (text += chunk), { includeUnpublished });
  return text;
}

describe('the CLI beside a running server (PGlite)', () => {
  it('searches, suggests, exports and backs up through the control socket as it does on a stopped folder, and refuses writes', async () => {
    const dir = tempDir('cb-live-');
    const data = join(dir, 'data');
    const socket = controlSocketPath(data);
    // a server killed before left its socket: the next one replaces it
    await leaveStaleSocket(socket);

    const server = await openFolder(data);
    const control = await openControlSocket(server, data);
    let live: Awaited<ReturnType<typeof clusterbridge>>[];
    let published: string;
    let everything: string;
    try {
      expect(control?.path).toBe(socket);
      expect(statSync(socket).mode & 0o777).toBe(0o600);
      published = await exported(server, false);
      everything = await exported(server, true);
      live = await Promise.all([
        clusterbridge(data, ['search', 'фильтрующие', 'материалы']),
        clusterbridge(data, ['partners', 'example-tehkeram', '--lang', 'fr', '--limit', '3']),
        clusterbridge(data, ['export', '--out', join(dir, 'live.csv'), '--separator', 'semicolon', '--include-unpublished']),
        clusterbridge(data, ['export', '--format', 'jsonl']),
        clusterbridge(data, ['backup', join(dir, 'live.backup')]),
        clusterbridge(data, ['partners', 'no-such-organisation']),
        clusterbridge(data, ['grant', 'root@example.org', '--role', 'platform_admin']),
        clusterbridge(data, ['reindex']),
      ]);
    } finally {
      await control?.close();
      await server.close();
    }
    const [search, partners, csv, jsonl, backup, missing, grant, reindex] = live;
    for (const ok of [search, partners, csv, jsonl, backup]) {
      expect(ok!.stderr).not.toContain('in use');
      expect(ok!.code, ok!.stderr).toBe(0);
    }
    expect(search!.stdout).toMatch(/example-nontisse\tFR-ARA\tTextiles Filtrants du Rhône\t— filtering materials «médias filtrants»/);
    expect(csv!.stderr).toMatch(/export \[#+\] (\d+)\/\1 100%/);
    expect(csv!.stderr).toMatch(/Exported \d+ organisation\(s\) to .*live\.csv \(CSV, ";" between cells\)\./);
    expect(backup!.stderr).toMatch(/backup \(MB\) \[#+\] (\d+)\/\1 100%/);
    expect(backup!.stdout).toMatch(/^Backed up .* to .*live\.backup \(\d+\.\d MB\)/);
    expect(statSync(join(dir, 'live.backup')).mode & 0o777).toBe(0o600);
    expect(missing!.code).toBe(1);
    expect(missing!.stderr).toContain('was not found');
    for (const refused of [grant!, reindex!]) {
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use by the running server \(process \d+\)\. This command changes data[^\n]*stop the server first/);
    }
    expect(statSync(socket, { throwIfNoEntry: false })).toBeUndefined();

    // the same commands on the stopped folder (with a stale socket beside it) print the same
    await leaveStaleSocket(socket);
    const direct = [
      await clusterbridge(data, ['search', 'фильтрующие', 'материалы']),
      await clusterbridge(data, ['partners', 'example-tehkeram', '--lang', 'fr', '--limit', '3']),
      await clusterbridge(data, ['export', '--out', join(dir, 'direct.csv'), '--separator', 'semicolon', '--include-unpublished']),
    ];
    expect(direct.map((r) => r.stdout)).toEqual([search!.stdout, partners!.stdout, csv!.stdout]);
    expect(readFileSync(join(dir, 'direct.csv'), 'utf8')).toBe(readFileSync(join(dir, 'live.csv'), 'utf8'));
    expect(jsonl!.stdout).toBe(published);

    // the backup taken from the running server, restored and started, holds the same organisations
    const restored = join(dir, 'restored');
    const restore = await clusterbridge(restored, ['restore', join(dir, 'live.backup')]);
    expect(restore.stdout).toContain(`Restored ${join(dir, 'live.backup')} into ${restored}.`);
    const again = await openFolder(restored);
    try {
      expect(await exported(again, true)).toBe(everything);
    } finally {
      await again.close();
    }
  }, 300_000);

  it('says the folder is in use when its holder is not a server answering on the socket', async () => {
    const data = join(tempDir('cb-live-'), 'data');
    mkdirSync(data);
    await leaveStaleSocket(controlSocketPath(data));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(data, LOCK_FILE), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
      const search = await clusterbridge(data, ['search', 'ceramics']);
      expect(search.code).toBe(1);
      expect(search.stderr).toContain(`The data folder ${data} is in use by process ${other.pid}`);
      const seed = await clusterbridge(data, ['seed']);
      expect(seed.stderr).toContain(`is in use by process ${other.pid}`);
      expect(seed.stderr).not.toContain('running server');
    } finally {
      other.kill();
    }
  }, 60_000);
});
