import type { LightMyRequestResponse } from 'fastify';
import type { TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../../test/users.js';

/** The registry tests' people: editors of a Russian and a French organisation, both regions' coordinators, an outsider. */
export interface RegistryPeople {
  iateEditor: TestUser; // org_editor of iate-mephi (RU-KLU)
  ardlEditor: TestUser; // org_editor of ardl (FR-87)
  kalugaCoordinator: TestUser; // RU-KLU
  limousinCoordinator: TestUser; // FR-NAQ, covering FR-87
  outsider: TestUser;
}

const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';

export async function registryPeople(t: TestPlatform, tag: string): Promise<RegistryPeople> {
  return {
    iateEditor: await signIn(t, 'iate.editor@demo.clusterbridge.test', DEMO_PASSWORD),
    ardlEditor: await signedInUser(t, `ardl.editor.${tag}@example.org`, [{ role: 'org_editor', organisationSlug: 'ardl' }]),
    kalugaCoordinator: await signIn(t, 'coordinator.kaluga@demo.clusterbridge.test', DEMO_PASSWORD),
    limousinCoordinator: await signIn(t, 'coordinator.limousin@demo.clusterbridge.test', DEMO_PASSWORD),
    outsider: await signedInUser(t, `outsider.${tag}@example.org`),
  };
}

/** Any method, with an If-Match when given (TestUser.send knows POST, PUT and DELETE only). */
export function request(
  t: TestPlatform,
  user: TestUser | null,
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
  url: string,
  body?: unknown,
  ifMatch?: number,
): Promise<LightMyRequestResponse> {
  const headers: Record<string, string> = user ? { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf } : {};
  if (ifMatch !== undefined) headers['if-match'] = `"${ifMatch}"`;
  return t.app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
}

const en = (text: string) => ({ original: 'en' as const, en: text });

export const agreement = (overrides: Record<string, unknown> = {}) => ({
  title: en('Cooperation agreement between IATE and ARDL'),
  summary: { original: 'fr' as const, fr: 'Coopération dans la formation des ingénieurs.' },
  type: 'cooperation_agreement',
  dated: '2004',
  parties: [
    { organisation: 'iate-mephi', role: 'signatory' },
    { organisation: 'ardl', role: 'signatory' },
  ],
  ...overrides,
});

export const initiative = (overrides: Record<string, unknown> = {}) => ({
  title: en('Joint summer school on nuclear medicine'),
  dated: '2025-06',
  parties: [
    { organisation: 'iate-mephi', role: 'coordinator' },
    { organisation: 'ardl', role: 'partner' },
  ],
  ...overrides,
});

export const academicPartnership = (overrides: Record<string, unknown> = {}) => ({
  title: en('Double degree in materials science'),
  kinds: ['double_degree', 'student_exchange'],
  dated: '2019-09-01',
  parties: [
    { organisation: 'iate-mephi', role: 'partner' },
    { organisation: 'limousin-technical-university', role: 'partner' },
  ],
  participation: [
    { academicYear: '2023/2024', participants: 12 },
    { academicYear: '2024/2025', participants: 15 },
  ],
  ...overrides,
});

/** IATE resides at ARDL (its editors decide as the host). */
export const residency = (overrides: Record<string, unknown> = {}) => ({
  title: en('IATE spin-off at the Limousin soft-landing programme'),
  dated: '2026-01',
  services: ['office', 'mentoring'],
  parties: [
    { organisation: 'iate-mephi', role: 'resident' },
    { organisation: 'ardl', role: 'host' },
  ],
  ...overrides,
});

export function expectStatus(response: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (response.statusCode !== status) throw new Error(`expected ${status}, got ${response.statusCode}: ${response.body}`);
  return response;
}
