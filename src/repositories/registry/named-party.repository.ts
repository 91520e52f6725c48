import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { namedParties, organisations, recordParties } from '../../db/schema/index.js';
import type { OrganisationKind } from '../../shared/domain.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import { PARTY_ROLES, type PartyRole } from '../../shared/registry.js';

export type NamedPartyRow = typeof namedParties.$inferSelect;

/** A named party as the type-ahead and the merge answer show it. */
export interface NamedPartyListing extends NamedPartyRow {
  recordCount: number;
  mergedIntoOrganisation: { slug: string; name: MultilingualText } | null;
}

// the outer column spelt out: Drizzle leaves a one-table select's columns unqualified, which here would mean record_parties.id
const recordCount = sql<number>`(select count(*)::int from ${recordParties} where ${recordParties.namedPartyId} = "named_parties"."id")`;

/** The earlier role of PARTY_ROLES is the stronger (a signatory is more than an observer). */
const stronger = (a: PartyRole, b: PartyRole): PartyRole => (PARTY_ROLES.indexOf(a) <= PARTY_ROLES.indexOf(b) ? a : b);

/** Parties not on the platform yet, and their merge into the organisation they became. */
export class NamedPartyRepository {
  constructor(private readonly db: Database) {}

  async insert(values: { name: MultilingualText; kind: OrganisationKind; regionCode: string | null; countryCode: string }): Promise<NamedPartyRow> {
    const [row] = await this.db.insert(namedParties).values(values).returning();
    return row!;
  }

  async get(id: string): Promise<NamedPartyRow | undefined> {
    const [row] = await this.db.select().from(namedParties).where(eq(namedParties.id, id));
    return row;
  }

  async listing(id: string): Promise<NamedPartyListing | undefined> {
    const [row] = await this.db
      .select({ party: namedParties, recordCount, slug: organisations.slug, name: organisations.name })
      .from(namedParties)
      .leftJoin(organisations, eq(organisations.id, namedParties.mergedInto))
      .where(eq(namedParties.id, id));
    return row && { ...row.party, recordCount: row.recordCount, mergedIntoOrganisation: row.slug ? { slug: row.slug, name: row.name! } : null };
  }

  /** Named parties not merged yet whose name, in any language, holds the words typed (accents and case aside). */
  async search(q: string, regionCode: string | undefined, limit: number): Promise<NamedPartyListing[]> {
    const pattern = `%${q.trim().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const name = sql`unaccent(lower(concat_ws(' ', ${namedParties.name}->>'ru', ${namedParties.name}->>'fr', ${namedParties.name}->>'en')))`;
    const rows = await this.db
      .select({ party: namedParties, recordCount })
      .from(namedParties)
      .where(
        and(
          isNull(namedParties.mergedInto),
          q.trim() ? sql`${name} like unaccent(lower(${pattern}))` : undefined,
          regionCode ? eq(namedParties.regionCode, regionCode) : undefined,
        ),
      )
      .orderBy(sql`${namedParties.name}->>(${namedParties.name}->>'original')`, asc(namedParties.id))
      .limit(limit);
    return rows.map((r) => ({ ...r.party, recordCount: r.recordCount, mergedIntoOrganisation: null }));
  }

  /** Locks the named party's row until the end of the transaction: two merges of one party are checked one after the other. */
  async lock(id: string): Promise<NamedPartyRow | undefined> {
    const [row] = await this.db.select().from(namedParties).where(eq(namedParties.id, id)).for('update');
    return row;
  }

  /**
   * Moves every party row of the named party to the organisation. Where the organisation is already a
   * party of that record, one row stays: the organisation's, with the stronger of the two roles and the
   * earlier place. The named party stays, pointing at the organisation. Returns the records concerned.
   */
  async merge(id: string, organisationId: string, by: string, at: Date): Promise<string[]> {
    const rows = await this.db.select().from(recordParties).where(eq(recordParties.namedPartyId, id));
    for (const row of rows) {
      const [existing] = await this.db
        .select()
        .from(recordParties)
        .where(and(eq(recordParties.recordId, row.recordId), eq(recordParties.organisationId, organisationId)));
      if (existing) {
        await this.db.delete(recordParties).where(eq(recordParties.id, row.id));
        await this.db
          .update(recordParties)
          .set({ role: stronger(existing.role, row.role), position: Math.min(existing.position, row.position) })
          .where(eq(recordParties.id, existing.id));
      } else {
        await this.db.update(recordParties).set({ organisationId, namedPartyId: null }).where(eq(recordParties.id, row.id));
      }
    }
    await this.db.update(namedParties).set({ mergedInto: organisationId, mergedAt: at, mergedBy: by }).where(eq(namedParties.id, id));
    return [...new Set(rows.map((r) => r.recordId))];
  }
}
