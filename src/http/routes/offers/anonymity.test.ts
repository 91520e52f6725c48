import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routesOf, type FuzzRoute } from '../../fuzz/openapi-routes.js';
import { giveContact, interestBody, tracesIn, tracesOf } from '../../../test/offer-interest.js';
import { insertOffer } from '../../../test/offers.js';
import { readOutbox } from '../../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../../test/users.js';

/**
 * An anonymous offer's owner leaks through no route. Every GET route of the OpenAPI document whose path
 * speaks of offers, interests, the marketplace, saved searches, unsubscribing or suggestions (whoever added
 * it) is read with the anonymous offer's slug and ids in its path, and with a search for its words, as a
 * visitor, as a member of another organisation, and as the organisation whose interest the owner has not
 * accepted yet; then every e-mail to anyone but the owner's people. None may carry the owner's names (in
 * any language), slug, id, website, public contact, or its people's names and addresses.
 */

const OFFER_ROUTES = /offer|interest|marketplace|saved-search|unsubscribe|suggest/i;
const SEARCH_WORD = 'гидроакустических';

let t: TestPlatform;
let traces: string[];
let readers: { name: string; get: (url: string) => Promise<LightMyRequestResponse> }[];
let interestedSide: TestUser;
let otherMember: TestUser;
let ids: { slug: string; offerId: string; interestId: string };
let routes: FuzzRoute[];

beforeAll(async () => {
  t = await createTestPlatform();
  await giveContact(t, 'iate-mephi', 'hidden-owner');
  traces = await tracesOf(t, 'iate-mephi');
  interestedSide = await signedInUser(t, 'anon.interested@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  otherMember = await signedInUser(t, 'anon.other@example.org', [{ role: 'member', organisationSlug: 'airko' }]);
  const offer = await insertOffer(t, 'iate-mephi', {
    kind: 'technology_offer',
    anonymous: true,
    title: {
      original: 'ru',
      ru: `Технология ${SEARCH_WORD} датчиков`,
      fr: 'Technologie de capteurs hydroacoustiques',
      en: 'Hydroacoustic sensor technology',
    },
    summary: { original: 'ru', ru: 'Лицензия на производство датчиков.' },
    areaCodes: ['innovative-technology-transfer'],
  });
  const interest = await interestedSide.send('POST', `/api/v1/offers/${offer.slug}/interests`, interestBody());
  expect(interest.statusCode, interest.body).toBe(201);
  ids = { slug: offer.slug, offerId: offer.id, interestId: interest.json().id };
  // a second anonymous offer declines the interested side: the e-mail it gets names the offer, not its owner
  const declining = await insertOffer(t, 'iate-mephi', { anonymous: true, title: { original: 'en', en: 'Neutron flux monitors' } });
  const declined = (await interestedSide.send('POST', `/api/v1/offers/${declining.slug}/interests`, interestBody())).json();
  const owner = await signIn(t, 'iate.admin@demo.clusterbridge.test', 'Demo-Clusterbridge-2026');
  const decision = await owner.send('POST', `/api/v1/interests/${declined.id}/decline`, { reason: 'Not now.' });
  expect(decision.statusCode, decision.body).toBe(200);
  readers = [
    { name: 'a visitor', get: (url) => t.app.inject(url) },
    { name: 'a member of another organisation', get: (url) => otherMember.get(url) },
    { name: 'the interested side before accept', get: (url) => interestedSide.get(url) },
  ];
  routes = routesOf(t.app).filter((r) => r.method === 'GET' && OFFER_ROUTES.test(r.path));
});
afterAll(() => t.close());

/**
 * A path parameter's value: the anonymous offer's slug, its id, or the pending interest's id; an
 * organisation's slug is the reader's other organisation's (suggestions for "my organisation").
 */
function valueOf(path: string, name: string, organisation: string): string {
  if (path.startsWith('/api/v1/organisations/{') && /slug/i.test(name)) return organisation;
  if (/slug/i.test(name)) return ids.slug;
  if (/interest/i.test(name) || (name === 'id' && /\/interests\/\{id\}/.test(path))) return ids.interestId;
  if (/id$/i.test(name)) return ids.offerId;
  return ids.slug;
}

/** The addresses to read for a route: its path filled in, and with a search for the offer's words where it takes one. */
function urlsOf(route: FuzzRoute, organisation = 'ardl'): string[] {
  const path = route.path.replace(/\{([^}]+)\}/g, (_, name: string) => encodeURIComponent(valueOf(route.path, name, organisation)));
  const query = new Set(route.parameters.filter((p) => p.in === 'query').map((p) => p.name));
  const urls = [path];
  if (query.has('q')) urls.push(`${path}?q=${encodeURIComponent(SEARCH_WORD)}`, `${path}?q=hydroacoustiques`);
  if (query.has('area')) urls.push(`${path}?area=innovative-technology-transfer`);
  if (query.has('region')) urls.push(`${path}?region=RU-KLU`);
  return urls;
}

