import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { partnershipSides, partnerships } from '../db/schema/index.js';
import type { MultilingualText } from '../shared/multilingual.js';

export type PartnershipRow = typeof partnerships.$inferSelect;
export type PartnershipSideRow = typeof partnershipSides.$inferSelect;

export interface NewPartnership {
  slug: string;
  name: MultilingualText;
  description: MultilingualText | null;
  areaCodes: string[];
  sides: { name: MultilingualText; regionCodes: string[] }[];
}

export class PartnershipRepository {
  constructor(private readonly db: Database) {}

  list(): Promise<PartnershipRow[]> {
    return this.db.select().from(partnerships).orderBy(asc(partnerships.slug));
  }

  async getBySlug(slug: string): Promise<{ partnership: PartnershipRow; sides: PartnershipSideRow[] } | undefined> {
    const [partnership] = await this.db.select().from(partnerships).where(eq(partnerships.slug, slug));
    if (!partnership) return undefined;
    const sides = await this.db
      .select()
      .from(partnershipSides)
      .where(eq(partnershipSides.partnershipId, partnership.id))
      .orderBy(asc(partnershipSides.position));
    return { partnership, sides };
  }

  /** Every side of every partnership, with its partnership: what region pairs are made of. */
  allSides(): Promise<{ slug: string; name: MultilingualText; partnershipId: string; regionCodes: string[] }[]> {
    return this.db
      .select({
        slug: partnerships.slug,
        name: partnerships.name,
        partnershipId: partnerships.id,
        regionCodes: partnershipSides.regionCodes,
      })
      .from(partnershipSides)
      .innerJoin(partnerships, eq(partnerships.id, partnershipSides.partnershipId))
      .orderBy(asc(partnerships.slug), asc(partnershipSides.position));
  }

  /**
   * Writes a partnership's texts and moves its version on; with an expected version, only if it is still
   * at it (in the same statement). The new version, or null when someone else wrote first.
   */
  async update(
    id: string,
    values: Pick<NewPartnership, 'name' | 'description' | 'areaCodes'>,
    expected: number | null = null,
  ): Promise<number | null> {
    const [row] = await this.db
      .update(partnerships)
      .set({ ...values, version: sql`${partnerships.version} + 1` })
      .where(and(eq(partnerships.id, id), expected === null ? undefined : eq(partnerships.version, expected)))
      .returning({ version: partnerships.version });
    return row?.version ?? null;
  }

  async insert(input: NewPartnership): Promise<void> {
    await this.db.transaction(async (tx) => {
      const [row] = await tx
        .insert(partnerships)
        .values({ slug: input.slug, name: input.name, description: input.description, areaCodes: input.areaCodes })
        .returning({ id: partnerships.id });
      await tx.insert(partnershipSides).values(input.sides.map((side, position) => ({ ...side, position, partnershipId: row!.id })));
    });
  }
}
