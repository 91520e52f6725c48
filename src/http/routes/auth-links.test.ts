import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OutgoingMail } from '../../repositories/mail.repository.js';
import { readOutbox } from '../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { lastMail, lastToken, mailSettled, PASSWORD, signedInUser } from '../../test/users.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false });
});
afterAll(() => t.close());

// a new client address for each request, so that the per-address limits stay out of these tests
let clients = 0;
const nextClient = () => `198.51.${Math.floor(++clients / 250)}.${clients % 250}`;
const post = (url: string, payload: object, from = nextClient()) =>
  t.app.inject({ method: 'POST', url, payload, headers: { 'x-forwarded-for': from } });
const requestReset = (email: string, from?: string) => post('/api/v1/auth/password-reset/request', { email }, from);
const reset = (token: string, password = 'Brand-new-secret-77') => post('/api/v1/auth/password-reset', { token, password });

/** Holds every e-mail until released, to see which answers wait for one. */
function holdMail() {
  const transport = t.services.repos.mail;
  const original = transport.send;
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const held: OutgoingMail[] = [];
  (transport as { send: typeof original }).send = async (mail) => {
    held.push(mail);
    await gate;
    return original.call(transport, mail);
  };
  return {
    held,
    release: async () => {
      release();
      (transport as { send: typeof original }).send = original;
      await mailSettled(t);
    },
  };
}

const within = <T>(ms: number, promise: Promise<T>) =>
  Promise.race([promise, new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), ms))]);

describe('one-time links', () => {
  it('makes the other reset links worthless once one is used', async () => {
    await signedInUser(t, 'two-links@example.org');
    await requestReset('two-links@example.org');
    const first = await lastToken(t, 'two-links@example.org');
    await requestReset('two-links@example.org');
    const second = await lastToken(t, 'two-links@example.org');
    expect(second).not.toBe(first);
    expect((await reset(second)).statusCode).toBe(200);
    const old = await reset(first, 'Attacker-chosen-secret-1');
    expect(old.statusCode).toBe(410);
    expect(old.json().error.code).toBe('token_used');
  });

  it('ends a pending change of address when the password is reset', async () => {
    const me = await signedInUser(t, 'taken-over@example.org');
    expect((await me.send('POST', '/api/v1/me/email', { password: PASSWORD, email: 'intruder@example.org' })).statusCode).toBe(202);
    const change = await lastToken(t, 'intruder@example.org');
    await requestReset('taken-over@example.org');
    expect((await reset(await lastToken(t, 'taken-over@example.org'))).statusCode).toBe(200);
    expect((await post('/api/v1/me/email/confirm', { token: change })).json().error.code).toBe('token_used');
  });

  it('answers a change to an address that has an account as any other, and sends that address nothing', async () => {
    await signedInUser(t, 'owner-of-address@example.org');
    const prober = await signedInUser(t, 'prober@example.org');
    const before = readOutbox(t.services.repos.mail.folder!).length;
    const taken = await prober.send('POST', '/api/v1/me/email', { password: PASSWORD, email: 'Owner-Of-Address@example.org' });
    const free = await prober.send('POST', '/api/v1/me/email', { password: PASSWORD, email: 'free-address@example.org' });
    expect([taken.statusCode, taken.body]).toEqual([free.statusCode, free.body]);
    await mailSettled(t);
    const sent = readOutbox(t.services.repos.mail.folder!).slice(before).map((m) => m.to);
    expect(sent).toEqual(['free-address@example.org']);
  });

  it('lets one of many concurrent uses of a link win, and one of concurrent uses of two links', async () => {
    for (let round = 0; round < (t.engine === 'postgres' ? 10 : 3); round++) {
      const email = `race${round}@example.org`;
      await signedInUser(t, email);
      await requestReset(email);
      const one = await lastToken(t, email);
      await requestReset(email);
      const other = await lastToken(t, email);
      const answers = await Promise.all([one, one, one, other, other, one].map((token, i) => reset(token, `Racing-secret-${round}-${i}x`)));
      const statuses = answers.map((a) => a.statusCode);
      expect(statuses.filter((s) => s === 200), `round ${round}: ${statuses}`).toHaveLength(1);
      expect(statuses.filter((s) => s === 410), `round ${round}: ${statuses}`).toHaveLength(5);
    }
  });
});

