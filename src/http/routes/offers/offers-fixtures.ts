import type { LightMyRequestResponse } from 'fastify';
import type { Offer } from '../../../shared/schemas/offers.js';
import { dayFromToday } from '../../../test/offers.js';
import type { TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../../test/users.js';
import { expectStatus, request } from '../registry/registry-fixtures.js';

export { expectStatus, request };

/** The offers tests' people: the owner's (IATE MEPhI, RU-KLU), coordinators of both regions, others. */
export interface OfferPeople {
  iateEditor: TestUser; // org_editor of iate-mephi (RU-KLU)
  iateMember: TestUser; // member of iate-mephi: reads, does not write
  ardlEditor: TestUser; // org_editor of ardl (FR-87)
  kalugaCoordinator: TestUser; // RU-KLU (and a member of airko)
  limousinCoordinator: TestUser; // FR-NAQ (and a member of ardl)
  haute: TestUser; // a coordinator of FR-87 who belongs to no organisation
  outsider: TestUser; // signed in, of no organisation
}

const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';

export async function offerPeople(t: TestPlatform, tag: string): Promise<OfferPeople> {
  return {
    iateEditor: await signIn(t, 'iate.editor@demo.clusterbridge.test', DEMO_PASSWORD),
    iateMember: await signIn(t, 'iate.member@demo.clusterbridge.test', DEMO_PASSWORD),
    ardlEditor: await signedInUser(t, `ardl.editor.${tag}@example.org`, [{ role: 'org_editor', organisationSlug: 'ardl' }]),
    kalugaCoordinator: await signIn(t, 'coordinator.kaluga@demo.clusterbridge.test', DEMO_PASSWORD),
    limousinCoordinator: await signIn(t, 'coordinator.limousin@demo.clusterbridge.test', DEMO_PASSWORD),
    haute: await signedInUser(t, `coordinator.haute-vienne.${tag}@example.org`, [{ role: 'regional_coordinator', regionCode: 'FR-87' }]),
    outsider: await signedInUser(t, `outsider.${tag}@example.org`),
  };
}

/** A technology request of IATE MEPhI, in Russian, as a Kaluga owner writes it. */
export const offerBody = (overrides: Record<string, unknown> = {}) => ({
  organisation: 'iate-mephi',
  kind: 'technology_request',
  title: { original: 'ru', ru: 'Керамические фильтры для очистки расплавов металлов' },
  summary: { original: 'ru', ru: 'Ищем партнёра для совместной разработки пористой керамики.' },
  description: null,
  areas: ['filters-filtering-materials'],
  nace: ['23.44'],
  productCodes: [],
  trl: 4,
  developmentStage: 'prototype',
  ipStatus: 'patents_applied',
  partnershipKinds: ['research_cooperation', 'technical_cooperation'],
  partnerKinds: ['enterprise'],
  partnerSizes: ['small', 'medium'],
  partnerRole: null,
  targetRegions: ['FR-NAQ'],
  deadline: dayFromToday(30),
  expiresOn: dayFromToday(120),
  anonymous: false,
  ...overrides,
});

export async function createOffer(t: TestPlatform, user: TestUser, overrides: Record<string, unknown> = {}): Promise<Offer> {
  return expectStatus(await request(t, user, 'POST', '/api/v1/offers', offerBody(overrides)), 201).json() as Offer;
}

export const move = (
  t: TestPlatform,
  user: TestUser | null,
  slug: string,
  body: Record<string, unknown>,
  ifMatch?: number,
): Promise<LightMyRequestResponse> => request(t, user, 'POST', `/api/v1/offers/${slug}/stage`, body, ifMatch);

/** An offer of IATE MEPhI taken through review to published, by the Kaluga coordinator. */
export async function publishedOffer(t: TestPlatform, p: OfferPeople, overrides: Record<string, unknown> = {}): Promise<Offer> {
  const draft = await createOffer(t, p.iateEditor, overrides);
  expectStatus(await move(t, p.iateEditor, draft.slug, { to: 'submitted' }), 200);
  return expectStatus(await move(t, p.kalugaCoordinator, draft.slug, { to: 'published' }), 200).json() as Offer;
}
