import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerInterests } from '../../../db/schema/index.js';
import type { Offer, OfferList } from '../../../shared/schemas/offers.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { profile, signedInUser } from '../../../test/users.js';
import { createOffer, expectStatus, move, offerBody, offerPeople, publishedOffer, request, type OfferPeople } from './offers-fixtures.js';

let t: TestPlatform;
let p: OfferPeople;
let traces: string[];
beforeAll(async () => {
  t = await createTestPlatform();
  p = await offerPeople(t, 'access');
  const iate = (await t.services.repos.organisations.getBySlug('iate-mephi'))!;
  // what would tell whose an anonymous offer is: its owner's slug, id, names, website, people
  traces = [
    'iate-mephi',
    iate.id,
    'IATE',
    'ИАТЭ',
    'МИФИ',
    'MEPhI',
    'Obninsk Institute',
    'Обнинский',
    ...(iate.website ? [iate.website] : []),
  ];
});
afterAll(() => t.close());

const expectNoTrace = (body: string) => {
  for (const trace of traces) expect(body, `the answer names the owner (${trace})`).not.toContain(trace);
};

describe('who sees and changes an offer', () => {
  it('hides an unpublished offer from everyone but its people and its region’s coordinators (404)', async () => {
    const draft = await createOffer(t, p.iateEditor);
    for (const reader of [null, p.outsider, p.ardlEditor, p.limousinCoordinator, p.haute])
      expect((await request(t, reader, 'GET', `/api/v1/offers/${draft.slug}`)).statusCode).toBe(404);
    for (const reader of [p.iateMember, p.kalugaCoordinator])
      expectStatus(await request(t, reader, 'GET', `/api/v1/offers/${draft.slug}`), 200);
    expect((await request(t, null, 'GET', `/api/v1/offers/${draft.slug}/tagging`)).statusCode).toBe(404);
  });

  it('lets only the organisation’s administrators and editors write it', async () => {
    const anonymousCreate = await request(t, null, 'POST', '/api/v1/offers', { organisation: 'iate-mephi' });
    expect([400, 401]).toContain(anonymousCreate.statusCode);
    const member = await request(t, p.iateMember, 'POST', '/api/v1/offers', offerBody());
    expect(member.statusCode).toBe(403);
    expect(member.json().error.field).toBe('body.organisation');
    const other = await request(t, p.ardlEditor, 'POST', '/api/v1/offers', offerBody());
    expect(other.statusCode).toBe(403);
    const offer = await publishedOffer(t, p);
    const edits = await request(t, p.ardlEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 9 });
    expect(edits.statusCode).toBe(403);
    expect((await request(t, p.iateMember, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 9 })).statusCode).toBe(403);
    expect((await move(t, p.ardlEditor, offer.slug, { to: 'closed' })).statusCode).toBe(403);
    expect((await move(t, null, offer.slug, { to: 'closed' })).statusCode).toBe(401);
    expect((await move(t, p.limousinCoordinator, offer.slug, { to: 'closed' })).statusCode).toBe(403);
    // an edit of a published offer keeps it published
    const edited = expectStatus(await request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 6 }), 200).json() as Offer;
    expect(edited).toMatchObject({ stage: 'published', trl: 6 });
  });

  it('has a submitted offer reviewed by a coordinator of its region only, never by its own organisation’s', async () => {
    const offer = await createOffer(t, p.iateEditor);
    expectStatus(await move(t, p.iateEditor, offer.slug, { to: 'submitted' }), 200);
    // another region's coordinator does not even see it
    expect((await move(t, p.limousinCoordinator, offer.slug, { to: 'published' })).statusCode).toBe(404);
    // ARDL's offer: the Limousin coordinator is of ARDL; a Haute-Vienne coordinator of no organisation decides
    const ardl = await createOffer(t, p.ardlEditor, { organisation: 'ardl', targetRegions: ['RU-KLU'] });
    expectStatus(await move(t, p.ardlEditor, ardl.slug, { to: 'submitted' }), 200);
    const own = await move(t, p.limousinCoordinator, ardl.slug, { to: 'published' });
    expect(own.statusCode).toBe(403);
    expect(own.json().error.reason).toBe('own_offer');
    const seen = expectStatus(await request(t, p.limousinCoordinator, 'GET', `/api/v1/offers/${ardl.slug}`), 200).json() as Offer;
    expect(seen.can.review).toBe(false);
    expectStatus(await move(t, p.haute, ardl.slug, { to: 'published' }), 200);
  });

  it('publishes only the offers of an organisation whose own profile is validated', async () => {
    const founder = await signedInUser(t, 'founder.access@example.org');
    const created = expectStatus(
      await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Unvalidated Ceramics' } })),
      201,
    ).json();
    const offer = await createOffer(t, founder, { organisation: created.slug });
    expectStatus(await move(t, founder, offer.slug, { to: 'submitted' }), 200);
    const refused = await move(t, p.kalugaCoordinator, offer.slug, { to: 'published' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'offer_stage_refused', reason: 'owner_not_published' });
  });
});

