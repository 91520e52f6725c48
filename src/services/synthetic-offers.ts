import type { offers } from '../db/schema/index.js';
import type { Repositories } from '../repositories/index.js';
import { OFFER_KINDS, PARTNERSHIP_KINDS_SOUGHT, type OfferKind } from '../shared/offers.js';
import { ACTIVITIES, random, REGIONS } from './synthetic-organisations.js';

/**
 * A synthetic marketplace for benchmarks and load tests: offers and requests of the organisations there,
 * labelled source "synthetic", their texts in the owner's region's language (some with a translation),
 * made of the synthetic activities so that the search's cross-lingual matching has something to meet. The
 * same seed gives the same set.
 */

type NewOffer = typeof offers.$inferInsert;

const OPENINGS: Record<OfferKind, { ru: string; fr: string; en: string }> = {
  technology_offer: { ru: 'Предлагаем технологию', fr: 'Nous proposons une technologie', en: 'We offer a technology' },
  technology_request: { ru: 'Ищем технологию', fr: 'Nous cherchons une technologie', en: 'We seek a technology' },
  business_offer: { ru: 'Предлагаем поставки', fr: 'Nous proposons la fourniture', en: 'We offer the supply' },
  business_request: { ru: 'Ищем поставщика', fr: 'Nous cherchons un fournisseur', en: 'We seek a supplier' },
  rd_partner_search: {
    ru: 'Ищем партнёра для исследований',
    fr: 'Nous cherchons un partenaire de recherche',
    en: 'We seek a research partner',
  },
  soft_landing_request: {
    ru: 'Ищем технопарк для размещения',
    fr: 'Nous cherchons un technopôle d’accueil',
    en: 'We seek a host technopark',
  },
};
const LINKS = { ru: 'в области', fr: 'dans le domaine', en: 'in the field of' } as const;
const TARGETS = ['FR-NAQ', 'RU-KLU', 'DE-BY', 'IT-25', 'ES-CT'];

export interface OfferOwner {
  id: string;
  regionCode: string;
}

export function* syntheticOffers(count: number, owners: OfferOwner[], seed = 1, now = Date.now()): Generator<NewOffer> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const owner = owners[Math.floor(rnd() * owners.length)]!;
    const lang = REGIONS.find((r) => owner.regionCode.startsWith(r.code))?.lang ?? pick(['ru', 'fr', 'en'] as const);
    const kind = pick(OFFER_KINDS);
    const activity = pick(ACTIVITIES);
    const second = pick(ACTIVITIES);
    const text = (l: 'ru' | 'fr' | 'en') => `${OPENINGS[kind][l]} ${LINKS[l]} ${activity[l]}`;
    const title: NewOffer['title'] = { original: lang, [lang]: text(lang) };
    // one in four is translated into English as well
    if (lang !== 'en' && rnd() < 0.25) title.en = text('en');
    const publishedAt = new Date(now - Math.floor(rnd() * 300 * 86_400_000));
    yield {
      slug: `synthetic-offer-${seed}-${i}`,
      kind,
      organisationId: owner.id,
      regionCode: owner.regionCode,
      title,
      summary: { original: lang, [lang]: `${activity[lang]}, ${second[lang]}.` },
      areaCodes: activity.area ? [activity.area] : [],
      naceCodes: [activity.nace],
      partnershipKinds: [pick(PARTNERSHIP_KINDS_SOUGHT)],
      targetRegionCodes: rnd() < 0.5 ? [] : [pick(TARGETS)],
      expiresOn: new Date(now + (30 + Math.floor(rnd() * 300)) * 86_400_000).toISOString().slice(0, 10),
      anonymous: rnd() < 0.2,
      stage: 'published',
      publishedAt,
      source: 'synthetic',
    };
  }
}

/** Writes a synthetic marketplace among the organisations there, in batches, each offer's search document with it. */
export async function insertSyntheticOffers(
  repos: Repositories,
  count: number,
  options: { seed?: number; batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<number> {
  const owners = await repos.recordBatches.partyCandidates();
  const batchSize = options.batchSize ?? 500;
  let batch: NewOffer[] = [];
  let done = 0;
  const flush = async () => {
    await repos.transaction(async (tx) => {
      const ids = await tx.offerSearch.insertBatch(batch);
      await tx.offerDocuments.refresh(ids);
    });
    done += batch.length;
    batch = [];
    options.onProgress?.(done, count);
  };
  for (const offer of syntheticOffers(count, owners, options.seed ?? 1)) {
    batch.push(offer);
    if (batch.length === batchSize) await flush();
  }
  if (batch.length > 0) await flush();
  return done;
}
