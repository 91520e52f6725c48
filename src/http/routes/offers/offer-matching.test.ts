import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OfferMatches, SuggestedPartners } from '../../../shared/schemas/offer-matching.js';
import { insertOffer } from '../../../test/offers.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

const CERAMICS = 'non-metallic-materials-industrial-ceramics';

let t: TestPlatform;
let kalugaMember: TestUser;
let limogesMember: TestUser;
let outsider: TestUser;
let request: Awaited<ReturnType<typeof insertOffer>>;
let limousinOffer: Awaited<ReturnType<typeof insertOffer>>;
let anonymousOffer: Awaited<ReturnType<typeof insertOffer>>;
let owner: { id: string; slug: string; name: Record<string, string>; website: string | null };

beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  kalugaMember = await signedInUser(t, 'tehkeram@offers.test', [{ role: 'member', organisationSlug: 'example-tehkeram' }]);
  limogesMember = await signedInUser(t, 'ceratech@offers.test', [{ role: 'member', organisationSlug: 'example-ceratech' }]);
  outsider = await signedInUser(t, 'outsider@offers.test');
  // a Kaluga company's technology request, in Russian
  request = await insertOffer(t, 'example-tehkeram', {
    kind: 'technology_request',
    title: { original: 'ru', ru: 'Ищем технологию технической керамики для фильтров' },
    areaCodes: [CERAMICS],
  });
  limousinOffer = await insertOffer(t, 'example-ceratech', {
    kind: 'technology_offer',
    title: { original: 'fr', fr: 'Technologie de céramique technique pour filtres' },
    areaCodes: [CERAMICS],
  });
  await insertOffer(t, 'example-hepa', {
    kind: 'technology_offer',
    title: { original: 'en', en: 'Air purifier firmware' },
    areaCodes: ['industrial-control-software'],
  });
  await insertOffer(t, 'example-refractaires', {
    kind: 'technology_request',
    title: { original: 'fr', fr: 'Recherche de céramiques' },
    areaCodes: [CERAMICS],
  });
  anonymousOffer = await insertOffer(t, 'example-porcelaine', {
    kind: 'technology_offer',
    anonymous: true,
    title: { original: 'fr', fr: 'Procédé de frittage de céramique' },
    areaCodes: [CERAMICS],
  });
  const row = (await t.services.repos.organisations.getBySlug('example-porcelaine'))!;
  owner = { id: row.id, slug: row.slug, name: row.name as unknown as Record<string, string>, website: row.website ?? null };
});
afterAll(() => t.close());

const get = async <T>(url: string, as?: TestUser, status = 200): Promise<T> => {
  const res = as ? await as.get(url) : await t.app.inject(url);
  expect(res.statusCode, res.body).toBe(status);
  return res.json() as T;
};

/** Fails on any trace of the anonymous offer's owner: its id, slug, website or any of its names. */
function expectNoOwner(body: unknown) {
  const text = JSON.stringify(body);
  for (const trace of [
    owner.id,
    owner.slug,
    owner.website,
    ...Object.entries(owner.name)
      .filter(([k]) => k !== 'original')
      .map(([, v]) => v),
  ])
    if (trace) expect(text).not.toContain(trace);
}

