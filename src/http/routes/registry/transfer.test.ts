import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let admin: TestUser;
let editor: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  admin = await signedInUser(t, 'registry.admin@example.org', [{ role: 'platform_admin' }]);
  editor = await signedInUser(t, 'registry.editor@example.org', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
});
afterAll(() => t.close());

const en = (text: string) => ({ original: 'en', en: text });

describe('registry export and import over the API', () => {
  it('exports the published records as JSON Lines a visitor can read, and the list as CSV', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/registry/export' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const lines = res.body.trim().split('\n').map((l) => JSON.parse(l) as { kind: string; slug: string; dated?: string });
    expect(lines.find((l) => l.slug === 'obninsk-ardl-cooperation-agreement-2004')).toMatchObject({ kind: 'agreement', dated: '2004' });
    const csv = await t.app.inject({ method: 'GET', url: '/api/v1/registry/export?format=csv&kind=initiative&separator=semicolon' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[0]).toBe('kind;slug;type;stage;dated;valid_from;valid_until;original_language;title;title_ru;title_fr;title_en;areas;parties;partnership;published');
    expect(csv.body).toContain('initiative;round-table-joint-cluster-initiatives;');
  });

  it('imports for administrators only, all lines or none, naming each problem with its line', async () => {
    const good = {
      kind: 'agreement',
      slug: 'memorandum-on-ceramics-2019',
      type: 'memorandum_of_understanding',
      title: en('Memorandum on industrial ceramics'),
      dated: '2019',
      parties: [
        { organisation: 'ardl', role: 'signatory' },
        { organisation: 'airko', role: 'signatory' },
      ],
    };
    expect((await editor.send('POST', '/api/v1/registry/import', { records: [good] })).statusCode).toBe(403);
    const bad = await admin.send('POST', '/api/v1/registry/import', { records: [good, { ...good, slug: 'other', validFrom: '2020', validUntil: '2019' }] });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error).toMatchObject({ code: 'import_invalid', details: [{ field: 'line 2: validUntil' }] });
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/agreements/memorandum-on-ceramics-2019' })).statusCode).toBe(404);
    const ok = await admin.send('POST', '/api/v1/registry/import', { records: [good] });
    expect(ok.json()).toEqual({ inserted: 1, skipped: 0, links: 0 });
    const created = await t.app.inject({ method: 'GET', url: '/api/v1/agreements/memorandum-on-ceramics-2019' });
    expect(created.json()).toMatchObject({ dated: { value: '2019', precision: 'year' }, stage: 'draft' });
  });
});
