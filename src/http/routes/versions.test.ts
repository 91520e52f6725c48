import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';

/** Every editable record carries a version: GET sends it (ETag and `version`), a save based on an old one is refused. */
let t: TestPlatform;
let editor: TestUser;
let coordinator: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  editor = await signedInUser(t, 'editor@example.org');
  coordinator = await signedInUser(t, 'coord@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]);
});
afterAll(() => t.close());

/** A write with an If-Match header (or without, when `ifMatch` is undefined). */
function write(user: TestUser, method: 'POST' | 'PUT' | 'DELETE', url: string, ifMatch: string | undefined, body?: object) {
  return t.app.inject({
    method,
    url,
    headers: { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf, ...(ifMatch === undefined ? {} : { 'if-match': ifMatch }) },
    ...(body ? { payload: body } : {}),
  });
}

describe('the organisation profile', () => {
  let slug: string;
  beforeAll(async () => {
    slug = (await editor.send('POST', '/api/v1/organisations', profile())).json().slug;
  });

  it('sends its version as ETag and in the JSON, and one more after each save', async () => {
    const got = await editor.get(`/api/v1/organisations/${slug}/profile`);
    const { version } = got.json();
    expect(version).toBeGreaterThanOrEqual(1);
    expect(got.headers.etag).toBe(`"${version}"`);
    const saved = await write(editor, 'PUT', `/api/v1/organisations/${slug}/profile`, `"${version}"`, profile({ city: null }));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ ok: true, version: version + 1 });
    expect(saved.headers.etag).toBe(`"${version + 1}"`);
  });

  it('lets one of two saves of the same version land and refuses the other with the current version', async () => {
    const { version } = (await editor.get(`/api/v1/organisations/${slug}/profile`)).json();
    const url = `/api/v1/organisations/${slug}/profile`;
    const mine = profile({ website: 'https://mine.example.org' });
    const theirs = profile({ website: 'https://theirs.example.org' });
    const answers = await Promise.all([write(editor, 'PUT', url, `"${version}"`, mine), write(editor, 'PUT', url, `"${version}"`, theirs)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({ code: 'version_conflict', currentVersion: version + 1, field: 'headers.if-match' });
    expect(refused.headers.etag).toBe(`"${version + 1}"`);
    // the saved profile is the one that landed, and nothing was written for the other
    const landed = answers.indexOf(answers.find((a) => a.statusCode === 200)!);
    const now = (await editor.get(url)).json();
    expect(now.version).toBe(version + 1);
    expect(now.profile.website).toBe([mine, theirs][landed]!.website);
  });

  it('refuses a save of a version someone else has saved over, and takes a weak ETag or none', async () => {
    const url = `/api/v1/organisations/${slug}/profile`;
    const { version } = (await editor.get(url)).json();
    expect((await write(editor, 'PUT', url, `W/"${version}"`, profile())).statusCode).toBe(200);
    const stale = await write(editor, 'PUT', url, `"${version}"`, profile({ city: null }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.currentVersion).toBe(version + 1);
    // without If-Match the save is unconditional: the last one wins
    expect((await write(editor, 'PUT', url, undefined, profile())).json().version).toBe(version + 2);
    expect((await write(editor, 'PUT', url, '*', profile())).json().version).toBe(version + 3);
  });

  it('names the header when If-Match is not an ETag', async () => {
    const bad = await write(editor, 'PUT', `/api/v1/organisations/${slug}/profile`, 'version 3', profile());
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'validation_failed', field: 'headers.if-match' });
  });

  it('moves the version on at a submission and a decision', async () => {
    const url = `/api/v1/organisations/${slug}/profile`;
    const { version } = (await editor.get(url)).json();
    await editor.send('POST', `/api/v1/organisations/${slug}/submit`);
    await coordinator.send('POST', `/api/v1/organisations/${slug}/decision`, { decision: 'validated' });
    expect((await editor.get(url)).json().version).toBe(version + 2);
    expect((await write(editor, 'PUT', url, `"${version}"`, profile())).statusCode).toBe(409);
  });
});

describe('the partnership', () => {
  const url = '/api/v1/partnerships/kaluga-limousin';
  const changes = (description: string) => ({
    name: { original: 'ru', ru: 'Калужская область — Лимузен', fr: 'Région de Kalouga — Limousin' },
    description: { original: 'en', en: description },
    areas: ['filters-filtering-materials'],
  });

  it('refuses the second of two edits of the same version', async () => {
    const got = await t.app.inject(url);
    const { version } = got.json();
    expect(got.headers.etag).toBe(`"${version}"`);
    const answers = await Promise.all([
      write(coordinator, 'PUT', url, `"${version}"`, changes('Mine.')),
      write(coordinator, 'PUT', url, `"${version}"`, changes('Theirs.')),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.statusCode === 409)!;
    expect(refused.json().error).toMatchObject({ code: 'version_conflict', currentVersion: version + 1 });
    expect(answers.find((a) => a.statusCode === 200)!.json()).toEqual({ ok: true, version: version + 1 });
    expect((await t.app.inject(url)).json().version).toBe(version + 1);
  });
});

describe('a glossary concept', () => {
  const url = '/api/v1/glossary/concepts/air-filtration';

  it('refuses a term added or removed on a concept whose terms changed since', async () => {
    const got = await t.app.inject(url);
    const { version } = got.json();
    expect(got.headers.etag).toBe(`"${version}"`);
    const added = await write(coordinator, 'POST', `${url}/terms`, `"${version}"`, { language: 'en', term: 'aerosol capture' });
    expect(added.statusCode).toBe(201);
    expect(added.json().concept.version).toBe(version + 1);
    const stale = await write(coordinator, 'POST', `${url}/terms`, `"${version}"`, { language: 'en', term: 'aerosol trapping' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: version + 1 });
    const termId = added.json().concept.terms.find((x: { term: string }) => x.term === 'aerosol capture').id;
    expect((await write(coordinator, 'DELETE', `/api/v1/glossary/terms/${termId}`, `"${version}"`)).statusCode).toBe(409);
    const removed = await write(coordinator, 'DELETE', `/api/v1/glossary/terms/${termId}`, `"${version + 1}"`);
    expect(removed.statusCode).toBe(200);
    expect(removed.json().concept.version).toBe(version + 2);
    expect(removed.headers.etag).toBe(`"${version + 2}"`);
  });
});