describe('an anonymous offer’s owner', () => {
  it('walks the routes that exist (the ones of expressions of interest at least)', () => {
    const paths = routes.map((r) => r.path);
    expect(paths).toEqual(expect.arrayContaining(['/api/v1/my/interests', '/api/v1/interests/{id}', '/api/v1/offers/{slug}/interests']));
  });

  it('shows in no answer to a visitor, a member of another organisation, or the interested side before accept', async () => {
    const leaks: string[] = [];
    let answered = 0;
    for (const route of routes) {
      for (const url of urlsOf(route)) {
        for (const reader of readers) {
          const res = await reader.get(url);
          expect(res.statusCode, `${reader.name} GET ${url}: ${res.body.slice(0, 300)}`).toBeLessThan(500);
          if (res.statusCode === 200) answered++;
          const found = tracesIn(`${JSON.stringify(res.headers)}\n${res.body}`, traces);
          if (found.length > 0) leaks.push(`${reader.name} GET ${url}: ${found.join(', ')}`);
        }
      }
    }
    expect(leaks).toEqual([]);
    // not vacuous: the interested side reads its own interest and its list
    expect(answered).toBeGreaterThan(2);
    const own = await interestedSide.get(`/api/v1/interests/${ids.interestId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().offer.slug).toBe(ids.slug);
  });

  it('is not listed among its owner’s offers to others (routes under the organisation’s own address)', async () => {
    const owned = routes.filter((r) => r.path.startsWith('/api/v1/organisations/{'));
    const offerTraces = [ids.slug, ids.offerId, 'Hydroacoustic', SEARCH_WORD];
    const listed: string[] = [];
    for (const route of owned) {
      for (const url of urlsOf(route, 'iate-mephi')) {
        for (const reader of readers) {
          const res = await reader.get(url);
          expect(res.statusCode, `${reader.name} GET ${url}`).toBeLessThan(500);
          const found = tracesIn(res.body, offerTraces);
          if (found.length > 0) listed.push(`${reader.name} GET ${url}: ${found.join(', ')}`);
        }
      }
    }
    expect(listed).toEqual([]);
  });

  it('shows in no e-mail to anyone but its own people', async () => {
    const ownPeople = new Set(traces.filter((s) => s.includes('@')).map((s) => s.toLowerCase()));
    const others = readOutbox(t.services.repos.mail.folder!).filter((m) => !ownPeople.has(m.to.toLowerCase()));
    expect(others.some((m) => m.to === 'anon.interested@example.org' && m.text.includes('Neutron flux monitors'))).toBe(true);
    const leaks = others.flatMap((m) => {
      const found = tracesIn(`${m.subject}\n${m.replyTo ?? ''}\n${m.text}`, traces);
      return found.length > 0 ? [`to ${m.to} "${m.subject}": ${found.join(', ')}`] : [];
    });
    expect(leaks).toEqual([]);
  });
});
