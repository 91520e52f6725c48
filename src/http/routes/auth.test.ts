import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { lastMail, lastToken, PASSWORD, signedInUser, signIn } from '../../test/users.js';

/** A clock the tests move forward, to see tokens and sessions expire. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false, clock });
});
afterAll(() => t.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });
const signUp = (email: string, password = PASSWORD, extra: object = {}) =>
  post('/api/v1/auth/sign-up', { email, password, displayName: 'Anna Petrova', language: 'ru', ...extra }, { 'x-forwarded-for': email });

describe('sign-up, confirmation, sign-in', () => {
  it("signs up, e-mails a confirmation link in the user's language, and signs in once confirmed", async () => {
    expect((await signUp('Anna@Example.org')).statusCode).toBe(202);
    const mail = await lastMail(t, 'anna@example.org');
    expect(mail.subject).toBe('Подтвердите адрес электронной почты');

    const early = await post('/api/v1/auth/sign-in', { email: 'anna@example.org', password: PASSWORD });
    expect(early.statusCode).toBe(403);
    expect(early.json().error.code).toBe('email_not_confirmed');

    const token = await lastToken(t, 'anna@example.org');
    expect((await post('/api/v1/auth/confirm-email', { token })).statusCode).toBe(200);
    const reused = await post('/api/v1/auth/confirm-email', { token });
    expect(reused.statusCode).toBe(410);
    expect(reused.json().error.code).toBe('token_used');

    const res = await post('/api/v1/auth/sign-in', { email: 'ANNA@example.org', password: PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'cb_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const session = (await t.app.inject({ url: '/api/v1/auth/session', cookies: { cb_session: cookie.value } })).json();
    expect(session.user).toMatchObject({ email: 'anna@example.org', emailConfirmed: true, language: 'ru' });
    expect(session.csrfToken).toEqual(expect.any(String));
  });

  it('answers a sign-up with a taken address as any other, and e-mails its owner instead, in their language', async () => {
    await signedInUser(t, 'dup@example.org');
    const fresh = await signUp('new-one@example.org');
    const again = await signUp('DUP@example.org');
    expect(again.statusCode).toBe(202);
    expect(again.json()).toEqual(fresh.json());
    const mail = await lastMail(t, 'dup@example.org');
    // the owner's language (en), not the one chosen in the sign-up (ru)
    expect(mail.subject).toBe('Your Clusterbridge account');
    expect(mail.text).toMatch(/Someone tried to create a Clusterbridge account with your address/);
    expect(mail.text).toContain('/forgot-password');
    expect((await post('/api/v1/auth/sign-in', { email: 'dup@example.org', password: PASSWORD })).statusCode).toBe(200);
  });

  it.each([
    ['short1!', /at least 10/],
    ['password123', /common or breached/],
    ['qwertyuiop', /common or breached/],
    ['aaaaaaaaaaaa', /too few different/],
    ['abcabcabcabc', /common or breached|too few|repeats/],
    ['weakpass-weakpass', /repeats the same part/],
    ['MyName-weak-2026', /e-mail address or your name/],
  ])('refuses the weak password %s with 422 weak_password', async (password, message) => {
    const res = await signUp('myname@example.org', password);
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('weak_password');
    expect(res.json().error.message).toMatch(message);
    expect(await t.services.repos.accounts.userByEmail('myname@example.org')).toBeUndefined();
  });

  it('answers a wrong password and an unknown address alike', async () => {
    await signedInUser(t, 'known@example.org');
    const wrong = await post('/api/v1/auth/sign-in', { email: 'known@example.org', password: 'Not-the-password-1' });
    const unknown = await post('/api/v1/auth/sign-in', { email: 'nobody@example.org', password: 'Not-the-password-1' });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rotates the session at sign-in and ends it at sign-out', async () => {
    const user = await signedInUser(t, 'rotate@example.org');
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-in',
      payload: { email: 'rotate@example.org', password: PASSWORD },
      cookies: { cb_session: user.cookie },
      headers: { 'x-csrf-token': user.csrf },
    });
    const fresh = again.cookies.find((c) => c.name === 'cb_session')!.value;
    expect(fresh).not.toBe(user.cookie);
    expect((await user.get('/api/v1/auth/session')).json().user).toBeNull();
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-out',
      cookies: { cb_session: fresh },
      headers: { 'x-csrf-token': again.json().csrfToken },
    });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/session', cookies: { cb_session: fresh } })).json().user).toBeNull();
  });
});

describe('password reset', () => {
  it('answers the same for any address, and resets with a single-use link that ends every session', async () => {
    const user = await signedInUser(t, 'reset@example.org');
    const known = await post('/api/v1/auth/password-reset/request', { email: 'reset@example.org' });
    const unknown = await post('/api/v1/auth/password-reset/request', { email: 'ghost@example.org' });
    expect(known.statusCode).toBe(202);
    expect(known.json()).toEqual(unknown.json());

    const token = await lastToken(t, 'reset@example.org');
    const weak = await post('/api/v1/auth/password-reset', { token, password: '123' });
    expect(weak.statusCode).toBe(422);
    // a refused password does not spend the link
    expect((await post('/api/v1/auth/password-reset', { token, password: 'Brand-new-secret-77' })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/password-reset', { token, password: 'Another-secret-88' })).json().error.code).toBe('token_used');
    expect((await user.get('/api/v1/auth/session')).json().user).toBeNull();
    await signIn(t, 'reset@example.org', 'Brand-new-secret-77');
  });

  it('refuses an expired link with 410 and an unknown one with 400', async () => {
    await signedInUser(t, 'late@example.org');
    await post('/api/v1/auth/password-reset/request', { email: 'late@example.org' });
    const token = await lastToken(t, 'late@example.org');
    clock.offset = 2 * 3600_000;
    try {
      const res = await post('/api/v1/auth/password-reset', { token, password: 'Brand-new-secret-77' });
      expect(res.statusCode).toBe(410);
      expect(res.json().error.code).toBe('token_expired');
    } finally {
      clock.offset = 0;
    }
    const bogus = await post('/api/v1/auth/password-reset', { token: 'x'.repeat(43), password: 'Brand-new-secret-77' });
    expect(bogus.statusCode).toBe(400);
    expect(bogus.json().error.code).toBe('token_invalid');
  });

  it('stores tokens hashed, never as sent', async () => {
    await signedInUser(t, 'hashed@example.org');
    await post('/api/v1/auth/password-reset/request', { email: 'hashed@example.org' });
    const token = await lastToken(t, 'hashed@example.org');
    const rows = (await t.services.repos.accounts.userByEmail('hashed@example.org'))!;
    const dump = JSON.stringify(await t.services.repos.accounts.pendingInvitations(rows.id, new Date()));
    expect(dump).not.toContain(token);
    const { hashToken } = await import('../../services/accounts/secrets.js');
    expect(await t.services.repos.accounts.tokenByHash('reset_password', hashToken(token))).toBeDefined();
    expect(await t.services.repos.accounts.tokenByHash('reset_password', token)).toBeUndefined();
  });
});

describe('my account', () => {
  it('lists my sessions and ends one of them', async () => {
    const first = await signedInUser(t, 'two-devices@example.org');
    const second = await signIn(t, 'two-devices@example.org', PASSWORD);
    const { items } = (await first.get('/api/v1/me/sessions')).json();
    expect(items).toHaveLength(2);
    const other = items.find((s: { current: boolean }) => !s.current);
    expect((await first.send('DELETE', `/api/v1/me/sessions/${other.id}`)).statusCode).toBe(200);
    expect((await second.get('/api/v1/auth/session')).json().user).toBeNull();
    expect((await first.send('DELETE', `/api/v1/me/sessions/${other.id}`)).statusCode).toBe(404);
  });

  it('changes the password (ending other sessions) and the e-mail address after confirmation', async () => {
    const me = await signedInUser(t, 'changer@example.org');
    const other = await signIn(t, 'changer@example.org', PASSWORD);
    const wrong = await me.send('POST', '/api/v1/me/password', { currentPassword: 'nope-nope-nope', newPassword: 'Fresh-password-2027' });
    expect(wrong.json().error).toMatchObject({ code: 'invalid_credentials', field: 'body.currentPassword' });
    expect(
      (await me.send('POST', '/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'Fresh-password-2027' })).statusCode,
    ).toBe(200);
    expect((await other.get('/api/v1/auth/session')).json().user).toBeNull();
    expect((await me.get('/api/v1/auth/session')).json().user).not.toBeNull();

    expect((await me.send('POST', '/api/v1/me/email', { password: 'Fresh-password-2027', email: 'changed@example.org' })).statusCode).toBe(
      202,
    );
    const token = await lastToken(t, 'changed@example.org');
    expect((await post('/api/v1/me/email/confirm', { token })).statusCode).toBe(200);
    expect((await me.get('/api/v1/auth/session')).json().user.email).toBe('changed@example.org');
  });
});

describe('protection', () => {
  it('refuses a cookie-authenticated write without the anti-forgery token', async () => {
    const user = await signedInUser(t, 'csrf@example.org');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      cookies: { cb_session: user.cookie },
      payload: { currentPassword: PASSWORD, newPassword: 'Fresh-password-2027' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf_failed');
    const forged = await t.app.inject({
      method: 'POST',
      url: '/api/v1/me/password',
      cookies: { cb_session: user.cookie },
      headers: { 'x-csrf-token': 'a'.repeat(43) },
      payload: { currentPassword: PASSWORD, newPassword: 'Fresh-password-2027' },
    });
    expect(forged.statusCode).toBe(403);
  });

  it('limits password reset requests per address', async () => {
    const statuses = [];
    for (let i = 0; i < 12; i++) {
      statuses.push(
        (await post('/api/v1/auth/password-reset/request', { email: `someone${i}@example.org` }, { 'x-forwarded-for': '192.0.2.7' }))
          .statusCode,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(202));
    expect(statuses.slice(10)).toEqual([429, 429]);
    // another address is not held back
    expect(
      (await post('/api/v1/auth/password-reset/request', { email: 'someone@example.org' }, { 'x-forwarded-for': '192.0.2.8' })).statusCode,
    ).toBe(202);
  });

  it('sends security headers with every answer', async () => {
    const res = await t.app.inject('/api/v1/health');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['strict-transport-security']).toBeUndefined();
    const https = await t.app.inject({ url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
    expect(https.headers['strict-transport-security']).toMatch(/max-age=\d+/);
  });
});
