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

/** Shipped files read once: their digest, and each parsed from the bytes the digest was taken of. */
export interface ShippedFiles {
  digest: string;
  json<T>(name: string): T;
}

/**
 * Shipped files (src/reference/<name>) and their digest with the version of the code that applies them
 * (`applier`: one more when what it writes from the same files changes), which a database's stamp is
 * compared with.
 */
export function readShippedFiles(names: readonly string[], applier: number): ShippedFiles {
  const bytes = new Map(names.map((name) => [name, readFileSync(codeFile(`reference/${name}`))]));
  const hash = createHash('sha256').update(`applier ${applier}\n`);
  for (const [name, content] of bytes) hash.update(`${name}\n`).update(content);
  return {
    digest: hash.digest('hex'),
    json: <T>(name: string) => JSON.parse(bytes.get(name)!.toString('utf8')) as T,
  };
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
