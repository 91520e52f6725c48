import { randomBytes } from 'node:crypto';
import { offers, offerStageChanges } from '../db/schema/index.js';
import type { OfferKind, OfferStage } from '../shared/offers.js';
import type { TestPlatform } from './test-platform.js';

type OfferValues = Partial<typeof offers.$inferInsert>;

/** A day `days` from today, YYYY-MM-DD (an expiry in the future by default). */
export const dayFromToday = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * An offer of the organisation written straight to the database, published unless told otherwise: for tests
 * of what reads offers (search, matching, interest, alerts) without going through the editor's rules.
 */
export async function insertOffer(
  t: TestPlatform,
  organisationSlug: string,
  values: OfferValues & { kind?: OfferKind; stage?: OfferStage } = {},
): Promise<typeof offers.$inferSelect> {
  const organisation = await t.services.repos.organisations.getBySlug(organisationSlug);
  if (!organisation) throw new Error(`no organisation ${organisationSlug}`);
  const stage = values.stage ?? 'published';
  const [row] = await t.database.db
    .insert(offers)
    .values({
      slug: `offer-${randomBytes(4).toString('hex')}`,
      kind: 'technology_offer',
      organisationId: organisation.id,
      regionCode: organisation.regionCode,
      title: { original: 'en', en: 'An offer' },
      expiresOn: dayFromToday(90),
      stage,
      publishedAt: stage === 'published' ? new Date() : null,
      ...values,
    })
    .returning();
  await t.database.db.insert(offerStageChanges).values({ offerId: row!.id, fromStage: null, toStage: stage });
  await t.services.repos.offerDocuments.refresh([row!.id]);
  return row!;
}
