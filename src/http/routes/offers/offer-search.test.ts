import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dayFromToday, insertOffer } from '../../../test/offers.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';
import type { OfferList } from '../../../shared/schemas/offers.js';

let t: TestPlatform;
let reader: TestUser;
let owner: TestUser;
const ids = {} as Record<'filters' | 'business' | 'expired' | 'draft', string>;

beforeAll(async () => {
  t = await createTestPlatform();
  reader = await signedInUser(t, 'search.reader@example.test', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
  owner = await signedInUser(t, 'search.owner@example.test', [{ role: 'org_editor', organisationSlug: 'iate-mephi' }]);
  ids.filters = (
    await insertOffer(t, 'iate-mephi', {
      kind: 'technology_request',
      title: { original: 'ru', ru: 'Ищем керамические фильтры для очистки расплавленного металла' },
      summary: { original: 'ru', ru: 'Институт ищет поставщика пористых керамических фильтров для литья алюминия.' },
      anonymous: true,
      partnershipKinds: ['manufacturing_agreement'],
      targetRegionCodes: ['FR-NAQ'],
      publishedAt: new Date(Date.now() - 3_600_000),
    })
  ).id;
  ids.business = (
    await insertOffer(t, 'ardl', {
      kind: 'business_offer',
      title: { original: 'fr', fr: 'Distribution de porcelaine de Limoges en Russie' },
      summary: { original: 'fr', fr: 'Une manufacture de porcelaine cherche un distributeur pour ses services de table.' },
      partnershipKinds: ['distribution'],
      publishedAt: new Date(Date.now() - 1_800_000),
    })
  ).id;
  ids.expired = (
    await insertOffer(t, 'airko', {
      kind: 'technology_offer',
      title: { original: 'en', en: 'Ceramic filters past their expiry' },
      expiresOn: dayFromToday(-1),
    })
  ).id;
  ids.draft = (
    await insertOffer(t, 'airko', { kind: 'technology_offer', title: { original: 'en', en: 'Ceramic filters in a draft' }, stage: 'draft' })
  ).id;
});
afterAll(() => t.close());

const search = async (query: string, user?: TestUser) => {
  const answer = user ? await user.get(`/api/v1/offers?${query}`) : await t.app.inject({ method: 'GET', url: `/api/v1/offers?${query}` });
  expect(answer.statusCode, answer.body).toBe(200);
  return answer.json() as OfferList;
};
const slugsOf = (list: OfferList) => list.items.map((i) => i.id);

describe('the marketplace search, across languages', () => {
  it('finds a Russian technology request from the French «filtres céramiques» and the English «ceramic filters»', async () => {
    for (const q of ['filtres céramiques', 'ceramic filters']) {
      const list = await search(`q=${encodeURIComponent(q)}&lang=${q.startsWith('filtres') ? 'fr' : 'en'}`);
      expect(slugsOf(list), q).toContain(ids.filters);
      const item = list.items.find((i) => i.id === ids.filters)!;
      expect(item.why.length, q).toBeGreaterThan(0);
      // each reason once, though a word matches by its text and by its concept
      expect(new Set(item.why.map((w) => w.text.toLowerCase())).size, q).toBe(item.why.length);
    }
  });

  it('finds a French business offer from a Russian query', async () => {
    const list = await search(`q=${encodeURIComponent('фарфор')}`);
    expect(slugsOf(list)).toContain(ids.business);
  });

  it('finds only published offers, and none past their expiry even before the expiry job runs', async () => {
    const list = await search(`q=${encodeURIComponent('ceramic filters')}`);
    expect(slugsOf(list)).not.toContain(ids.expired);
    expect(slugsOf(list)).not.toContain(ids.draft);
  });

  it('lists the newest published first without words, with counts per kind', async () => {
    const list = await search('');
    const order = slugsOf(list);
    expect(order.indexOf(ids.business)).toBeLessThan(order.indexOf(ids.filters));
    expect(list.facets!.kind.technology_request).toBeGreaterThanOrEqual(1);
    expect(list.facets!.kind.business_offer).toBeGreaterThanOrEqual(1);
    const requests = await search('kind=technology_request');
    expect(requests.items.every((i) => i.kind === 'technology_request')).toBe(true);
    // the kind's own facet counts the other kinds too (the filter of one facet does not narrow its own counts)
    expect(requests.facets!.kind.business_offer).toBeGreaterThanOrEqual(1);
  });

  it('filters by the owner’s region (a region covers its subdivisions), target region (or anywhere) and partnership sought', async () => {
    const kaluga = await search('region=RU-KLU');
    expect(slugsOf(kaluga)).toContain(ids.filters);
    expect(slugsOf(kaluga)).not.toContain(ids.business);
    // seeking partners in Nouvelle-Aquitaine covers a partner in Haute-Vienne; an offer seeking anywhere is found too
    for (const target of ['FR-NAQ', 'FR-87']) {
      const toLimousin = await search(`target=${target}`);
      expect(slugsOf(toLimousin), target).toEqual(expect.arrayContaining([ids.filters, ids.business]));
    }
    const toGermany = await search('target=DE-BY');
    expect(slugsOf(toGermany)).not.toContain(ids.filters);
    expect(slugsOf(toGermany)).toContain(ids.business);
    const distribution = await search('partnership=distribution');
    expect(slugsOf(distribution)).toEqual([ids.business]);
  });

  it('refuses unknown areas, regions, target regions and NACE codes with 400 naming the field', async () => {
    for (const [query, field] of [
      ['area=no-such-area', 'query.area'],
      ['region=XX-NOPE', 'query.region'],
      ['target=XX-NOPE', 'query.target'],
      ['nace=99.99', 'query.nace'],
      ['publishedAfter=yesterday', 'query.publishedAfter'],
    ] as const) {
      const answer = await t.app.inject({ method: 'GET', url: `/api/v1/offers?${query}` });
      expect(answer.statusCode, query).toBeGreaterThanOrEqual(400);
      expect(answer.statusCode, query).toBeLessThan(500);
      expect(answer.json().error.field, query).toContain(field);
    }
  });

  it('names no anonymous offer’s owner to others, in results or reasons, but shows it to the owner’s people', async () => {
    const organisation = (await t.services.repos.organisations.getBySlug('iate-mephi'))!;
    for (const user of [undefined, reader]) {
      const list = await search(`q=${encodeURIComponent('ceramic filters')}&lang=ru`, user);
      const item = list.items.find((i) => i.id === ids.filters)!;
      expect(item.organisation).toBeNull();
      expect(item.anonymous).toBe(true);
      const text = JSON.stringify(item);
      for (const trace of [organisation.slug, organisation.id, organisation.name.en!, organisation.name.ru!].filter(Boolean))
        expect(text).not.toContain(trace);
    }
    const mine = await search(`q=${encodeURIComponent('ceramic filters')}`, owner);
    expect(mine.items.find((i) => i.id === ids.filters)!.organisation?.slug).toBe('iate-mephi');
  });

  it('is not found by its owner organisation’s name', async () => {
    const list = await search(`q=${encodeURIComponent('MEPhI')}`);
    expect(slugsOf(list)).not.toContain(ids.filters);
  });

  it('gives only the offers published after publishedAfter', async () => {
    const since = new Date(Date.now() - 2_400_000).toISOString();
    const list = await search(`publishedAfter=${encodeURIComponent(since)}`);
    expect(slugsOf(list)).toContain(ids.business);
    expect(slugsOf(list)).not.toContain(ids.filters);
  });
});