describe('an offer’s matches', () => {
  it('finds the Limousin technology offer first for a Kaluga technology request, not the unrelated one nor another request', async () => {
    const result = await get<OfferMatches>(`/api/v1/offers/${request.slug}/matches?lang=en`);
    const slugs = result.items.map((m) => m.offer.slug);
    expect(slugs[0]).toBe(limousinOffer.slug);
    expect(result.items.every((m) => m.offer.kind === 'technology_offer')).toBe(true);
    expect(slugs).not.toContain(request.slug);
    const scores = result.items.map((m) => m.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('explains each match in the reader’s language, signal by signal, the score their sum', async () => {
    const [first] = (await get<OfferMatches>(`/api/v1/offers/${request.slug}/matches?lang=fr`)).items;
    const signals = first!.explanation.signals.map((s) => s.signal);
    expect(signals).toEqual(expect.arrayContaining(['complementarity', 'areas', 'regionPair']));
    expect(first!.explanation.language).toBe('fr');
    const areas = first!.explanation.signals.find((s) => s.signal === 'areas')!;
    expect(areas.items.map((i) => i.code)).toEqual([CERAMICS]);
    expect(areas.text).toMatch(/^Domaines de coopération communs/);
    expect(first!.explanation.signals.find((s) => s.signal === 'complementarity')!.text).toContain('demande de technologie');
    expect(first!.score).toBeCloseTo(
      first!.explanation.signals.reduce((sum, s) => sum + s.points, 0),
      2,
    );
    const russian = await t.app.inject({ url: `/api/v1/offers/${request.slug}/matches`, headers: { 'accept-language': 'ru' } });
    expect((russian.json() as OfferMatches).items[0]!.explanation.signals.find((s) => s.signal === 'areas')!.text).toMatch(
      /^Общие направления/,
    );
  });

  it('keeps to the target regions: an offer seeking partners elsewhere is none, a request’s targets bound its matches', async () => {
    const bavarian = await insertOffer(t, 'example-ceratech', {
      kind: 'technology_offer',
      title: { original: 'en', en: 'Ceramics for Bavaria only' },
      areaCodes: [CERAMICS],
      targetRegionCodes: ['DE-BY'],
    });
    const forKaluga = await insertOffer(t, 'example-ceratech', {
      kind: 'technology_offer',
      title: { original: 'en', en: 'Ceramics for the Kaluga region' },
      areaCodes: [CERAMICS],
      targetRegionCodes: ['RU-KLU'],
    });
    const slugs = (await get<OfferMatches>(`/api/v1/offers/${request.slug}/matches`)).items.map((m) => m.offer.slug);
    expect(slugs).not.toContain(bavarian.slug);
    expect(slugs).toContain(forKaluga.slug);
    const targeted = await insertOffer(t, 'example-tehkeram', {
      kind: 'technology_request',
      title: { original: 'en', en: 'Ceramics sought in Île-de-France' },
      areaCodes: [CERAMICS],
      targetRegionCodes: ['FR-IDF'],
    });
    const inIdf = (await get<OfferMatches>(`/api/v1/offers/${targeted.slug}/matches`)).items;
    expect(inIdf.every((m) => m.offer.regionCode === 'FR-IDF')).toBe(true);
    const limousin = await get<OfferMatches>(`/api/v1/offers/${request.slug}/matches?region=FR-87&kind=technology_offer`);
    expect(limousin.items.length).toBeGreaterThan(0);
    expect(limousin.items.every((m) => m.offer.regionCode === 'FR-87')).toBe(true);
  });

  it('refuses bad input with the field named, and an unpublished offer is not found to others', async () => {
    const bad = await t.app.inject(`/api/v1/offers/${request.slug}/matches?limit=500`);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('validation_failed');
    const unknown = await t.app.inject(`/api/v1/offers/${request.slug}/matches?region=XX-ZZZ`);
    expect([400, 422]).toContain(unknown.statusCode);
    const draft = await insertOffer(t, 'example-tehkeram', { stage: 'draft', kind: 'technology_request', areaCodes: [CERAMICS] });
    await get(`/api/v1/offers/${draft.slug}/matches`, outsider, 404);
    // its own people see what a draft would meet
    await get(`/api/v1/offers/${draft.slug}/matches`, kalugaMember, 200);
  });
});

describe('suggested partners of an offer', () => {
  it('suggests a technopark first for a soft-landing request', async () => {
    await t.database.db.execute(sql`update organisations set kind = 'technopark' where slug = 'example-supervision'`);
    const landing = await insertOffer(t, 'example-tehkeram', {
      kind: 'soft_landing_request',
      title: { original: 'en', en: 'Soft landing' },
      areaCodes: ['industrial-control-software'],
    });
    const result = await get<SuggestedPartners>(`/api/v1/offers/${landing.slug}/suggested-partners?lang=en`, kalugaMember);
    const slugs = result.items.map((i) => i.organisation.slug);
    // the technopark of Haute-Vienne before the companies there that share as much with the request
    const technopark = result.items.find((i) => i.organisation.slug === 'example-supervision')!;
    expect(technopark.explanation.signals.find((s) => s.signal === 'complementarity')!.text).toContain('technopark');
    for (const company of result.items.filter((i) => i.organisation.kind === 'enterprise' && i.organisation.regionCode === 'FR-87'))
      expect(slugs.indexOf(company.organisation.slug)).toBeGreaterThan(slugs.indexOf('example-supervision'));
    expect(slugs).not.toContain('example-tehkeram');
    // one that seeks a host technopark has it first
    const seeking = await insertOffer(t, 'example-tehkeram', {
      kind: 'soft_landing_request',
      title: { original: 'en', en: 'Soft landing in a technopark' },
      areaCodes: ['industrial-control-software'],
      partnerKinds: ['technopark'],
    });
    const first = (await get<SuggestedPartners>(`/api/v1/offers/${seeking.slug}/suggested-partners`, kalugaMember)).items[0]!;
    expect(first.organisation.slug).toBe('example-supervision');
    expect(first.explanation.signals.map((s) => s.signal)).toContain('partnerSought');
  });

  it('are the owner’s: others are refused', async () => {
    await get(`/api/v1/offers/${request.slug}/suggested-partners`, outsider, 403);
    await get(`/api/v1/offers/${request.slug}/suggested-partners`, undefined, 401);
  });

  it('never suggest an anonymous offer’s owner as the partner behind it', async () => {
    const ownerPerson = await signedInUser(t, 'porcelaine@offers.test', [{ role: 'member', organisationSlug: 'example-porcelaine' }]);
    const result = await get<SuggestedPartners>(`/api/v1/offers/${anonymousOffer.slug}/suggested-partners`, ownerPerson);
    expect(result.items.length).toBeGreaterThan(0);
    expect(result.items.map((i) => i.organisation.slug)).not.toContain(owner.slug);
  });
});

describe('suggested offers of an organisation', () => {
  it('are published offers of other organisations that fit it', async () => {
    const result = await get<OfferMatches>('/api/v1/organisations/example-tehkeram/suggested-offers', kalugaMember);
    const slugs = result.items.map((m) => m.offer.slug);
    expect(slugs).toContain(limousinOffer.slug);
    expect(result.items.every((m) => m.offer.organisation?.slug !== 'example-tehkeram')).toBe(true);
    expect(slugs).not.toContain(request.slug);
  });

  it('are its own people’s', async () => {
    await get('/api/v1/organisations/example-tehkeram/suggested-offers', outsider, 403);
    await get('/api/v1/organisations/example-tehkeram/suggested-offers', undefined, 401);
  });
});

describe('anonymity of matching', () => {
  it('never names an anonymous offer’s owner in matches, suggested offers or their explanations', async () => {
    for (const as of [undefined, outsider, kalugaMember]) {
      const matches = await get<OfferMatches>(`/api/v1/offers/${request.slug}/matches?lang=fr`, as);
      const hidden = matches.items.find((m) => m.offer.slug === anonymousOffer.slug);
      expect(hidden, 'the anonymous offer is matched').toBeDefined();
      expect(hidden!.offer.organisation).toBeNull();
      expectNoOwner(matches);
    }
    const suggested = await get<OfferMatches>('/api/v1/organisations/example-tehkeram/suggested-offers?lang=ru', kalugaMember);
    expect(suggested.items.find((m) => m.offer.slug === anonymousOffer.slug)!.offer.organisation).toBeNull();
    expectNoOwner(suggested);
    // its own people see whose it is
    const ownView = await get<OfferMatches>(`/api/v1/offers/${request.slug}/matches`, limogesMember);
    expect(ownView.items.find((m) => m.offer.slug === limousinOffer.slug)!.offer.organisation?.slug).toBe('example-ceratech');
  });
});
