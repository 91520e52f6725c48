import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPlatform } from '../../../platform.js';
import { createTestPlatform } from '../../../test/test-platform.js';
import { tempDir } from '../../../test/temp-dir.js';

// The platform (the server, the CLI's search and partners) starts its directory index from the snapshot
// folder: a restart after a clean shutdown searches from the snapshot, not from a load of every organisation.
describe('a platform with a snapshot folder', () => {
  it('saves the directory and partner indexes at a clean shutdown and starts from it at the next start, with the same results', async () => {
    const folder = tempDir('cb-platform-snapshots-');
    const snapshotDir = join(folder, 'snapshots');
    // PostgreSQL: a database of its own; PGlite: a data folder, opened by one platform at a time
    const server = process.env.TEST_DATABASE_URL ? await createTestPlatform({ seedExamples: true }) : null;
    const config = server
      ? { databaseUrl: server.databaseUrl, dataDir: '', snapshotDir, outboxDir: folder }
      : { databaseUrl: null, dataDir: join(folder, 'data'), snapshotDir, outboxDir: folder };
    try {
      const lines: string[] = [];
      const snapshotLog = { info: (m: string) => lines.push(m), warn: (m: string) => lines.push(`warn ${m}`) };
      const query = { q: 'фильтрующие материалы', page: 1, pageSize: 10, facets: true };

      const first = await openPlatform(config, { seedDemoIfEmpty: true, seedExamples: true, snapshotLog });
      const before = await first.services.directory.search(query);
      const partnersBefore = await first.services.matches.suggest('example-tehkeram', { limit: 5 }, null);
      await first.close();
      expect(before.meta.total).toBeGreaterThan(0);
      expect(partnersBefore.items.length).toBeGreaterThan(0);
      for (const index of ['directory', 'partners'])
        expect(readdirSync(snapshotDir).filter((f) => f.startsWith(`${index}-`) && f.endsWith('.snapshot'))).toHaveLength(1);
      expect(lines.join('\n')).toMatch(/no snapshot of the directory index yet/);

      lines.length = 0;
      const second = await openPlatform(config, { snapshotLog });
      try {
        expect(await second.services.directory.search(query)).toEqual(before);
        expect(await second.services.matches.suggest('example-tehkeram', { limit: 5 }, null)).toEqual(partnersBefore);
        expect(lines.join('\n')).toMatch(/directory index started from its snapshot/);
        expect(lines.join('\n')).toMatch(/partners index started from its snapshot/);
        expect(lines.join('\n')).not.toMatch(/warn/);
      } finally {
        await second.close();
      }
    } finally {
      await server?.close();
    }
    // two or three platforms opened one after another, on a loaded machine
  }, 180_000);
});
