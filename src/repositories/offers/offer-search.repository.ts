import { inArray, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { offers } from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { OfferKind } from '../../shared/offers.js';
import type { FeedPosition } from '../change-feed-position.js';
import { codeList, rowsSince, type RevisionPage, type RevisionRead } from '../revisions.js';

/**
 * What the marketplace's search index keeps of an offer: what search matches, ranks, filters and orders on.
 * Never the owner organisation's name: an anonymous offer must not be found (nor explained) by it.
 */
export interface IndexedOffer {
  id: string;
  /** Published: found until its expiry (a published offer past its expiry is not, whatever the job did yet). */
  published: boolean;
  kind: OfferKind;
  /** The owner's region. */
  regionCode: string;
  areaCodes: string[];
  naceCodes: string[];
  partnershipKinds: string[];
  /** Where partners are sought; empty is anywhere. */
  targetRegionCodes: string[];
  conceptCodes: string[];
  /** Its last published day, YYYY-MM-DD. */
  expiresOn: string;
  /** When it was published, in ms since the epoch (0 unknown). */
  publishedAt: number;
  /** Its search document (search_vector, written by OfferDocumentRepository) as PostgreSQL writes a tsvector. */
  searchVector: string;
  /** Its title in its original language, lower case: ties of rank are shown in this order. */
  titleKey: string;
}

/** What a result's explanation reads of an offer beyond its result line: its other texts and its codes. */
export interface OfferExplainedRow {
  id: string;
  description: MultilingualText | null;
  partnerRole: MultilingualText | null;
  naceCodes: string[];
  productCodes: string[];
}

/** What the marketplace's search reads: the offers written since a position in the feed, and what explains a result. */
export class OfferSearchRepository {
  constructor(private readonly db: Database) {}

  /** The offers written since a position in the feed (rowsSince), a page; unpublished ones without their texts. */
  async offersSince(since: FeedPosition | null, page: RevisionPage): Promise<RevisionRead<IndexedOffer>> {
    const published = sql`(o.stage = 'published')`;
    const fields = [
      sql`o.id`,
      sql`${published}::text`,
      sql`o.kind`,
      sql`o.region_code`,
      sql`array_to_string(o.area_codes, ' ')`,
      sql`array_to_string(o.nace_codes, ' ')`,
      sql`array_to_string(o.partnership_kinds, ' ')`,
      sql`array_to_string(o.target_region_codes, ' ')`,
      sql`array_to_string(o.concept_codes, ' ')`,
      sql`o.expires_on::text`,
      sql`coalesce(floor(extract(epoch from o.published_at) * 1000)::bigint, 0)::text`,
      sql`case when ${published} then coalesce(o.search_vector::text, '') else '' end`,
      // last, so that a separator in it could do no harm
      sql`lower(coalesce(o.title->>(o.title->>'original'), ''))`,
    ];
    const read = await rowsSince(this.db, 'offer', sql`offers o`, fields, since, page);
    return {
      ...read,
      items: read.items.map(([id, isPublished, kind, region, areas, nace, partnerships, targets, concepts, expires, at, vector, ...title]) => ({
        id: id!,
        published: isPublished === 'true',
        kind: kind as OfferKind,
        regionCode: region!,
        areaCodes: codeList(areas),
        naceCodes: codeList(nace),
        partnershipKinds: codeList(partnerships),
        targetRegionCodes: codeList(targets),
        conceptCodes: codeList(concepts),
        expiresOn: expires!,
        publishedAt: Number(at) || 0,
        searchVector: vector ?? '',
        titleKey: title.join('\u001f'),
      })),
    };
  }

  /** These offers' texts and codes that explanations read (beyond their result lines). */
  explained(ids: string[]): Promise<OfferExplainedRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db
      .select({
        id: offers.id,
        description: offers.description,
        partnerRole: offers.partnerRole,
        naceCodes: offers.naceCodes,
        productCodes: offers.productCodes,
      })
      .from(offers)
      .where(inArray(offers.id, ids));
  }

  /** Writes many offers at once (synthetic sets; their documents are refreshed by the caller); their ids. */
  async insertBatch(values: (typeof offers.$inferInsert)[]): Promise<string[]> {
    if (values.length === 0) return [];
    return (await this.db.insert(offers).values(values).returning({ id: offers.id })).map((r) => r.id);
  }

  /** Refreshes the planner's statistics of the offers (PGlite runs no autovacuum). */
  async analyse(): Promise<void> {
    await this.db.execute(sql`analyze offers`);
  }
}