describe('an anonymous offer’s owner', () => {
  it('is named to no one but its people, its reviewers, and an organisation whose interest it accepted', async () => {
    const offer = await publishedOffer(t, p, { anonymous: true });
    for (const reader of [null, p.outsider, p.ardlEditor, p.limousinCoordinator]) {
      const res = expectStatus(await request(t, reader, 'GET', `/api/v1/offers/${offer.slug}`), 200);
      const seen = res.json() as Offer;
      expect(seen).toMatchObject({ anonymous: true, organisation: null, regionCode: 'RU-KLU' });
      expect(seen.history.every((c) => c.by === null)).toBe(true);
      expectNoTrace(res.body);
      expectNoTrace(JSON.stringify(res.headers));
      expectNoTrace((await request(t, reader, 'GET', `/api/v1/offers/${offer.slug}/tagging`)).body);
    }
    for (const reader of [p.iateMember, p.kalugaCoordinator]) {
      const seen = expectStatus(await request(t, reader, 'GET', `/api/v1/offers/${offer.slug}`), 200).json() as Offer;
      expect(seen.organisation?.slug).toBe('iate-mephi');
    }
    // ARDL's interest accepted: ARDL's people see who it is
    const ardl = (await t.services.repos.organisations.getBySlug('ardl'))!;
    await t.database.db.insert(offerInterests).values({
      offerId: offer.id,
      organisationId: ardl.id,
      message: 'Nous sommes intéressés.',
      answers: { offers: 'x', expects: 'y', timeline: 'z' },
      language: 'fr',
      state: 'accepted',
    });
    const revealed = expectStatus(await request(t, p.ardlEditor, 'GET', `/api/v1/offers/${offer.slug}`), 200).json() as Offer;
    expect(revealed.organisation?.slug).toBe('iate-mephi');
    expectNoTrace((await request(t, p.outsider, 'GET', `/api/v1/offers/${offer.slug}`)).body);
  });

  it('is left out of the export for a visitor, and in it for its people', async () => {
    const offer = await publishedOffer(t, p, { anonymous: true, title: { original: 'en', en: 'Anonymous porous ceramics request' } });
    const visitor = expectStatus(await request(t, null, 'GET', '/api/v1/offers/export'), 200);
    expect(visitor.headers['content-type']).toMatch(/text\/csv/);
    const line = visitor.body.split('\n').find((l) => l.includes(offer.slug))!;
    expect(line).toContain('Anonymous porous ceramics request');
    expectNoTrace(line);
    const own = expectStatus(await request(t, p.iateEditor, 'GET', '/api/v1/offers/export'), 200);
    expect(own.body.split('\n').find((l) => l.includes(offer.slug))).toContain('iate-mephi');
    // only published offers are exported
    const draft = await createOffer(t, p.iateEditor);
    expect((await request(t, p.iateEditor, 'GET', '/api/v1/offers/export?separator=semicolon')).body).not.toContain(draft.slug);
  });
});

