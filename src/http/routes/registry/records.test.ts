import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecordList, RegistryRecord } from '../../../shared/schemas/registry.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { agreement, academicPartnership, expectStatus, initiative, registryPeople, request, residency, type RegistryPeople } from './registry-fixtures.js';

let t: TestPlatform;
let p: RegistryPeople;
beforeAll(async () => {
  t = await createTestPlatform({ seedRecords: false });
  p = await registryPeople(t, 'records');
});
afterAll(() => t.close());

const count = async (table: string) =>
  Number(((await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n);

const create = async (collection: string, body: unknown, user = p.iateEditor) =>
  expectStatus(await request(t, user, 'POST', `/api/v1/${collection}`, body), 201).json() as RegistryRecord;

describe('creating each kind of record', () => {
  it('records an agreement signed in a year only: "2004" stays a year, with its parties, regions and first stage', async () => {
    const created = await request(t, p.iateEditor, 'POST', '/api/v1/agreements', agreement());
    expect(created.statusCode, created.body).toBe(201);
    const record = created.json() as RegistryRecord;
    expect(created.headers.etag).toBe('"1"');
    expect(record).toMatchObject({
      kind: 'agreement',
      type: 'cooperation_agreement',
      stage: 'draft',
      dated: { value: '2004', precision: 'year', first: '2004-01-01', last: '2004-12-31' },
      validUntil: null,
      published: true,
      regionCodes: ['FR-87', 'RU-KLU'],
      canEdit: true,
      canCoordinate: false,
      allowedStages: ['signed', 'terminated'],
      version: 1,
    });
    expect(record.parties.map((x) => [x.organisation?.slug, x.role])).toEqual([
      ['iate-mephi', 'signatory'],
      ['ardl', 'signatory'],
    ]);
    expect(record.stageHistory).toEqual([expect.objectContaining({ from: null, to: 'draft', by: 'Редактор ИАТЭ' })]);
    const read = expectStatus(await request(t, null, 'GET', `/api/v1/agreements/${record.slug}`), 200).json() as RegistryRecord;
    expect(read.dated?.value).toBe('2004');
    expect(read.canEdit).toBe(false);
    // the access check every registry capability shares sees the party organisations
    const access = await t.services.repos.recordAccess.find(record.slug);
    expect(access?.partyOrganisationIds.sort()).toEqual(record.parties.map((x) => x.organisation!.id).sort());
    // the search document is built from the texts in their languages
    const result = (await t.database.db.execute(
      sql`select search_vector @@ to_tsquery('french', 'formation') as fr, search_vector @@ to_tsquery('english', 'cooperation') as en,
        search_vector @@ to_tsquery('english', 'nuclear') as other from cooperation_records where id = ${record.id}`,
    )) as unknown as { rows: { fr: boolean; en: boolean; other: boolean }[] };
    expect(result.rows[0]).toEqual({ fr: true, en: true, other: false });
  });

  it('records an initiative with milestones, an academic partnership with its years, a residency with services', async () => {
    const init = await create('initiatives', initiative({ milestones: [{ title: { original: 'en', en: 'Programme agreed' }, dueOn: '2025-03-01' }] }));
    expect(init).toMatchObject({ kind: 'initiative', stage: 'proposed', dated: { precision: 'month' } });
    expect(init.milestones).toEqual([expect.objectContaining({ dueOn: '2025-03-01', doneOn: null, overdue: true })]);
    const academic = await create('academic-partnerships', academicPartnership());
    expect(academic).toMatchObject({ kinds: ['double_degree', 'student_exchange'], stage: 'proposed', type: null });
    expect(academic.participation).toEqual([
      { academicYear: '2023/2024', participants: 12 },
      { academicYear: '2024/2025', participants: 15 },
    ]);
    const stay = await create('residencies', residency());
    expect(stay).toMatchObject({ stage: 'application', services: ['office', 'mentoring'] });
    // a collection is its kind's only
    expectStatus(await request(t, null, 'GET', `/api/v1/agreements/${stay.slug}`), 404);
  });

  it('names a party not on the platform yet, and finds it again by name', async () => {
    const record = await create(
      'agreements',
      agreement({
        title: { original: 'ru', ru: 'Соглашение с технопарком Лиможа' },
        parties: [
          { organisation: 'iate-mephi', role: 'signatory' },
          { named: { name: { original: 'fr', fr: 'Technopôle ESTER' }, kind: 'technopark', region: 'FR-87' }, role: 'signatory' },
        ],
      }),
    );
    expect(record.slug).toMatch(/^soglashenie/);
    expect(record.parties[1]).toMatchObject({ organisation: null, named: { name: { fr: 'Technopôle ESTER' }, regionCode: 'FR-87' } });
    const found = expectStatus(await request(t, p.ardlEditor, 'GET', '/api/v1/named-parties?q=ester'), 200).json();
    expect(found.items).toEqual([expect.objectContaining({ id: record.parties[1]!.named!.id, recordCount: 1, mergedInto: null })]);
    expectStatus(await request(t, null, 'GET', '/api/v1/named-parties?q=ester'), 401);
  });
});

describe('refusing bad input, naming the field, storing nothing', () => {
  const refused = async (body: unknown, status: number, error: Record<string, unknown>, collection = 'agreements') => {
    const before = await count('cooperation_records');
    const namedBefore = await count('named_parties');
    const response = await request(t, p.iateEditor, 'POST', `/api/v1/${collection}`, body);
    expect(response.statusCode, response.body).toBe(status);
    expect(response.json().error).toMatchObject(error);
    expect(await count('cooperation_records')).toBe(before);
    expect(await count('named_parties')).toBe(namedBefore);
  };
  const newNamed = { named: { name: { original: 'fr', fr: 'Pépinière Nouvelle' }, kind: 'enterprise', region: 'FR-87' }, role: 'partner' };

  it('a day that does not exist, or not a date at all', async () => {
    await refused(agreement({ dated: '2023-02-30' }), 400, { code: 'validation_failed', field: 'body.dated', reason: 'no_such_day' });
    await refused(agreement({ dated: '30/02/2023' }), 400, { code: 'validation_failed', field: 'body.dated' });
    await refused(agreement({ validFrom: '2023-13' }), 400, { field: 'body.validFrom' });
  });

  it('a title, or a named party’s name, without its original language’s text', async () => {
    await refused(agreement({ title: { original: 'en' } }), 400, { field: 'body.title.en', reason: 'original_language_missing' });
    await refused(agreement({ title: { original: 'fr', ru: 'Соглашение' } }), 400, { field: 'body.title.fr', reason: 'original_language_missing' });
    await refused(agreement({ title: { original: 'en', en: '   ' } }), 400, { field: 'body.title.en', reason: 'original_language_missing' });
  });

  it('a validity that ends before it starts', async () => {
    await refused(agreement({ validFrom: '2010-05', validUntil: '2009' }), 400, { field: 'body.validUntil', reason: 'ends_before_start' });
    // the same month, or a year holding the start, is not before it
    const ok = await create('agreements', agreement({ validFrom: '2010-05-20', validUntil: '2010-05' }));
    expect(ok.validUntil).toMatchObject({ value: '2010-05', precision: 'month' });
  });

  it('an agreement with one party, a party twice, a party in no known form', async () => {
    await refused(agreement({ parties: [{ organisation: 'iate-mephi', role: 'signatory' }] }), 400, { field: 'body.parties', reason: 'too_few_parties' });
    await refused(
      agreement({ parties: [{ organisation: 'iate-mephi', role: 'signatory' }, newNamed, { organisation: 'iate-mephi', role: 'partner' }] }),
      400,
      { field: 'body.parties[2]', reason: 'duplicate_party' },
    );
    await refused(agreement({ parties: [{ organisation: 'iate-mephi', role: 'signatory' }, { role: 'partner' }] }), 400, {
      field: 'body.parties[1]',
      reason: 'one_party_form',
    });
    await refused(agreement({ parties: [{ organisation: 'iate-mephi', role: 'signatory' }, { organisation: 'no-such-org', role: 'partner' }] }), 422, {
      code: 'unknown_value',
      field: 'body.parties[1].organisation',
    });
  });

  it('unknown areas, a residency without its host, a commitment of a party that is not there', async () => {
    await refused(agreement({ areas: ['no-such-area'] }), 422, { code: 'unknown_value', field: 'body.areas' });
    await refused(residency({ parties: [{ organisation: 'iate-mephi', role: 'resident' }] }), 400, { field: 'body.parties', reason: 'resident_and_host' }, 'residencies');
    await refused(agreement({ commitmentRoles: [{ role: 'national_coordinator', party: 2, eventSeries: { original: 'en', en: 'Science Festival' }, country: 'FR' }] }), 400, {
      field: 'body.commitmentRoles[0].party',
    });
    await refused(academicPartnership({ participation: [{ academicYear: '2024/2026', participants: 3 }] }), 400, { field: 'body.participation[0].academicYear' }, 'academic-partnerships');
    await refused(agreement({ services: ['office'] }), 400, { code: 'validation_failed' });
  });

  it('a record none of whose parties the creator edits for', async () => {
    const before = await count('cooperation_records');
    const response = await request(t, p.outsider, 'POST', '/api/v1/agreements', agreement());
    expect(response.statusCode).toBe(403);
    expect(response.json().error.field).toBe('body.parties');
    expectStatus(await request(t, null, 'POST', '/api/v1/agreements', agreement()), 401);
    expect(await count('cooperation_records')).toBe(before);
  });
});

describe('editing', () => {
  it('saves a change with the version it read, and refuses a stale one with 409', async () => {
    const record = await create('agreements', agreement({ title: { original: 'en', en: 'Agreement to edit' } }));
    const url = `/api/v1/agreements/${record.slug}`;
    const saved = expectStatus(await request(t, p.ardlEditor, 'PATCH', url, { validFrom: '2005', commitmentRoles: [
      { role: 'national_coordinator', party: 1, eventSeries: { original: 'fr', fr: 'Fête de la science' }, country: 'FR' },
    ] }, 1), 200);
    expect(saved.headers.etag).toBe('"2"');
    expect(saved.json()).toMatchObject({ version: 2, validFrom: { value: '2005' }, commitmentRoles: [{ party: 1, country: 'FR' }], dated: { value: '2004' } });
    const stale = await request(t, p.iateEditor, 'PATCH', url, { validFrom: '2006' }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    const bad = await request(t, p.iateEditor, 'PATCH', url, { validUntil: '2004' }, 2);
    expect(bad.json().error).toMatchObject({ field: 'body.validUntil', reason: 'ends_before_start' });
    expect((await request(t, null, 'GET', url)).json()).toMatchObject({ version: 2, validFrom: { value: '2005' }, validUntil: null });
  });

  it('keeps the parties’ regions at every write', async () => {
    const record = await create('initiatives', initiative({ title: { original: 'en', en: 'Regions follow parties' } }));
    const url = `/api/v1/initiatives/${record.slug}`;
    const moved = expectStatus(await request(t, p.iateEditor, 'PATCH', url, { parties: [{ organisation: 'iate-mephi', role: 'coordinator' }, { organisation: 'airko', role: 'partner' }] }), 200).json();
    expect(moved.regionCodes).toEqual(['RU-KLU']);
    expect(moved.parties.map((x: { organisation: { slug: string } }) => x.organisation.slug)).toEqual(['iate-mephi', 'airko']);
  });

  it('lets no outsider edit, and no editor write themselves out of the record', async () => {
    const record = await create('agreements', agreement({ title: { original: 'en', en: 'Not yours' } }));
    const url = `/api/v1/agreements/${record.slug}`;
    expect((await request(t, p.outsider, 'PATCH', url, { dated: '2005' })).statusCode).toBe(403);
    expect((await request(t, null, 'PATCH', url, { dated: '2005' })).statusCode).toBe(401);
    const out = await request(t, p.ardlEditor, 'PATCH', url, { parties: [{ organisation: 'iate-mephi', role: 'signatory' }, { organisation: 'airko', role: 'signatory' }] });
    expect(out.statusCode).toBe(403);
    // the coordinator of a party's region edits it
    expectStatus(await request(t, p.kalugaCoordinator, 'PATCH', url, { dated: '2004-03' }), 200);
  });

  it('deletes a draft, not a record that went further', async () => {
    const draft = await create('agreements', agreement({ title: { original: 'en', en: 'Draft to delete' } }));
    expectStatus(await request(t, p.iateEditor, 'DELETE', `/api/v1/agreements/${draft.slug}`), 204);
    expectStatus(await request(t, null, 'GET', `/api/v1/agreements/${draft.slug}`), 404);
    const signed = await create('agreements', agreement({ title: { original: 'en', en: 'Signed, kept' }, stage: 'signed' }));
    expect(signed.stageHistory).toEqual([expect.objectContaining({ from: null, to: 'signed', happened: expect.objectContaining({ value: '2004' }) })]);
    const refused = await request(t, p.iateEditor, 'DELETE', `/api/v1/agreements/${signed.slug}`);
    expect(refused.json().error).toMatchObject({ code: 'stage_change_refused', reason: 'not_a_draft' });
  });
});

describe('reading and listing', () => {
  it('shows an unpublished record to its parties and coordinators only', async () => {
    const hidden = await create('agreements', agreement({ title: { original: 'en', en: 'Confidential memorandum' }, published: false, dated: '1999' }));
    const url = `/api/v1/agreements/${hidden.slug}`;
    expect((await request(t, null, 'GET', url)).statusCode).toBe(404);
    expect((await request(t, p.outsider, 'GET', url)).statusCode).toBe(404);
    expect((await request(t, p.ardlEditor, 'GET', url)).statusCode).toBe(200);
    expect((await request(t, p.limousinCoordinator, 'GET', url)).statusCode).toBe(200);
    const listed = async (user: typeof p.outsider | null) =>
      ((await request(t, user, 'GET', '/api/v1/agreements?from=1999&to=1999')).json() as RecordList).items.map((r) => r.slug);
    expect(await listed(null)).not.toContain(hidden.slug);
    expect(await listed(p.outsider)).not.toContain(hidden.slug);
    expect(await listed(p.kalugaCoordinator)).toContain(hidden.slug);
  });

  it('filters by the period a partial date covers: "2004" is found in June 2004, not in 2005', async () => {
    const list = async (query: string) => ((await request(t, null, 'GET', `/api/v1/agreements?${query}`)).json() as RecordList).items;
    const in2004 = await list('from=2004-06&to=2004-06');
    expect(in2004.length).toBeGreaterThan(0);
    expect(in2004.every((r) => r.dated!.first <= '2004-06-30' && r.dated!.last >= '2004-06-01')).toBe(true);
    expect(in2004.some((r) => r.dated!.value === '2004')).toBe(true);
    expect((await list('from=2005')).some((r) => r.dated!.value === '2004')).toBe(false);
    const bad = await request(t, null, 'GET', '/api/v1/agreements?from=2023-02-30');
    expect(bad.json().error).toMatchObject({ field: 'query.from', reason: 'no_such_day' });
  });

  it('sorts newest first and filters by type, stage, region (with subdivisions), organisation, area and host', async () => {
    const all = ((await request(t, null, 'GET', '/api/v1/agreements?pageSize=100')).json() as RecordList).items;
    const firsts = all.filter((r) => r.dated).map((r) => r.dated!.first);
    expect(firsts).toEqual([...firsts].sort().reverse());
    const list = async (collection: string, query: string) =>
      ((await request(t, null, 'GET', `/api/v1/${collection}?${query}`)).json() as RecordList);
    expect((await list('agreements', 'type=cooperation_agreement')).meta.total).toBe(all.length);
    expect(all.length).toBeGreaterThan(3);
    expect((await list('agreements', 'type=contract')).items).toEqual([]);
    expect((await list('agreements', 'stage=signed')).items.every((r) => r.stage === 'signed')).toBe(true);
    // FR-NAQ encloses FR-87, where ARDL is
    expect((await list('initiatives', 'region=FR-NAQ')).items.every((r) => r.regionCodes.includes('FR-87'))).toBe(true);
    expect((await list('initiatives', 'region=FR-NAQ')).meta.total).toBeGreaterThan(0);
    const withAirko = await list('initiatives', 'organisation=airko');
    expect(withAirko.meta.total).toBe(1);
    expect(withAirko.items[0]!.parties.some((x) => x.organisation?.slug === 'airko')).toBe(true);
    const ceramics = await create('agreements', agreement({ title: { original: 'en', en: 'Ceramics' }, areas: ['non-metallic-materials-industrial-ceramics'] }));
    expect(ceramics.areas).toEqual([expect.objectContaining({ code: 'non-metallic-materials-industrial-ceramics' })]);
    expect((await list('agreements', 'area=non-metallic-materials-industrial-ceramics')).items.map((r) => r.slug)).toEqual([ceramics.slug]);
    expect((await list('residencies', 'host=ardl')).meta.total).toBe(1);
    expect((await list('residencies', 'host=iate-mephi')).meta.total).toBe(0);
    const unknownStage = await request(t, null, 'GET', '/api/v1/agreements?stage=active');
    expect(unknownStage.json().error).toMatchObject({ code: 'unknown_value', field: 'query.stage' });
    const paged = await list('agreements', 'pageSize=2&page=1');
    expect(paged.meta).toMatchObject({ page: 1, pageSize: 2, total: all.length + 1, pageCount: Math.ceil((all.length + 1) / 2) });
  });
});

describe('undated records', () => {
  it('come after the dated ones, page after page', async () => {
    const a = await create('academic-partnerships', academicPartnership({ title: { original: 'en', en: 'Undated one' }, dated: null }));
    const b = await create('academic-partnerships', academicPartnership({ title: { original: 'en', en: 'Undated two' }, dated: null }));
    const page = async (n: number) => ((await request(t, null, 'GET', `/api/v1/academic-partnerships?pageSize=1&page=${n}`)).json() as RecordList);
    const pages = await Promise.all([1, 2, 3, 4].map(page));
    expect(pages.map((x) => x.items[0]?.dated?.value ?? x.items[0]?.slug ?? null)).toEqual(['2019-09-01', b.slug, a.slug, null]);
    expect(pages[0]!.meta).toMatchObject({ total: 3, pageCount: 3 });
    expect(pages[0]!.capped).toBeUndefined();
  });
});

describe('the audit log', () => {
  it('records each change of a record', async () => {
    const rows = (await t.database.db.execute(
      sql`select action, count(*)::int as n from audit_events where entity_type = 'cooperation_record' group by action`,
    )) as unknown as { rows: { action: string; n: number }[] };
    const actions = new Set(rows.rows.map((r) => r.action));
    expect(actions).toEqual(new Set(['registry_record.created', 'registry_record.updated', 'registry_record.deleted']));
  });
});
