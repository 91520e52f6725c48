import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';

/**
 * Every mutating route × every role × own/other organisation or region: the allowed writes go through,
 * and no refused write changes anything. The target is IATE MEPhI (Kaluga region).
 */
type ActorName = 'visitor' | 'outsider' | 'member' | 'editor' | 'orgAdmin' | 'otherOrgAdmin' | 'coordinatorIn' | 'coordinatorOut' | 'admin';
const ACTORS: ActorName[] = [
  'visitor',
  'outsider',
  'member',
  'editor',
  'orgAdmin',
  'otherOrgAdmin',
  'coordinatorIn',
  'coordinatorOut',
  'admin',
];

let t: TestPlatform;
const as: Partial<Record<ActorName, TestUser>> = {};
let memberId = '';

beforeAll(async () => {
  t = await createTestPlatform();
  as.outsider = await signedInUser(t, 'outsider@example.org');
  as.member = await signedInUser(t, 'member@example.org', [{ role: 'member', organisationSlug: 'iate-mephi' }]);
  as.editor = await signedInUser(t, 'editor@example.org', [{ role: 'org_editor', organisationSlug: 'iate-mephi' }]);
  as.orgAdmin = await signedInUser(t, 'org-admin@example.org', [{ role: 'org_admin', organisationSlug: 'iate-mephi' }]);
  as.otherOrgAdmin = await signedInUser(t, 'other-admin@example.org', [{ role: 'org_admin', organisationSlug: 'ardl' }]);
  as.coordinatorIn = await signedInUser(t, 'coord-in@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
  as.coordinatorOut = await signedInUser(t, 'coord-out@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
  as.admin = await signedInUser(t, 'admin@example.org', [{ role: 'platform_admin' }]);
  memberId = as.member.id;
});
afterAll(() => t.close());

function call(actor: ActorName, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse> {
  const user = as[actor];
  if (!user) return t.app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }) });
  return method === 'GET' ? user.get(url) : user.send(method, url, body);
}

const iate = () => t.services.repos.organisations.getBySlug('iate-mephi').then((o) => o!);
const setStatus = async (status: 'draft' | 'submitted' | 'validated') => {
  const org = await iate();
  await t.services.repos.organisations.updateWorkflow(org.id, { status }, new Date());
};
const restoreMember = async () => {
  const org = await iate();
  await t.services.repos.accounts.grant({ userId: memberId, role: 'member', organisationId: org.id });
};
const snapshot = async () => {
  const org = await iate();
  const grants = await t.services.repos.accounts.grantsInOrganisation(org.id);
  return JSON.stringify({ org: { ...org, updatedAt: null }, grants: grants.map((g) => [g.userId, g.role]).sort() });
};

interface Case {
  name: string;
  allowed: ActorName[];
  /** The refusal expected of a signed-in actor outside `allowed` (visitors always get 401). */
  refused?: Partial<Record<ActorName, string>>;
  setup?: () => Promise<void>;
  request: () => ['GET' | 'POST' | 'PUT' | 'DELETE', string, unknown?];
}

const CASES: Case[] = [
  {
    name: 'edit the profile',
    allowed: ['editor', 'orgAdmin', 'admin'],
    request: () => ['PUT', '/api/v1/organisations/iate-mephi/profile', profile({ name: { original: 'ru', ru: 'ИАТЭ' } })],
  },
  {
    name: 'submit the profile',
    allowed: ['editor', 'orgAdmin', 'admin'],
    setup: () => setStatus('draft'),
    request: () => ['POST', '/api/v1/organisations/iate-mephi/submit'],
  },
  {
    name: 'validate the profile',
    allowed: ['coordinatorIn', 'admin'],
    refused: { coordinatorOut: 'outside_region' },
    setup: () => setStatus('submitted'),
    request: () => ['POST', '/api/v1/organisations/iate-mephi/decision', { decision: 'validated' }],
  },
  {
    name: 'invite a member',
    allowed: ['orgAdmin', 'admin'],
    request: () => ['POST', '/api/v1/organisations/iate-mephi/invitations', { email: `new-${Math.random()}@example.org`, role: 'member' }],
  },
  // a member may leave, which is the member removing themself
  {
    name: 'remove a member',
    allowed: ['orgAdmin', 'admin', 'member'],
    setup: restoreMember,
    request: () => ['DELETE', `/api/v1/organisations/iate-mephi/members/${memberId}`],
  },
  {
    name: 'create an organisation',
    allowed: ['outsider', 'member', 'editor', 'orgAdmin', 'otherOrgAdmin', 'coordinatorIn', 'coordinatorOut', 'admin'],
    request: () => ['POST', '/api/v1/organisations', profile({ name: { original: 'en', en: `Org ${Math.random()}` } })],
  },
  {
    name: 'see the members',
    allowed: ['member', 'editor', 'orgAdmin', 'admin'],
    setup: restoreMember,
    request: () => ['GET', '/api/v1/organisations/iate-mephi/members'],
  },
  {
    name: 'see the validation queue',
    allowed: ['coordinatorIn', 'coordinatorOut', 'admin'],
    request: () => ['GET', '/api/v1/validation-queue'],
  },
  { name: 'read the audit log', allowed: ['coordinatorIn', 'coordinatorOut', 'admin'], request: () => ['GET', '/api/v1/audit-events'] },
  { name: 'read the outbox', allowed: ['admin'], request: () => ['GET', '/api/v1/admin/emails'] },
  { name: 'see the background jobs', allowed: ['admin'], request: () => ['GET', '/api/v1/admin/jobs'] },
  // both coordinators cover a side of the Kaluga–Limousin partnership (FR-NAQ covers the Limousin departments)
  {
    name: 'edit the partnership',
    allowed: ['coordinatorIn', 'coordinatorOut', 'admin'],
    request: () => [
      'PUT',
      '/api/v1/partnerships/kaluga-limousin',
      { name: { original: 'en', en: 'Kaluga–Limousin' }, description: null, areas: [] },
    ],
  },
];

