import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers } from '../../../db/schema/index.js';
import { OFFER_LIMITS } from '../../../shared/offers.js';
import type { Offer } from '../../../shared/schemas/offers.js';
import { dayFromToday } from '../../../test/offers.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { createOffer, expectStatus, move, offerBody, offerPeople, request, type OfferPeople } from './offers-fixtures.js';

let t: TestPlatform;
let p: OfferPeople;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await offerPeople(t, 'input');
});
afterAll(() => t.close());

const countOffers = async () => (await t.database.db.select({ id: offers.id }).from(offers)).length;

/** A creation with one field changed: refused with the status, naming the field (and the reason), nothing written. */
async function refusedCreate(overrides: Record<string, unknown>, status: number, field: string, reason?: string) {
  const before = await countOffers();
  const res = await request(t, p.iateEditor, 'POST', '/api/v1/offers', offerBody(overrides));
  expect(res.statusCode, res.body).toBe(status);
  expect(res.json().error.field).toBe(field);
  if (reason) expect(res.json().error.reason).toBe(reason);
  expect(await countOffers()).toBe(before);
  return res.json().error;
}

describe('bad input to the offer editor: a clear 4xx naming the field, nothing written', () => {
  it('refuses a TRL outside 1–9', async () => {
    await refusedCreate({ trl: 0 }, 400, 'body.trl', 'minimum');
    await refusedCreate({ trl: 10 }, 400, 'body.trl', 'maximum');
    await refusedCreate({ trl: 4.5 }, 400, 'body.trl');
  });

  it('names every field’s problem at once, not one per attempt', async () => {
    const error = await refusedCreate(
      { title: { original: 'ru', fr: 'Filtres' }, expiresOn: dayFromToday(-1), deadline: null },
      400,
      'body.title.ru',
      'original_language_missing',
    );
    expect(error.details.map((d: { field: string; reason: string }) => [d.field, d.reason])).toEqual([
      ['body.title.ru', 'original_language_missing'],
      ['body.expiresOn', 'in_past'],
    ]);
  });

  it('refuses an expiry in the past, beyond the longest validity, or on no day', async () => {
    await refusedCreate({ expiresOn: dayFromToday(-1), deadline: null }, 400, 'body.expiresOn', 'in_past');
    await refusedCreate({ expiresOn: dayFromToday(OFFER_LIMITS.maxValidityDays + 2) }, 400, 'body.expiresOn', 'too_far');
    await refusedCreate({ expiresOn: '2027-02-30', deadline: null }, 400, 'body.expiresOn', 'no_such_day');
    await refusedCreate({ expiresOn: 'tomorrow' }, 400, 'body.expiresOn');
    // today is the last day at the earliest
    const today = await createOffer(t, p.iateEditor, { expiresOn: dayFromToday(0), deadline: null });
    expect(today.expiresOn).toBe(dayFromToday(0));
  });

  it('refuses a deadline after the expiry', async () => {
    const error = await refusedCreate({ deadline: dayFromToday(100), expiresOn: dayFromToday(50) }, 400, 'body.deadline', 'after_expiry');
    expect(error.code).toBe('validation_failed');
  });

  it('refuses unknown areas, NACE codes, product codes and target regions, naming the value', async () => {
    const area = await refusedCreate({ areas: ['filters-filtering-materials', 'basket-weaving'] }, 422, 'body.areas', 'unknown_value');
    expect(area.params.value).toBe('basket-weaving');
    await refusedCreate({ nace: ['23.44', '99.99.9'] }, 422, 'body.nace[1]', 'unknown_code');
    await refusedCreate({ productCodes: ['hs:999999'] }, 400, 'body.productCodes[0]', 'unknown_product_code');
    const region = await refusedCreate({ targetRegions: ['FR-NAQ', 'XX-ZZZ'] }, 422, 'body.targetRegions', 'unknown_value');
    expect(region.params.value).toBe('XX-ZZZ');
    await refusedCreate({ organisation: 'no-such-organisation' }, 422, 'body.organisation');
    await refusedCreate({ kind: 'love_letter' }, 400, 'body.kind');
  });

  it('refuses a title without its original language, and an unknown field', async () => {
    await refusedCreate({ title: { original: 'fr', en: 'Ceramic filters' } }, 400, 'body.title.fr', 'original_language_missing');
    await refusedCreate({ colour: 'blue' }, 400, 'body.colour');
  });

  it('stores codes in one form: NAF and ОКВЭД as NACE classes, product codes as cpa:/hs:', async () => {
    const offer = await createOffer(t, p.iateEditor, { nace: ['23.44Z', '23.44'], productCodes: ['8482'] });
    expect(offer.nace).toEqual(['23.44']);
    expect(offer.productCodes).toEqual(['hs:8482']);
    expect(offer.products[0]).toMatchObject({ code: 'hs:8482', system: 'hs' });
  });

  it('refuses a text of 100,000 characters naming the field, and a body beyond the limit with 413, never a 500', async () => {
    const long = 'а'.repeat(100_000);
    // within the body limit in bytes? 100,000 Cyrillic letters are 200,000 bytes: the schema's limit speaks first
    const res = await request(t, p.iateEditor, 'POST', '/api/v1/offers', offerBody({ summary: { original: 'ru', ru: long } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'validation_failed', field: 'body.summary.ru', reason: 'maxLength' });
    const huge = await request(
      t,
      p.iateEditor,
      'POST',
      '/api/v1/offers',
      offerBody({ description: { original: 'en', en: 'x'.repeat(300_000) } }),
    );
    expect(huge.statusCode).toBe(413);
    expect(huge.json().error.code).toBe('payload_too_large');
  });

  it('checks a patch with the rest of the offer: a deadline past the expiry it keeps, an expiry in the past', async () => {
    const offer = await createOffer(t, p.iateEditor);
    const late = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { deadline: dayFromToday(200) });
    expect(late.json().error).toMatchObject({ field: 'body.deadline', reason: 'after_expiry' });
    const past = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { expiresOn: dayFromToday(-5) });
    expect(past.json().error).toMatchObject({ field: 'body.expiresOn', reason: 'in_past' });
    const trl = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 12 });
    expect(trl.json().error).toMatchObject({ field: 'body.trl' });
    // the organisation is fixed once created
    const owner = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { organisation: 'ardl' });
    expect(owner.json().error).toMatchObject({ code: 'validation_failed', field: 'body.organisation' });
    const now = expectStatus(await request(t, p.iateEditor, 'GET', `/api/v1/offers/${offer.slug}`), 200).json() as Offer;
    expect(now).toMatchObject({ version: 1, deadline: offer.deadline, expiresOn: offer.expiresOn, trl: 4 });
  });
});

describe('versions', () => {
  it('sends an ETag, and refuses a stale If-Match on edits and stage changes with the current version', async () => {
    const offer = await createOffer(t, p.iateEditor);
    const got = expectStatus(await request(t, p.iateEditor, 'GET', `/api/v1/offers/${offer.slug}`), 200);
    expect(got.headers.etag).toBe('"1"');
    const saved = expectStatus(await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 6 }, 1), 200);
    expect(saved.headers.etag).toBe('"2"');
    const stale = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 7 }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', field: 'headers.if-match' });
    expect(stale.json().error.currentVersion ?? stale.json().currentVersion).toBe(2);
    const staleStage = await move(t, p.iateEditor, offer.slug, { to: 'submitted' }, 1);
    expect(staleStage.statusCode).toBe(409);
    expect(staleStage.json().error.code).toBe('version_conflict');
    const [row] = await t.database.db.select({ trl: offers.trl, stage: offers.stage }).from(offers).where(eq(offers.id, offer.id));
    expect(row).toEqual({ trl: 6, stage: 'draft' });
    const bad = await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 7 }, undefined);
    expect(bad.statusCode).toBe(200);
  });
});
