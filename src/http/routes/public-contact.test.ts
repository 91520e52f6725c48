import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../test/users.js';

const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';
let t: TestPlatform;
let editor: TestUser; // the demo administrator of IATE
let coordinator: TestUser; // Kaluga's coordinator
let partner: TestUser; // a member of a validated organisation elsewhere
let newcomer: TestUser; // signed in, no organisation
beforeAll(async () => {
  t = await createTestPlatform();
  editor = await signIn(t, 'iate.admin@demo.clusterbridge.test', DEMO_PASSWORD);
  coordinator = await signIn(t, 'coordinator.kaluga@demo.clusterbridge.test', DEMO_PASSWORD);
  partner = await signedInUser(t, 'ardl.member@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  newcomer = await signedInUser(t, 'newcomer@example.org');
});
afterAll(() => t.close());

const office = {
  kind: 'role',
  label: { original: 'en', en: 'International office', ru: 'Международный отдел' },
  email: 'international@iate.example.ru',
  phone: '+7 484 393-00-00',
};

async function saveContact(contact: unknown) {
  const loaded = await editor.get('/api/v1/organisations/iate-mephi/profile');
  const { profile } = loaded.json();
  return editor.send('PUT', '/api/v1/organisations/iate-mephi/profile', { ...profile, contact });
}

describe('the public contact of an organisation', () => {
  it('refuses a malformed e-mail or phone, or a person without a name, naming the field', async () => {
    const email = await saveContact({ ...office, email: 'not-an-address' });
    expect(email.json().error).toMatchObject({ code: 'validation_failed', field: 'body.contact.email' });
    const phone = await saveContact({ ...office, phone: 'call me' });
    expect(phone.json().error).toMatchObject({ code: 'validation_failed', field: 'body.contact.phone' });
    const nameless = await saveContact({ kind: 'person', label: null, email: 'a@b.org', phone: null });
    expect(nameless.json().error).toMatchObject({ code: 'validation_failed', field: 'body.contact.personName', reason: 'required' });
  });

  it('is part of the profile: saved with its version, validated, then shown with details to validated organisations only', async () => {
    const before = (await editor.get('/api/v1/organisations/iate-mephi/profile')).json();
    const saved = await saveContact(office);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().version).toBe(before.version + 1);
    expect((await editor.get('/api/v1/organisations/iate-mephi/profile')).json().profile.contact).toEqual(office);
    // a stale save is refused like any other field
    const stale = await t.app.inject({
      method: 'PUT',
      url: '/api/v1/organisations/iate-mephi/profile',
      headers: { cookie: `cb_session=${editor.cookie}`, 'x-csrf-token': editor.csrf, 'if-match': `"${before.version}"` },
      payload: { ...before.profile, contact: null },
    });
    expect(stale.json().error.code).toBe('version_conflict');
    // a profile saved without the field (an older client) keeps the contact
    const { contact: _dropped, ...withoutContact } = (await editor.get('/api/v1/organisations/iate-mephi/profile')).json().profile;
    await editor.send('PUT', '/api/v1/organisations/iate-mephi/profile', withoutContact);
    expect((await editor.get('/api/v1/organisations/iate-mephi/profile')).json().profile.contact).toEqual(office);

    expect((await editor.send('POST', '/api/v1/organisations/iate-mephi/submit')).statusCode).toBe(200);
    const decided = await coordinator.send('POST', '/api/v1/organisations/iate-mephi/decision', { decision: 'validated' });
    expect(decided.statusCode, decided.body).toBe(200);

    const anonymous = (await t.app.inject('/api/v1/organisations/iate-mephi')).json();
    expect(anonymous.contact).toEqual({ kind: 'role', personName: null, label: office.label });
    expect(JSON.stringify(anonymous)).not.toContain('international@');
    expect((await newcomer.get('/api/v1/organisations/iate-mephi')).json().contact.email).toBeUndefined();
    expect((await partner.get('/api/v1/organisations/iate-mephi')).json().contact).toMatchObject({
      email: office.email,
      phone: office.phone,
    });
  });
});