describe('authorisation matrix', () => {
  for (const c of CASES) {
    for (const actor of ACTORS) {
      const allowed = c.allowed.includes(actor);
      it(`${c.name}: ${actor} is ${allowed ? 'allowed' : 'refused'}`, async () => {
        await c.setup?.();
        const before = await snapshot();
        const [method, url, body] = c.request();
        const res = await call(actor, method, url, body);
        if (allowed) {
          expect(res.statusCode, res.body).toBeLessThan(300);
          return;
        }
        const expected = actor === 'visitor' ? 'not_signed_in' : (c.refused?.[actor] ?? ['forbidden', 'not_found']);
        expect(res.statusCode, res.body).toBeGreaterThanOrEqual(400);
        if (Array.isArray(expected)) expect(expected).toContain(res.json().error.code);
        else expect(res.json().error.code).toBe(expected);
        expect(await snapshot()).toBe(before);
      });
    }
  }

  it("transfers administration only as the organisation's administrator", async () => {
    await restoreMember();
    for (const actor of ACTORS.filter((a) => a !== 'orgAdmin')) {
      const res = await call(actor, 'POST', '/api/v1/organisations/iate-mephi/transfer-administration', { userId: memberId });
      expect(res.statusCode, `${actor}: ${res.body}`).toBeGreaterThanOrEqual(400);
    }
    expect(
      (await call('orgAdmin', 'POST', '/api/v1/organisations/iate-mephi/transfer-administration', { userId: memberId })).statusCode,
    ).toBe(200);
  });

  it('records every allowed write in the audit log, which coordinators see for their region only', async () => {
    const all = (await call('admin', 'GET', '/api/v1/audit-events?limit=500')).json().items;
    const actions = new Set(all.map((e: { action: string }) => e.action));
    for (const action of [
      'organisation.profile_updated',
      'organisation.submitted',
      'organisation.validated',
      'member.invited',
      'member.removed',
      'organisation.created',
      'member.administration_transferred',
    ]) {
      expect(actions).toContain(action);
    }
    const kaluga = (await call('coordinatorIn', 'GET', '/api/v1/audit-events?limit=500')).json().items;
    expect(kaluga.length).toBeGreaterThan(0);
    expect(kaluga.every((e: { regionCode: string }) => e.regionCode === 'RU-KLU')).toBe(true);
    const limousin = (await call('coordinatorOut', 'GET', '/api/v1/audit-events?entityType=organisation&limit=500')).json().items;
    expect(limousin.every((e: { regionCode: string }) => ['FR-NAQ', 'FR-19', 'FR-23', 'FR-87'].includes(e.regionCode))).toBe(true);

    const updated = all.find((e: { action: string }) => e.action === 'organisation.profile_updated');
    expect(updated.after.name).toEqual({ original: 'ru', ru: 'ИАТЭ' });
    expect(updated.before).toBeTruthy();

    const csv = await as.admin!.get('/api/v1/audit-events.csv?action=organisation.validated');
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body.startsWith('\uFEFFat,actor,action')).toBe(true);
    expect(csv.body).toContain('organisation.validated');
    expect(csv.body).not.toContain('organisation.created');
  });
});