describe('my offers and the review queue', () => {
  it('lists my organisations’ offers with their owner, and only theirs', async () => {
    const draft = await createOffer(t, p.iateEditor, { anonymous: true });
    const mine = expectStatus(await request(t, p.iateMember, 'GET', '/api/v1/my/offers?stage=draft'), 200).json() as OfferList;
    const item = mine.items.find((i) => i.slug === draft.slug)!;
    expect(item).toMatchObject({ organisation: { slug: 'iate-mephi' }, anonymous: true, stage: 'draft', why: [] });
    expect(mine.items.every((i) => i.stage === 'draft' && i.organisation?.slug === 'iate-mephi')).toBe(true);
    const ardl = expectStatus(await request(t, p.ardlEditor, 'GET', '/api/v1/my/offers'), 200).json() as OfferList;
    expect(ardl.items.some((i) => i.slug === draft.slug)).toBe(false);
    expect((await request(t, p.ardlEditor, 'GET', '/api/v1/my/offers?organisation=iate-mephi')).statusCode).toBe(403);
    expect((await request(t, null, 'GET', '/api/v1/my/offers')).statusCode).toBe(401);
  });

  it('shows a coordinator the submitted offers of their regions, not their own organisation’s', async () => {
    const offer = await createOffer(t, p.iateEditor, { anonymous: true });
    expectStatus(await move(t, p.iateEditor, offer.slug, { to: 'submitted' }), 200);
    const kaluga = expectStatus(await request(t, p.kalugaCoordinator, 'GET', '/api/v1/review/offers'), 200).json() as OfferList;
    expect(kaluga.items.find((i) => i.slug === offer.slug)).toMatchObject({ stage: 'submitted', organisation: { slug: 'iate-mephi' } });
    const limousin = expectStatus(await request(t, p.limousinCoordinator, 'GET', '/api/v1/review/offers'), 200).json() as OfferList;
    expect(limousin.items.some((i) => i.slug === offer.slug)).toBe(false);
    expect(limousin.items.every((i) => i.organisation?.slug !== 'ardl')).toBe(true);
    expect((await request(t, p.limousinCoordinator, 'GET', '/api/v1/review/offers?region=RU-KLU')).json().error.code).toBe(
      'outside_region',
    );
    expect((await request(t, p.outsider, 'GET', '/api/v1/review/offers')).statusCode).toBe(403);
  });
});

describe('tagging', () => {
  it('previews an unsaved draft’s concepts and codes in the reader’s language, refusing an unknown code', async () => {
    const res = expectStatus(
      await request(t, p.iateEditor, 'POST', '/api/v1/offers/tagging?lang=fr', {
        title: { original: 'ru', ru: 'Керамические фильтры для расплавов' },
        nace: ['23.44'],
        areas: ['filters-filtering-materials'],
        productCodes: ['8482'],
      }),
      200,
    );
    const tagging = res.json();
    expect(tagging.nace).toEqual([{ code: '23.44', title: expect.stringMatching(/céramique/i) }]);
    expect(tagging.areas[0]).toMatchObject({ code: 'filters-filtering-materials' });
    expect(tagging.products[0]).toMatchObject({ code: 'hs:8482' });
    expect(Array.isArray(tagging.concepts)).toBe(true);
    const bad = await request(t, p.iateEditor, 'POST', '/api/v1/offers/tagging', { nace: ['99.99.9'] });
    expect(bad.json().error.field).toBe('body.nace[0]');
    const offer = await createOffer(t, p.iateEditor);
    const saved = expectStatus(await request(t, p.iateEditor, 'GET', `/api/v1/offers/${offer.slug}/tagging?lang=en`), 200).json();
    expect(saved.nace[0].code).toBe('23.44');
  });
});
