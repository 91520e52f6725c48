import demoOffers from '../../reference/demo/offers.json' with { type: 'json' };
import type { Repositories } from '../../repositories/index.js';
import type { OrganisationKind } from '../../shared/domain.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { DevelopmentStage, OfferKind, PartnerSize, PartnershipKindSought } from '../../shared/offers.js';
import { addDays } from './offer-input.js';

/** How long the demo offers stay published from the day they are loaded. */
const DEMO_VALIDITY_DAYS = 365;

/**
 * The demo offers (src/reference/demo/offers.json), published by the platform (no reviewer) for a year from
 * today, with their search documents; loaded once (none is added while a demo offer exists).
 */
export async function seedDemoOffers(tx: Repositories): Promise<number> {
  if (await tx.offers.hasSource('demo')) return 0;
  const now = tx.clock.now();
  const expiresOn = addDays(now.toISOString().slice(0, 10), DEMO_VALIDITY_DAYS);
  let inserted = 0;
  for (const o of demoOffers.offers) {
    const organisation = await tx.organisations.getBySlug(o.organisation);
    if (!organisation) continue;
    const { id } = await tx.offerWrites.insert(
      {
        kind: o.kind as OfferKind,
        organisationId: organisation.id,
        regionCode: organisation.regionCode,
        title: o.title as MultilingualText,
        summary: o.summary as MultilingualText,
        areaCodes: o.areas,
        naceCodes: o.nace,
        trl: o.trl,
        developmentStage: o.developmentStage as DevelopmentStage | null,
        partnershipKinds: o.partnershipKinds as PartnershipKindSought[],
        partnerKinds: o.partnerKinds as OrganisationKind[],
        partnerSizes: o.partnerSizes as PartnerSize[],
        targetRegionCodes: o.targetRegions,
        expiresOn,
        stage: 'published',
        publishedAt: now,
        source: 'demo',
      },
      now,
    );
    await tx.offerWrites.addStageChange({ offerId: id, fromStage: null, toStage: 'published', reason: null, changedBy: null, at: now });
    await tx.offerDocuments.refresh([id]);
    inserted++;
  }
  return inserted;
}
