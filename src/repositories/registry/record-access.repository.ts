import { eq, or, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { cooperationRecords } from '../../db/schema/index.js';
import type { RecordKind } from '../../shared/registry.js';
import type { RecordAccessView } from '../../services/registry/record-access.js';

/** A record as access checks read it (services/registry/record-access.ts), found by id or slug. */
export interface RecordAccessRow extends RecordAccessView {
  id: string;
  slug: string;
  kind: RecordKind;
}

/** The one read every registry capability (records, documents, timelines, search) checks access with. */
export class RecordAccessRepository {
  constructor(private readonly db: Database) {}

  async find(idOrSlug: string): Promise<RecordAccessRow | null> {
    const isUuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(idOrSlug);
    const [row] = await this.db
      .select({
        id: cooperationRecords.id,
        slug: cooperationRecords.slug,
        kind: cooperationRecords.kind,
        published: cooperationRecords.published,
        regionCodes: cooperationRecords.regionCodes,
        // the outer column spelt out: Drizzle leaves a one-table select's columns unqualified, and an
        // unqualified "id" in this subquery would be record_parties.id
        partyOrganisationIds: sql<string[]>`coalesce((select array_agg(p.organisation_id::text) from record_parties p
          where p.record_id = "cooperation_records"."id" and p.organisation_id is not null), '{}')`,
      })
      .from(cooperationRecords)
      .where(
        isUuid ? or(eq(cooperationRecords.id, idOrSlug), eq(cooperationRecords.slug, idOrSlug)) : eq(cooperationRecords.slug, idOrSlug),
      )
      .limit(1);
    return row ?? null;
  }
}
