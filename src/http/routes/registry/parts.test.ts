import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistryRecord } from '../../../shared/schemas/registry.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { agreement, expectStatus, initiative, registryPeople, request, type RegistryPeople } from './registry-fixtures.js';

let t: TestPlatform;
let p: RegistryPeople;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await registryPeople(t, 'parts');
});
afterAll(() => t.close());

const create = async (collection: string, body: unknown, user = p.iateEditor) =>
  expectStatus(await request(t, user, 'POST', `/api/v1/${collection}`, body), 201).json() as RegistryRecord;
const title = (en: string) => ({ original: 'en' as const, en });

describe('milestones of an initiative', () => {
  it('adds, marks done and removes milestones, each moving the initiative’s version on', async () => {
    const record = await create('initiatives', initiative());
    const url = `/api/v1/initiatives/${record.slug}/milestones`;
    const added = expectStatus(await request(t, p.ardlEditor, 'POST', url, { title: title('Call for participants'), dueOn: '2020-01-15' }, 1), 200);
    expect(added.headers.etag).toBe('"2"');
    const milestone = (added.json() as RegistryRecord).milestones[0]!;
    expect(milestone).toMatchObject({ dueOn: '2020-01-15', doneOn: null, overdue: true });
    const stale = await request(t, p.iateEditor, 'PATCH', `${url}/${milestone.id}`, { doneOn: '2020-01-10' }, 1);
    expect(stale.json().error.code).toBe('version_conflict');
    const done = expectStatus(await request(t, p.iateEditor, 'PATCH', `${url}/${milestone.id}`, { doneOn: '2020-01-10' }, 2), 200).json();
    expect(done.milestones[0]).toMatchObject({ doneOn: '2020-01-10', overdue: false });
    const badDay = await request(t, p.iateEditor, 'PATCH', `${url}/${milestone.id}`, { dueOn: '2021-02-29' });
    expect(badDay.json().error).toMatchObject({ field: 'body.dueOn', reason: 'no_such_day' });
    expect((await request(t, p.outsider, 'POST', url, { title: title('Not mine') })).statusCode).toBe(403);
    const removed = expectStatus(await request(t, p.iateEditor, 'DELETE', `${url}/${milestone.id}`), 200).json();
    expect(removed).toMatchObject({ milestones: [], version: 4 });
    expect((await request(t, p.iateEditor, 'DELETE', `${url}/${milestone.id}`)).statusCode).toBe(404);
  });
});

describe('links between records', () => {
  it('links a record to another once, shown from both ends, and removes it from either', async () => {
    const signed = await create('agreements', agreement({ title: title('Framework agreement') }));
    const school = await create('initiatives', initiative({ title: title('Summer school under the agreement') }));
    const linked = expectStatus(await request(t, p.iateEditor, 'POST', `/api/v1/initiatives/${school.slug}/links`, { targetKind: 'agreement', targetSlug: signed.slug }), 200).json();
    expect(linked.links).toEqual([{ kind: 'agreement', id: signed.id, slug: signed.slug, title: title('Framework agreement'), direction: 'out' }]);
    expect(linked.version).toBe(2);
    const other = (await request(t, null, 'GET', `/api/v1/agreements/${signed.slug}`)).json() as RegistryRecord;
    expect(other.links).toEqual([expect.objectContaining({ kind: 'initiative', slug: school.slug, direction: 'in' })]);
    // from the other end, it is the same link: not stored twice
    expectStatus(await request(t, p.ardlEditor, 'POST', `/api/v1/agreements/${signed.slug}/links`, { targetKind: 'initiative', targetId: school.id }), 200);
    const stored = (await t.database.db.execute(sql`select count(*)::int as n from record_links where record_id in (${signed.id}, ${school.id})`)) as unknown as { rows: { n: number }[] };
    expect(stored.rows[0]!.n).toBe(1);
    const self = await request(t, p.iateEditor, 'POST', `/api/v1/agreements/${signed.slug}/links`, { targetKind: 'agreement', targetId: signed.id });
    expect(self.json().error.field).toBe('body.targetId');
    const wrongKind = await request(t, p.iateEditor, 'POST', `/api/v1/agreements/${signed.slug}/links`, { targetKind: 'residency', targetSlug: school.slug });
    expect(wrongKind.statusCode).toBe(404);
    const unlinked = expectStatus(await request(t, p.ardlEditor, 'DELETE', `/api/v1/agreements/${signed.slug}/links/initiative/${school.id}`), 200).json();
    expect(unlinked.links).toEqual([]);
  });

  it('does not show a visitor a link to a record they may not read', async () => {
    const open = await create('agreements', agreement({ title: title('Open agreement') }));
    const hidden = await create('initiatives', initiative({ title: title('Hidden initiative'), published: false }));
    expectStatus(await request(t, p.iateEditor, 'POST', `/api/v1/agreements/${open.slug}/links`, { targetKind: 'initiative', targetId: hidden.id }), 200);
    expect(((await request(t, null, 'GET', `/api/v1/agreements/${open.slug}`)).json() as RegistryRecord).links).toEqual([]);
    expect(((await request(t, p.iateEditor, 'GET', `/api/v1/agreements/${open.slug}`)).json() as RegistryRecord).links).toHaveLength(1);
  });
});

