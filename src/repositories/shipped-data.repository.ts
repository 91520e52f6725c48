import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { eq, sql } from 'drizzle-orm';
import { codeFile } from '../code-files.js';
import type { Database } from '../db/client.js';
import { shippedDataStamps } from '../db/schema/index.js';

/**
 * A shipped reference file (src/reference/<name>), parsed. Read from disk, not imported: imported, the files'
 * 6 MB became part of the server's bundle, compiled as code at every start whether they were needed or not.
 */
export function readShippedJson<T>(name: string): T {
  return JSON.parse(readFileSync(codeFile(`reference/${name}`), 'utf8')) as T;
}

/**
 * A digest of shipped files and of the version of the code that applies them (`applier`: one more when what
 * it writes from the same files changes), which a database's stamp is compared with.
 */
export function shippedDigest(names: readonly string[], applier: number): string {
  const hash = createHash('sha256').update(`applier ${applier}\n`);
  for (const name of names) hash.update(`${name}\n`).update(readFileSync(codeFile(`reference/${name}`)));
  return hash.digest('hex');
}

/** The stamps of what shipped data a database holds (db/schema/shipped-data.ts). */
export class ShippedDataRepository {
  constructor(private readonly db: Database) {}

  async stamp(name: string): Promise<string | null> {
    const [row] = await this.db
      .select({ digest: shippedDataStamps.digest })
      .from(shippedDataStamps)
      .where(eq(shippedDataStamps.name, name));
    return row?.digest ?? null;
  }

  async setStamp(name: string, digest: string): Promise<void> {
    await this.db
      .insert(shippedDataStamps)
      .values({ name, digest })
      .onConflictDoUpdate({ target: shippedDataStamps.name, set: { digest, appliedAt: sql`now()` } });
  }
}
