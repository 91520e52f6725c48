import { and, eq, inArray, sql } from 'drizzle-orm';
import { glossaryTerms, offers, organisations } from '../../db/schema/index.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { Database } from '../../db/client.js';
import type { OrganisationKind } from '../../shared/domain.js';
import type { OfferKind } from '../../shared/offers.js';
import type { FeedPosition } from '../change-feed-position.js';
import { codeList, rowsSince, tableRows, type RevisionPage, type RevisionRead } from '../revisions.js';

/** What the offer index keeps of an offer: what matching scores and filters on. */
export interface OfferMatchProfile {
  id: string;
  /** Published (and so a candidate); an offer moved to any other stage leaves the index. */
  published: boolean;
  kind: OfferKind;
  organisationId: string;
  /** The owner's kind: what an offer's partner sought is weighed against (never shown for an anonymous offer). */
  ownerKind: OrganisationKind;
  regionCode: string;
  areaCodes: string[];
  naceClasses: string[];
  productCodes: string[];
  conceptCodes: string[];
  partnerKinds: OrganisationKind[];
  targetRegionCodes: string[];
  /** The last day it is published (YYYY-MM-DD): past it, it is no candidate even before the expiry job runs. */
  expiresOn: string;
  /** Ties are shown by slug: stable, and never the owner's name. */
  sortName: string;
}

// each offer with its owner's kind, exposing id as rowsSince reads it
const OFFERS_WITH_OWNERS = sql`(select o.*, g.kind as owner_kind from offers o join organisations g on g.id = o.organisation_id) x`;

const PROFILE_FIELDS = [
  sql`id`,
  sql`(stage = 'published')::text`,
  sql`kind`,
  sql`organisation_id`,
  sql`owner_kind`,
  sql`region_code`,
  sql`array_to_string(area_codes, ' ')`,
  sql`array_to_string(nace_codes, ' ')`,
  sql`array_to_string(product_codes, ' ')`,
  sql`array_to_string(concept_codes, ' ')`,
  sql`array_to_string(partner_kinds, ' ')`,
  sql`array_to_string(target_region_codes, ' ')`,
  sql`expires_on::text`,
  sql`slug`,
];

const profileOf = ([
  id,
  published,
  kind,
  organisationId,
  ownerKind,
  regionCode,
  areas,
  nace,
  products,
  concepts,
  partners,
  targets,
  expiresOn,
  slug,
]: string[]): OfferMatchProfile => ({
  id: id!,
  published: published === 'true',
  kind: kind as OfferKind,
  organisationId: organisationId!,
  ownerKind: ownerKind as OrganisationKind,
  regionCode: regionCode!,
  areaCodes: codeList(areas),
  naceClasses: codeList(nace),
  productCodes: codeList(products),
  conceptCodes: codeList(concepts),
  partnerKinds: codeList(partners) as OrganisationKind[],
  targetRegionCodes: codeList(targets),
  expiresOn: expiresOn!,
  sortName: slug!,
});

/** The offers as the offer index reads them: written since a position in the feed, a page at a time (as organisations are). */
export class OfferMatchRepository {
  constructor(private readonly db: Database) {}

  /** The profiles of these offers (any stage), by id: what scorePair explains for the index's best. */
  async profiles(ids: string[]): Promise<Map<string, OfferMatchProfile>> {
    if (ids.length === 0) return new Map();
    const wanted = sql.join(
      ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    );
    const lines = await tableRows(this.db, OFFERS_WITH_OWNERS, PROFILE_FIELDS, sql`id in (${wanted})`, ids.length);
    return new Map(lines.map((line) => [line[0]!, profileOf(line)]));
  }

  /** The offers written since a position in the feed (an owner's change of kind is a change of its offers), or a load's page. */
  async profilesSince(since: FeedPosition | null, page: RevisionPage): Promise<RevisionRead<OfferMatchProfile>> {
    const read = await rowsSince(this.db, 'offer', OFFERS_WITH_OWNERS, PROFILE_FIELDS, since, page);
    return { ...read, items: read.items.map(profileOf) };
  }

  /**
   * Each concept's label: its first term in each language (as presenters' conceptLabel reads them), in one
   * small read: an explanation names a concept in the reader's language, not all its terms.
   */
  async conceptLabels(codes: string[]): Promise<Map<string, MultilingualText>> {
    const labels = new Map<string, MultilingualText>();
    if (codes.length === 0) return labels;
    const rows = await this.db
      .selectDistinctOn([glossaryTerms.conceptCode, glossaryTerms.language], {
        code: glossaryTerms.conceptCode,
        language: glossaryTerms.language,
        term: glossaryTerms.term,
      })
      .from(glossaryTerms)
      .where(and(eq(glossaryTerms.removed, false), inArray(glossaryTerms.conceptCode, codes)))
      .orderBy(glossaryTerms.conceptCode, glossaryTerms.language, glossaryTerms.position, glossaryTerms.term);
    for (const row of rows) {
      const label = labels.get(row.code) ?? { original: 'en' };
      label[row.language] = row.term;
      labels.set(row.code, label);
    }
    for (const label of labels.values()) if (!label.en) label.original = label.fr ? 'fr' : 'ru';
    return labels;
  }

  // the matching benchmark's synthetic set (scripts/bench-offer-matching.ts)

  /** The published organisations of the synthetic set, as synthetic offers are made of them. */
  syntheticOwners(): Promise<
    { id: string; kind: OrganisationKind; regionCode: string; areaCodes: string[]; naceClasses: string[]; conceptCodes: string[] }[]
  > {
    return this.db
      .select({
        id: organisations.id,
        kind: organisations.kind,
        regionCode: organisations.regionCode,
        areaCodes: organisations.areaCodes,
        naceClasses: organisations.naceClasses,
        conceptCodes: organisations.conceptCodes,
      })
      .from(organisations)
      .where(and(eq(organisations.published, true), eq(organisations.source, 'synthetic')));
  }

  async syntheticCount(): Promise<number> {
    const [row] = await this.db
      .select({ n: sql<number>`count(*)::int` })
      .from(offers)
      .where(eq(offers.source, 'synthetic'));
    return row?.n ?? 0;
  }

  /** Writes offers as they are (a synthetic set), in one statement per call. */
  async insertMany(rows: (typeof offers.$inferInsert)[]): Promise<void> {
    if (rows.length > 0) await this.db.insert(offers).values(rows).onConflictDoNothing();
  }

  async analyse(): Promise<void> {
    await this.db.execute(sql`analyze offers`);
  }
}
