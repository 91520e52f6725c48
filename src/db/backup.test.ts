import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/temp-dir.js';
import { BackupError, pgDump, restoreDataDir } from './backup.js';
import { openDatabase } from './client.js';
import { DataDirLockedError, LOCK_FILE } from './data-dir-lock.js';

/** A backup of a small data folder holding one table and the lock of the process that took it. */
async function backupOf(dir: string): Promise<string> {
  const database = await openDatabase({ dataDir: join(dir, 'source') });
  try {
    await database.db.execute('create table kept (name text)');
    await database.db.execute("insert into kept values ('Limousin')");
    const file = join(dir, 'source.backup');
    writeFileSync(file, new Uint8Array(await (await database.dumpDataDir!()).arrayBuffer()));
    return file;
  } finally {
    await database.close();
  }
}

async function kept(dataDir: string): Promise<unknown[]> {
  const database = await openDatabase({ dataDir });
  try {
    return ((await database.db.execute('select name from kept')) as unknown as { rows: unknown[] }).rows;
  } finally {
    await database.close();
  }
}

describe('restoreDataDir', () => {
  it('restores into a new folder without the lock it was taken under, refuses a full one, and --force moves it aside', async () => {
    const dir = tempDir('cb-restore-');
    const file = await backupOf(dir);
    const target = join(dir, 'target');

    expect(await restoreDataDir(file, target)).toEqual({ movedAside: null });
    expect(existsSync(join(target, LOCK_FILE))).toBe(false);
    expect(await kept(target)).toEqual([{ name: 'Limousin' }]);

    await expect(restoreDataDir(file, target)).rejects.toThrow(/is not empty .*--force/);
    writeFileSync(join(target, 'mine.txt'), 'keep me');
    const { movedAside } = await restoreDataDir(file, target, { force: true });
    expect(readFileSync(join(movedAside!, 'mine.txt'), 'utf8')).toBe('keep me');
    expect(existsSync(join(movedAside!, LOCK_FILE))).toBe(false);
    expect(existsSync(join(target, 'mine.txt'))).toBe(false);
    expect(await kept(target)).toEqual([{ name: 'Limousin' }]);
    // nothing is left of the work in between
    expect(readdirSync(dir).filter((name) => name.includes('restoring'))).toEqual([]);
  }, 120_000);

  it('refuses a folder in use even with --force, and files that are not a PGlite backup, changing nothing', async () => {
    const dir = tempDir('cb-restore-');
    const target = join(dir, 'target');
    mkdirSync(target);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      writeFileSync(join(target, LOCK_FILE), JSON.stringify({ pid: other.pid, host: hostname(), since: '2026-01-01T00:00:00Z' }));
      const gzip = join(dir, 'any.gz');
      writeFileSync(gzip, new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0]));
      await expect(restoreDataDir(gzip, target, { force: true })).rejects.toBeInstanceOf(DataDirLockedError);
    } finally {
      other.kill();
    }
    const dump = join(dir, 'server.dump');
    writeFileSync(dump, 'PGDMP\u0001\u000e');
    await expect(restoreDataDir(dump, target)).rejects.toThrow(/PostgreSQL backup \(pg_dump\): restore it with pg_restore/);
    const text = join(dir, 'notes.txt');
    writeFileSync(text, 'hello');
    await expect(restoreDataDir(text, target)).rejects.toThrow(BackupError);
    const broken = join(dir, 'broken.tar.gz');
    writeFileSync(broken, new Uint8Array([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3]));
    await expect(restoreDataDir(broken, join(dir, 'new'))).rejects.toThrow(/is damaged/);
    expect(existsSync(join(dir, 'new'))).toBe(false);
  }, 60_000);
});

describe('pgDump', () => {
  it('says so when pg_dump is not on PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      await expect(pgDump('postgres://nobody@127.0.0.1:1/none', join(tempDir('cb-dump-'), 'x'))).rejects.toThrow(/pg_dump is not on PATH/);
    } finally {
      process.env.PATH = path;
    }
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    'writes the server database in pg_dump’s custom format',
    async () => {
      const file = join(tempDir('cb-dump-'), 'server.dump');
      await pgDump(process.env.TEST_DATABASE_URL!, file);
      expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
    },
    60_000,
  );
});