describe('merging a named party into the organisation it became', () => {
  it('moves its records to the organisation, keeping their links and history; a second merge is refused', async () => {
    const ester = { name: { original: 'fr' as const, fr: 'Technopôle ESTER' }, kind: 'technopark', region: 'FR-87' };
    const first = await create('agreements', agreement({ title: title('With ESTER'), parties: [{ organisation: 'iate-mephi', role: 'signatory' }, { named: ester, role: 'signatory' }] }));
    const namedId = first.parties[1]!.named!.id;
    // the second record names it again, beside the organisation it will become (one row stays after the merge)
    const second = await create(
      'initiatives',
      initiative({
        title: title('ESTER and the university'),
        parties: [
          { organisation: 'iate-mephi', role: 'coordinator' },
          { namedParty: namedId, role: 'partner' },
          { organisation: 'limousin-technical-university', role: 'observer' },
        ],
      }),
    );
    expectStatus(await request(t, p.iateEditor, 'POST', `/api/v1/agreements/${first.slug}/links`, { targetKind: 'initiative', targetId: second.id }), 200);
    expectStatus(await request(t, p.iateEditor, 'POST', `/api/v1/agreements/${first.slug}/stage`, { to: 'signed', happened: '2012' }), 200);
    const merge = `/api/v1/named-parties/${namedId}/merge`;
    expect((await request(t, p.iateEditor, 'POST', merge, { organisation: 'limousin-technical-university' })).statusCode).toBe(403);
    expect((await request(t, p.kalugaCoordinator, 'POST', merge, { organisation: 'limousin-technical-university' })).json().error.code).toBe('outside_region');
    const unknownOrg = await request(t, p.limousinCoordinator, 'POST', merge, { organisation: 'no-such-org' });
    expect(unknownOrg.json().error).toMatchObject({ code: 'unknown_value', field: 'body.organisation' });
    const merged = expectStatus(await request(t, p.limousinCoordinator, 'POST', merge, { organisation: 'limousin-technical-university' }), 200).json();
    expect(merged).toMatchObject({ movedRecords: 2, namedParty: { id: namedId, recordCount: 0, mergedInto: { slug: 'limousin-technical-university' } } });
    const a = (await request(t, null, 'GET', `/api/v1/agreements/${first.slug}`)).json() as RegistryRecord;
    expect(a.parties.map((x) => [x.organisation?.slug ?? null, x.named, x.role])).toEqual([
      ['iate-mephi', null, 'signatory'],
      ['limousin-technical-university', null, 'signatory'],
    ]);
    expect(a.stageHistory.map((c) => c.to)).toEqual(['draft', 'signed']);
    expect(a.links).toEqual([expect.objectContaining({ slug: second.slug })]);
    expect(a.version).toBe(4);
    const b = (await request(t, null, 'GET', `/api/v1/initiatives/${second.slug}`)).json() as RegistryRecord;
    // one row of the university: the stronger role (partner over observer) at the earlier place
    expect(b.parties.map((x) => [x.organisation?.slug, x.role])).toEqual([
      ['iate-mephi', 'coordinator'],
      ['limousin-technical-university', 'partner'],
    ]);
    expect(b.links).toEqual([expect.objectContaining({ slug: first.slug, direction: 'in' })]);
    const again = await request(t, p.limousinCoordinator, 'POST', merge, { organisation: 'ardl' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_merged');
    // a merged party is no longer offered, and naming it names the organisation
    expect((await request(t, p.iateEditor, 'GET', '/api/v1/named-parties?q=ester')).json().items).toEqual([]);
    const third = await create('agreements', agreement({ title: title('Named by its old id'), parties: [{ organisation: 'iate-mephi', role: 'signatory' }, { namedParty: namedId, role: 'partner' }] }));
    expect(third.parties[1]!.organisation?.slug).toBe('limousin-technical-university');
    const audit = (await t.database.db.execute(sql`select count(*)::int as n from audit_events where action = 'named_party.merged' and entity_id = ${namedId}`)) as unknown as { rows: { n: number }[] };
    expect(audit.rows[0]!.n).toBe(1);
  });
});
