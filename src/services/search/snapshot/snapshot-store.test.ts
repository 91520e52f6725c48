import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { tempDir } from '../../../test/temp-dir.js';
import { databaseIdentity } from '../../../repositories/database-identity.js';
import { DirectoryService } from '../../directory.service.js';
import { importOrganisations } from '../../import-organisations.js';
import { syntheticOrganisations } from '../../synthetic-organisations.js';
import type { OrganisationListQuery } from '../../../shared/schemas/organisations.js';
import { SnapshotStore, type SnapshotLog } from './snapshot-store.js';

// A process that starts from a snapshot must answer exactly as one that loaded every organisation from
// the database: same results, ranks, totals, facets and listing orders, also for what was written since.
let t: TestPlatform;
let identity: string;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  identity = await databaseIdentity(t.database.db);
});
afterAll(() => t.close());

const QUERIES: Omit<OrganisationListQuery, 'page' | 'pageSize'>[] = [
  { q: 'фильтрующие материалы', facets: true },
  { q: 'vaisselle en porcelaine', facets: true, lang: 'fr' },
  { q: 'air filters', kind: ['enterprise'], facets: true },
  { q: 'нетк' },
  { q: 'Obninsk' },
  { q: 'céramique', sort: 'name', lang: 'ru' },
  { q: 'materials', sort: 'newest' },
  { facets: true },
  { sort: 'name', lang: 'ru' },
  { sort: 'newest', kind: ['enterprise'] },
];

/** Every query's first two pages (as the service answers them, explanations included). */
async function answers(directory: DirectoryService) {
  const all = [];
  for (const query of QUERIES)
    for (const page of [1, 2]) all.push(await directory.search({ ...query, page, pageSize: 5 } as OrganisationListQuery));
  return all;
}

/** A directory service as a new process has it: its index empty until loaded or restored. */
function freshDirectory(): DirectoryService {
  return new DirectoryService(t.services.repos, t.services.classifications);
}

function recording(): SnapshotLog & { lines: string[] } {
  const lines: string[] = [];
  return { lines, info: (m) => lines.push(`info ${m}`), warn: (m) => lines.push(`warn ${m}`) };
}

/** A new process's directory, started from the snapshot folder (or loaded, when no snapshot serves). */
async function startedFrom(dir: string, database = identity) {
  const directory = freshDirectory();
  const log = recording();
  const store = new SnapshotStore(dir, database, [{ name: 'directory', ...directory.snapshotted() }], { log });
  store.start();
  // the first search's refresh restores (or, without a usable snapshot, loads)
  await directory.warmUp();
  await store.close();
  return { directory, log: log.lines, store };
}

/** The folder with a snapshot of a loaded directory index, and that directory. */
async function savedSnapshot() {
  const dir = tempDir('cb-snapshots-');
  const directory = freshDirectory();
  await directory.warmUp();
  const store = new SnapshotStore(dir, identity, [{ name: 'directory', ...directory.snapshotted() }], { log: recording() });
  expect(await store.save({ name: 'directory', ...directory.snapshotted() })).toBe(true);
  return { dir, directory, path: store.pathOf('directory') };
}

