import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryRecord } from '../../../shared/schemas/registry.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser } from '../../../test/users.js';
import { agreement, expectStatus, initiative, registryPeople, request, residency, type RegistryPeople } from './registry-fixtures.js';

let t: TestPlatform;
let p: RegistryPeople;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await registryPeople(t, 'stages');
});
afterAll(() => t.close());

const create = async (collection: string, body: unknown, user = p.iateEditor) =>
  expectStatus(await request(t, user, 'POST', `/api/v1/${collection}`, body), 201).json() as RegistryRecord;
const move = (user: typeof p.iateEditor, collection: string, slug: string, body: Record<string, unknown>, ifMatch?: number) =>
  request(t, user, 'POST', `/api/v1/${collection}/${slug}/stage`, body, ifMatch);

describe('stage changes along the pipeline', () => {
  it('lets an editor take the next step or an end, with its date and reason, and keeps the history', async () => {
    const record = await create('initiatives', initiative());
    // a stage is reached on a day that has come
    const future = expectStatus(await move(p.ardlEditor, 'initiatives', record.slug, { to: 'under_discussion', happened: '2099' }, 1), 400);
    expect(future.json().error).toMatchObject({ field: 'body.happened', reason: 'invalid' });
    const discussed = expectStatus(await move(p.ardlEditor, 'initiatives', record.slug, { to: 'under_discussion', happened: '2025-07', reason: 'First meeting in Limoges' }, 1), 200);
    expect(discussed.headers.etag).toBe('"2"');
    const moved = discussed.json() as RegistryRecord;
    expect(moved).toMatchObject({ stage: 'under_discussion', version: 2, allowedStages: ['agreed', 'abandoned'] });
    expect(moved.stageHistory.map((c) => [c.from, c.to, c.happened.value, c.reason])).toEqual([
      [null, 'proposed', expect.any(String), null],
      ['proposed', 'under_discussion', '2025-07', 'First meeting in Limoges'],
    ]);
    expect(moved.stageHistory[1]!.by).toBe('ardl.editor.stages');
    const abandoned = expectStatus(await move(p.iateEditor, 'initiatives', record.slug, { to: 'abandoned' }), 200).json();
    expect(abandoned.stage).toBe('abandoned');
    // leaving an end is for coordinators
    const back = await move(p.iateEditor, 'initiatives', record.slug, { to: 'agreed' });
    expect(back.json().error).toMatchObject({ code: 'stage_change_refused', reason: 'skips_stage', field: 'body.to' });
  });

  it('refuses an editor’s skip with 409 and takes a coordinator’s, storing nothing for the refusal', async () => {
    const record = await create('agreements', agreement());
    const skip = await move(p.iateEditor, 'agreements', record.slug, { to: 'in_force' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error).toMatchObject({ code: 'stage_change_refused', reason: 'skips_stage', field: 'body.to' });
    const unchanged = (await request(t, p.iateEditor, 'GET', `/api/v1/agreements/${record.slug}`)).json() as RegistryRecord;
    expect(unchanged).toMatchObject({ stage: 'draft', version: 1 });
    expect(unchanged.stageHistory).toHaveLength(1);
    const byCoordinator = expectStatus(await move(p.limousinCoordinator, 'agreements', record.slug, { to: 'in_force', happened: '2004-06-15' }), 200).json();
    expect(byCoordinator).toMatchObject({ stage: 'in_force', canCoordinate: true });
    expect(byCoordinator.allowedStages).toEqual(['draft', 'signed', 'expired', 'terminated']);
    expect((await move(p.outsider, 'agreements', record.slug, { to: 'expired' })).statusCode).toBe(403);
    const unknown = await move(p.kalugaCoordinator, 'agreements', record.slug, { to: 'graduated' });
    expect(unknown.json().error).toMatchObject({ code: 'unknown_value', field: 'body.to' });
    const noDay = await move(p.iateEditor, 'agreements', record.slug, { to: 'expired', happened: '2023-02-30' });
    expect(noDay.json().error).toMatchObject({ field: 'body.happened', reason: 'no_such_day' });
  });

  it('refuses a change from a stale version', async () => {
    const record = await create('agreements', agreement({ title: { original: 'en', en: 'Stale stage' } }));
    expectStatus(await request(t, p.iateEditor, 'PATCH', `/api/v1/agreements/${record.slug}`, { dated: '2004-02' }, 1), 200);
    const stale = await move(p.ardlEditor, 'agreements', record.slug, { to: 'signed' }, 1);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
  });

  it('applies only one of two changes made at once from the same stage', async () => {
    const record = await create('agreements', agreement({ title: { original: 'en', en: 'Signed twice at once' } }));
    const [a, b] = await Promise.all([
      move(p.iateEditor, 'agreements', record.slug, { to: 'signed', reason: 'Moscow copy' }),
      move(p.ardlEditor, 'agreements', record.slug, { to: 'signed', reason: 'Limoges copy' }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    const final = (await request(t, null, 'GET', `/api/v1/agreements/${record.slug}`)).json() as RegistryRecord;
    expect(final.stageHistory.filter((c) => c.to === 'signed')).toHaveLength(1);
    expect(final.version).toBe(2);
    // the same with the version both read
    const [c, d] = await Promise.all([
      move(p.iateEditor, 'agreements', record.slug, { to: 'in_force' }, 2),
      move(p.ardlEditor, 'agreements', record.slug, { to: 'terminated' }, 2),
    ]);
    expect([c.statusCode, d.statusCode].sort()).toEqual([200, 409]);
    const after = (await request(t, null, 'GET', `/api/v1/agreements/${record.slug}`)).json() as RegistryRecord;
    expect(after.stageHistory).toHaveLength(3);
  });
});

describe('residencies: the host decides, the resident withdraws', () => {
  it('lets the host admit a resident and refuses the resident admitting itself', async () => {
    const stay = await create('residencies', residency());
    const self = await move(p.iateEditor, 'residencies', stay.slug, { to: 'admitted' });
    expect(self.statusCode).toBe(403);
    expect(self.json().error).toMatchObject({ reason: 'host_decides', field: 'body.to' });
    const seen = (await request(t, p.iateEditor, 'GET', `/api/v1/residencies/${stay.slug}`)).json() as RegistryRecord;
    expect(seen.allowedStages).toEqual(['withdrawn']);
    const hostView = (await request(t, p.ardlEditor, 'GET', '/api/v1/residencies?host=ardl&stage=application')).json();
    expect(hostView.items.map((r: { slug: string }) => r.slug)).toContain(stay.slug);
    const admitted = expectStatus(await move(p.ardlEditor, 'residencies', stay.slug, { to: 'admitted', happened: '2026-02-01' }), 200).json();
    expect(admitted.stage).toBe('admitted');
    expect((await move(p.ardlEditor, 'residencies', stay.slug, { to: 'withdrawn' })).json().error.reason).toBe('resident_withdraws');
    expect(expectStatus(await move(p.iateEditor, 'residencies', stay.slug, { to: 'withdrawn' }), 200).json().stage).toBe('withdrawn');
  });

  it('lets only the host (or a coordinator) record a residency that starts admitted', async () => {
    const byResident = await request(t, p.iateEditor, 'POST', '/api/v1/residencies', residency({ stage: 'admitted' }));
    expect(byResident.json().error).toMatchObject({ reason: 'host_decides', field: 'body.stage' });
    const hostAdmin = await signedInUser(t, 'ardl.admin.stages@example.org', [{ role: 'org_admin', organisationSlug: 'ardl' }]);
    const byHost = await request(t, hostAdmin, 'POST', '/api/v1/residencies', residency({ stage: 'admitted' }));
    expect(byHost.statusCode, byHost.body).toBe(201);
  });
});
