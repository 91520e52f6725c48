import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-dir.js';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from './data-dir-lock.js';

describe('lockDataDir', () => {
  it('refuses a second holder, naming the folder and the process', async () => {
    const dir = tempDir('cb-lock-');
    // a live process other than this one holds the lock
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
      let error: unknown;
      try {
        lockDataDir(dir);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(dir);
      expect((error as Error).message).toContain(String(other.pid));
    } finally {
      other.kill();
    }
  });

  it('takes over a lock left by a dead process and releases it', () => {
    const dir = tempDir('cb-lock-');
    writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), since: '2026-01-01T00:00:00Z' }));
    const release = lockDataDir(dir);
    expect(JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    release();
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });
});

/** Processes that try to take the lock of `dir` at the same moment; resolves with how many got it. */
async function contend(dir: string, processes: number): Promise<number> {
  const startAt = Date.now() + 1500; // every process is up and spinning by then
  const script = `
    import { lockDataDir } from ${JSON.stringify(new URL('./data-dir-lock.ts', import.meta.url).pathname)};
    while (Date.now() < ${startAt}) {}
    let got = false;
    try { lockDataDir(${JSON.stringify(dir)}); got = true; } catch {}
    process.stdout.write(got ? 'locked' : 'refused');
    setTimeout(() => {}, 1500); // hold it while the others try
  `;
  const results = await Promise.all(
    Array.from({ length: processes }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
      let out = '';
      child.stdout.on('data', (d) => (out += d));
      return new Promise<string>((resolve) => child.on('close', () => resolve(out)));
    }),
  );
  expect(results.every((r) => r === 'locked' || r === 'refused')).toBe(true);
  return results.filter((r) => r === 'locked').length;
}

describe('lockDataDir under contention', () => {
  it('gives a stale lock to exactly one of several processes starting at the same moment', { timeout: 120_000 }, async () => {
    const root = mkdtempSync(join(tmpdir(), 'cb-lock-race-'));
    try {
      for (let trial = 0; trial < 6; trial++) {
        const dir = join(root, String(trial));
        mkdirSync(dir);
        writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ pid: 2 ** 22 + 1, host: hostname(), since: '2026-01-01T00:00:00Z' }));
        expect(await contend(dir, 4)).toBe(1);
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('gives a free folder to exactly one of several processes', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cb-lock-race-'));
    try {
      expect(await contend(dir, 4)).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