describe('the e-mail record', () => {
  it('keeps links without their tokens, and administrators see them so, while the message itself has the link', async () => {
    await signedInUser(t, 'redacted@example.org');
    await requestReset('redacted@example.org');
    const token = await lastToken(t, 'redacted@example.org');
    expect((await lastMail(t, 'redacted@example.org')).text).toContain(`/reset-password?token=${token}`);

    const stored = (await t.services.repos.audit.emails(50)).find((m) => m.to === 'redacted@example.org')!;
    expect(stored.text).not.toContain(token);
    expect(stored.text).toContain('/reset-password?token=[redacted]');

    const admin = await signedInUser(t, 'admin-reader@example.org', [{ role: 'platform_admin' }]);
    const outbox = (await admin.get('/api/v1/admin/emails')).body;
    expect(outbox).not.toContain(token);
    expect(outbox).toContain('token=[redacted]');
    // and an administrator cannot use what the outbox shows
    expect((await reset('[redacted]')).statusCode).toBeGreaterThanOrEqual(400);
    expect((await reset(token)).statusCode).toBe(200);
  });

  it('keeps confirmation and invitation links without their tokens too', async () => {
    await post('/api/v1/auth/sign-up', { email: 'confirm-me@example.org', password: PASSWORD, displayName: 'Confirm Me', language: 'fr' });
    const confirm = await lastToken(t, 'confirm-me@example.org');
    const dump = JSON.stringify(await t.services.repos.audit.emails(50));
    expect(dump).not.toContain(confirm);
    expect(dump).toContain('/confirm-email?token=[redacted]');
  });
});

describe('answers that tell nothing about an address', () => {
  it('answers a reset request before looking the address up or e-mailing', async () => {
    await signedInUser(t, 'slow-mail@example.org');
    const mail = holdMail();
    try {
      const known = await within(2000, requestReset('slow-mail@example.org', '198.51.100.20'));
      const unknown = await within(2000, requestReset('no-such-account@example.org', '198.51.100.20'));
      expect(known).not.toBe('waited');
      expect(unknown).not.toBe('waited');
      if (known === 'waited' || unknown === 'waited') return;
      expect(known.statusCode).toBe(202);
      expect(known.json()).toEqual(unknown.json());
      // the answers came while the e-mail was held; the work after them reaches the transport in a while
      await expect.poll(() => mail.held.length, { timeout: 10_000 }).toBe(1);
    } finally {
      await mail.release();
    }
    expect(mail.held.map((m) => m.to)).toEqual(['slow-mail@example.org']);
    expect((await lastMail(t, 'slow-mail@example.org')).subject).toBe('Reset your password');
  });

  it('answers a sign-up before e-mailing, the same for a new and a taken address', async () => {
    await signedInUser(t, 'taken@example.org');
    const mail = holdMail();
    const body = (email: string) => ({ email, password: 'Porcelaine-de-Limoges-9', displayName: 'Someone', language: 'ru' });
    try {
      const taken = await within(2000, post('/api/v1/auth/sign-up', body('taken@example.org'), '198.51.100.21'));
      const fresh = await within(2000, post('/api/v1/auth/sign-up', body('brand-new@example.org'), '198.51.100.21'));
      expect(taken).not.toBe('waited');
      expect(fresh).not.toBe('waited');
      if (taken === 'waited' || fresh === 'waited') return;
      expect([taken.statusCode, fresh.statusCode]).toEqual([202, 202]);
      expect(taken.json()).toEqual(fresh.json());
    } finally {
      await mail.release();
    }
    expect((await lastMail(t, 'taken@example.org')).subject).toBe('Your Clusterbridge account');
    expect((await lastMail(t, 'brand-new@example.org')).subject).toBe('Подтвердите адрес электронной почты');
  });

  it('creates one account for concurrent sign-ups of one new address, and tells its owner about the others', async () => {
    const body = { email: 'twice@example.org', password: 'Porcelaine-de-Limoges-9', displayName: 'Twice', language: 'en' };
    const answers = await Promise.all([1, 2, 3].map(() => post('/api/v1/auth/sign-up', body)));
    expect(answers.map((a) => a.statusCode)).toEqual([202, 202, 202]);
    await mailSettled(t);
    const subjects = readOutbox(t.services.repos.mail.folder!)
      .filter((m) => m.to === 'twice@example.org')
      .map((m) => m.subject)
      .sort();
    expect(subjects).toEqual(['Confirm your e-mail address', 'Your Clusterbridge account', 'Your Clusterbridge account']);
  });
});
