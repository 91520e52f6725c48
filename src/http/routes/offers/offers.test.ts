import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers } from '../../../db/schema/index.js';
import type { Offer } from '../../../shared/schemas/offers.js';
import { dayFromToday } from '../../../test/offers.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { createOffer, expectStatus, move, offerPeople, request, type OfferPeople } from './offers-fixtures.js';
import { eq } from 'drizzle-orm';

let t: TestPlatform;
let p: OfferPeople;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await offerPeople(t, 'lifecycle');
});
afterAll(() => t.close());

describe('an offer’s lifecycle through the API', () => {
  it('goes draft → submitted → returned with a reason → submitted → published → closed, each step in its history', async () => {
    const draft = await createOffer(t, p.iateEditor);
    expect(draft).toMatchObject({
      stage: 'draft',
      version: 1,
      organisation: { slug: 'iate-mephi' },
      regionCode: 'RU-KLU',
      nace: ['23.44'],
    });
    expect(draft.can).toEqual({ edit: true, review: false, expressInterest: false, interestRefused: 'own_offer' });
    // the address comes from the title, never from the organisation
    expect(draft.slug).toMatch(/^keramicheskie-filtry-[^/]*-[0-9a-f]{6}$/);
    expect(draft.slug).not.toContain('iate');

    const submitted = expectStatus(await move(t, p.iateEditor, draft.slug, { to: 'submitted' }, 1), 200);
    expect(submitted.headers.etag).toBe('"2"');
    // a return says why
    const noReason = await move(t, p.kalugaCoordinator, draft.slug, { to: 'returned' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'validation_failed', field: 'body.reason', reason: 'required' });
    const blank = await move(t, p.kalugaCoordinator, draft.slug, { to: 'returned', reason: '   ' });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.field).toBe('body.reason');
    const returned = expectStatus(
      await move(t, p.kalugaCoordinator, draft.slug, { to: 'returned', reason: 'Укажите требуемый класс фильтрации.' }),
      200,
    ).json() as Offer;
    expect(returned).toMatchObject({ stage: 'returned', version: 3 });
    // the owner mends it (an edit in returned), and submits again
    const mended = expectStatus(
      await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${draft.slug}`, { trl: 5 }, 3),
      200,
    ).json() as Offer;
    expect(mended).toMatchObject({ trl: 5, version: 4, stage: 'returned' });
    expectStatus(await move(t, p.iateEditor, draft.slug, { to: 'submitted' }, 4), 200);
    const reviewed = expectStatus(await request(t, p.kalugaCoordinator, 'GET', `/api/v1/offers/${draft.slug}`), 200).json() as Offer;
    expect(reviewed.can.review).toBe(true);
    const published = expectStatus(await move(t, p.kalugaCoordinator, draft.slug, { to: 'published' }, 5), 200).json() as Offer;
    expect(published).toMatchObject({ stage: 'published', version: 6 });
    expect(Date.parse(published.publishedAt!)).toBeGreaterThan(Date.now() - 60_000);
    // everyone sees it now, signed in or not
    const seen = expectStatus(await request(t, null, 'GET', `/api/v1/offers/${draft.slug}`), 200).json() as Offer;
    expect(seen).toMatchObject({
      stage: 'published',
      organisation: { slug: 'iate-mephi' },
      can: { edit: false, review: false, expressInterest: false },
    });
    const byOther = expectStatus(await request(t, p.ardlEditor, 'GET', `/api/v1/offers/${draft.slug}`), 200).json() as Offer;
    expect(byOther.can).toEqual({ edit: false, review: false, expressInterest: true });

    const closed = expectStatus(await move(t, p.iateEditor, draft.slug, { to: 'closed' }, 6), 200).json() as Offer;
    expect(closed.stage).toBe('closed');
    expect(closed.history.map((c) => [c.from, c.to, c.reason])).toEqual([
      [null, 'draft', null],
      ['draft', 'submitted', null],
      ['submitted', 'returned', 'Укажите требуемый класс фильтрации.'],
      ['returned', 'submitted', null],
      ['submitted', 'published', null],
      ['published', 'closed', null],
    ]);
    expect(closed.history[2]!.by).toBe('Координатор (АИРКО)');
    expect(closed.history.every((c) => !Number.isNaN(Date.parse(c.at)))).toBe(true);
    // a closed offer stays closed: not edited, not reopened
    const reopen = await move(t, p.iateEditor, draft.slug, { to: 'published', expiresOn: dayFromToday(60) });
    expect(reopen.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'skips_stage', field: 'body.to' });
    const edit = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${draft.slug}`, { trl: 6 });
    expect(edit.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'not_editable' });
    // every write is in the audit log
    const audited = await t.services.repos.audit.list({ entityType: 'offer', entityId: published.id }, 50);
    expect(audited.map((e) => e.action).sort()).toEqual(['offer.created', 'offer.updated', ...Array(5).fill('offer.stage_changed')].sort());
    expect(audited.every((e) => e.regionCode === 'RU-KLU')).toBe(true);
  });

  it('renews an expired offer until a new day, published again without a second review, its warnings reset', async () => {
    const draft = await createOffer(t, p.iateEditor);
    expectStatus(await move(t, p.iateEditor, draft.slug, { to: 'submitted' }), 200);
    const published = expectStatus(await move(t, p.kalugaCoordinator, draft.slug, { to: 'published' }), 200).json() as Offer;
    // as the expiry job leaves it
    await t.database.db
      .update(offers)
      .set({ stage: 'expired', expiresOn: dayFromToday(-2), deadline: dayFromToday(-3), expiryWarnedDays: 3 })
      .where(eq(offers.id, draft.id));
    const noDay = await move(t, p.iateEditor, draft.slug, { to: 'published' });
    expect(noDay.json().error).toMatchObject({ code: 'validation_failed', field: 'body.expiresOn', reason: 'required' });
    const past = await move(t, p.iateEditor, draft.slug, { to: 'published', expiresOn: dayFromToday(-1) });
    expect(past.json().error).toMatchObject({ field: 'body.expiresOn', reason: 'in_past' });
    // renewing is the owner's, not a coordinator's
    const byCoordinator = await move(t, p.kalugaCoordinator, draft.slug, { to: 'published', expiresOn: dayFromToday(90) });
    expect(byCoordinator.statusCode).toBe(403);
    const renewed = expectStatus(
      await move(t, p.iateEditor, draft.slug, { to: 'published', expiresOn: dayFromToday(90) }),
      200,
    ).json() as Offer;
    expect(renewed).toMatchObject({ stage: 'published', expiresOn: dayFromToday(90), publishedAt: published.publishedAt });
    const [row] = await t.database.db.select({ warned: offers.expiryWarnedDays }).from(offers).where(eq(offers.id, draft.id));
    expect(row!.warned).toBeNull();
    expect(renewed.history.at(-1)).toMatchObject({ from: 'expired', to: 'published' });
    // a published offer is renewed before it expires too
    const again = expectStatus(
      await move(t, p.iateEditor, draft.slug, { to: 'published', expiresOn: dayFromToday(200) }),
      200,
    ).json() as Offer;
    expect(again.expiresOn).toBe(dayFromToday(200));
  });

  it('refuses moves the lifecycle does not have, and changes nothing then', async () => {
    const draft = await createOffer(t, p.iateEditor);
    const publishDraft = await move(t, p.kalugaCoordinator, draft.slug, { to: 'published' });
    expect(publishDraft.statusCode).toBe(409);
    expect(publishDraft.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'skips_stage', field: 'body.to' });
    const closeDraft = await move(t, p.iateEditor, draft.slug, { to: 'closed' });
    expect(closeDraft.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'skips_stage' });
    expectStatus(await move(t, p.iateEditor, draft.slug, { to: 'submitted' }), 200);
    const twice = await move(t, p.iateEditor, draft.slug, { to: 'submitted' });
    expect(twice.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'same_stage' });
    // the owner does not publish their own offer; under review it is not edited
    const self = await move(t, p.iateEditor, draft.slug, { to: 'published' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({ code: 'forbidden', reason: 'own_offer' });
    const edit = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${draft.slug}`, { trl: 2 });
    expect(edit.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'not_editable' });
    const now = expectStatus(await request(t, p.iateEditor, 'GET', `/api/v1/offers/${draft.slug}`), 200).json() as Offer;
    expect(now).toMatchObject({ stage: 'submitted', version: 2, trl: 4 });
    expect(now.history).toHaveLength(2);
  });

  it('deletes a draft only', async () => {
    const draft = await createOffer(t, p.iateEditor);
    const stale = await request(t, p.iateEditor, 'DELETE', `/api/v1/offers/${draft.slug}`, undefined, 7);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await request(t, p.iateMember, 'DELETE', `/api/v1/offers/${draft.slug}`)).statusCode).toBe(403);
    expectStatus(await request(t, p.iateEditor, 'DELETE', `/api/v1/offers/${draft.slug}`, undefined, 1), 204);
    expect((await request(t, p.iateEditor, 'GET', `/api/v1/offers/${draft.slug}`)).statusCode).toBe(404);
    const submitted = await createOffer(t, p.iateEditor);
    expectStatus(await move(t, p.iateEditor, submitted.slug, { to: 'submitted' }), 200);
    const refused = await request(t, p.iateEditor, 'DELETE', `/api/v1/offers/${submitted.slug}`);
    expect(refused.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'not_a_draft' });
  });
});