describe('the directory index started from a snapshot', () => {
  it('answers every search and listing as an index loaded from the database, also after writes made since the snapshot', async () => {
    const { dir } = await savedSnapshot();
    const restored = await startedFrom(dir);
    expect(restored.log.join('\n')).toMatch(/directory index started from its snapshot/);
    const expected = await answers(freshDirectory());
    expect(expected.some((a) => a.meta.total > 0 && a.facets)).toBe(true);
    expect(await answers(restored.directory)).toEqual(expected);

    // written after the snapshot: one unpublished, one moved to another kind, one new organisation
    const [gone, moved] = (await t.services.directory.search({ q: 'materials', page: 1, pageSize: 2 })).items;
    await t.database.db.execute(sql`update organisations set published = false where slug = ${gone!.slug}`);
    await t.database.db.execute(sql`update organisations set kind = 'university' where slug = ${moved!.slug}`);
    const [record] = [...syntheticOrganisations(1, 7)];
    const report = await importOrganisations(t.services.repos, t.services.classifications, [{ line: 1, value: record! }]);
    expect(report.inserted).toBe(1);

    const caughtUp = await startedFrom(dir);
    expect(caughtUp.log.join('\n')).toMatch(/started from its snapshot/);
    const now = await answers(freshDirectory());
    expect(now).not.toEqual(expected);
    expect(await answers(caughtUp.directory)).toEqual(now);
    // the index restored earlier catches up by its normal refresh as well
    expect(await answers(restored.directory)).toEqual(now);
  });

  it('restores an index named to restore now at the start, before any search, with the same answers', async () => {
    const { dir } = await savedSnapshot();
    const directory = freshDirectory();
    const log = recording();
    const store = new SnapshotStore(dir, identity, [{ name: 'directory', ...directory.snapshotted() }], { log });
    store.start({ restoreNow: ['directory'] });
    await expect.poll(() => log.lines.join('\n')).toMatch(/directory index started from its snapshot/);
    expect(await answers(directory)).toEqual(await answers(freshDirectory()));
    await store.close();
  });

  it('passes over a broken file, a snapshot of another database or of an unknown format, and loads from the database', async () => {
    const { dir, path } = await savedSnapshot();
    const expected = await answers(freshDirectory());
    const bytes = readFileSync(path);

    // another database: another file name
    const other = await startedFrom(dir, 'another-database');
    expect(other.log.join('\n')).toMatch(/no snapshot of the directory index/);
    expect(await answers(other.directory)).toEqual(expected);
    const cases: [string, Buffer][] = [
      ['truncated', bytes.subarray(0, Math.floor(bytes.length / 2))],
      ['not a snapshot', Buffer.from('not a snapshot at all')],
      ['an unknown store format', Buffer.from(bytes.toString('latin1').replace('"format":1', '"format":9'), 'latin1')],
      ['an unknown index format', Buffer.from(bytes.toString('latin1').replace('{"format":4,"slots"', '{"format":7,"slots"'), 'latin1')],
      // postings without room to grow, before the long ones were written apart
      ['the previous index format', Buffer.from(bytes.toString('latin1').replace('{"format":4,"slots"', '{"format":3,"slots"'), 'latin1')],
    ];
    for (const [what, content] of cases) {
      writeFileSync(path, content);
      const started = await startedFrom(dir);
      expect(started.log.join('\n'), what).toMatch(/^warn .*was not used/m);
      expect(await answers(started.directory), what).toEqual(expected);
    }
  });

  it('refuses a snapshot renamed from another database by its header', async () => {
    const { dir, path } = await savedSnapshot();
    const other = new SnapshotStore(dir, 'another-database', []).pathOf('directory');
    writeFileSync(other, readFileSync(path));
    const started = await startedFrom(dir, 'another-database');
    expect(started.log.join('\n')).toMatch(/of another index or database/);
    expect(await answers(started.directory)).toEqual(await answers(freshDirectory()));
  });

  it('writes a snapshot whole or not at all: a save that fails leaves the last one, which still loads', async () => {
    const { dir, path, directory } = await savedSnapshot();
    const before = readFileSync(path);
    const { index } = directory.snapshotted();
    const failing = {
      name: 'directory',
      startFrom: () => {},
      index: Object.assign(Object.create(index) as typeof index, {
        writeSnapshot: () => {
          throw new Error('disk full');
        },
      }),
    };
    const store = new SnapshotStore(dir, identity, [failing]);
    await expect(store.save(failing)).rejects.toThrow('disk full');
    expect(readFileSync(path).equals(before)).toBe(true);
    // no temporary file nor lock is left behind
    expect(readdirSync(dir)).toEqual([path.slice(dir.length + 1)]);
    const started = await startedFrom(dir);
    expect(started.log.join('\n')).toMatch(/started from its snapshot/);
  });

  it('saves from one process at a time: a save that finds another holding the lock leaves the file to it', async () => {
    const { dir, path, directory } = await savedSnapshot();
    const before = readFileSync(path);
    writeFileSync(`${path}.lock`, `${(await import('node:os')).hostname()} ${process.pid}`);
    const store = new SnapshotStore(dir, identity, []);
    expect(await store.save({ name: 'directory', ...directory.snapshotted() })).toBe(false);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
