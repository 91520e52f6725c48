import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { lastMail, lastToken, mailSettled, PASSWORD, profile, signedInUser, type TestUser } from '../../test/users.js';
import { readOutbox } from '../../test/outbox.js';

let t: TestPlatform;
let founder: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  founder = await signedInUser(t, 'founder@example.org');
});
afterAll(() => t.close());

const post = (url: string, payload: object, headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, payload, headers });

describe('an invitation read by its token', () => {
  it('names the organisation, the role, the inviter and the invited address, and nothing else; a used token is refused', async () => {
    const { slug } = (await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Preview Org' } }))).json();
    await founder.send('POST', `/api/v1/organisations/${slug}/invitations`, { email: 'Guest@example.org', role: 'member' });
    const token = await lastToken(t, 'guest@example.org');
    const read = await post('/api/v1/invitations/preview', { token });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({
      email: 'guest@example.org',
      role: 'member',
      inviter: 'founder',
      organisation: { slug, name: { original: 'en', en: 'Preview Org' } },
    });
    expect((await post('/api/v1/invitations/preview', { token: 'x'.repeat(40) })).json().error.code).toBe('token_invalid');
    const guest = await signedInUser(t, 'guest@example.org');
    expect((await guest.send('POST', '/api/v1/invitations/accept', { token })).json()).toEqual({ slug, role: 'member' });
    const used = await post('/api/v1/invitations/preview', { token });
    expect(used.statusCode).toBe(410);
    expect(used.json().error.code).toBe('token_used');
  });
});

describe('pending invitations', () => {
  it('are listed with who sent them and when, and an administrator cancels one, audited; its link is then refused', async () => {
    const { slug } = (await founder.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Cancel Org' } }))).json();
    await founder.send('POST', `/api/v1/organisations/${slug}/invitations`, { email: 'late@example.org', role: 'org_editor' });
    const token = await lastToken(t, 'late@example.org');
    const { invitations } = (await founder.get(`/api/v1/organisations/${slug}/members`)).json();
    expect(invitations).toEqual([
      expect.objectContaining({ email: 'late@example.org', role: 'org_editor', invitedBy: 'founder', sentAt: expect.any(String) }),
    ]);
    const id = invitations[0].id;

    // someone from outside may not cancel it (the draft is not even found for them)
    const other = await signedInUser(t, 'other@example.org');
    expect([403, 404]).toContain((await other.send('DELETE', `/api/v1/organisations/${slug}/invitations/${id}`)).statusCode);

    expect((await founder.send('DELETE', `/api/v1/organisations/${slug}/invitations/${id}`)).statusCode).toBe(200);
    expect((await founder.get(`/api/v1/organisations/${slug}/members`)).json().invitations).toEqual([]);
    expect((await founder.send('DELETE', `/api/v1/organisations/${slug}/invitations/${id}`)).statusCode).toBe(404);
    expect((await post('/api/v1/invitations/preview', { token })).json().error.code).toBe('token_used');
    const late = await signedInUser(t, 'late@example.org');
    expect((await late.send('POST', '/api/v1/invitations/accept', { token })).json().error.code).toBe('token_used');

    const audit = await t.services.repos.audit.list({ action: 'member.invitation_cancelled' }, 10);
    expect(JSON.stringify(audit)).toContain('late@example.org');
  });

  it('refuses a malformed invitation id as a bad field, not a server error', async () => {
    const res = await founder.send('DELETE', '/api/v1/organisations/airko/invitations/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('params.invitationId');
  });
});

describe('sending the confirmation link again', () => {
  it('answers 202 for any address and e-mails a fresh link only to an unconfirmed account', async () => {
    expect(
      (await post('/api/v1/auth/sign-up', { email: 'slow@example.org', password: PASSWORD, displayName: 'Slow', language: 'fr' }))
        .statusCode,
    ).toBe(202);
    await mailSettled(t);
    const before = readOutbox(t.services.repos.mail.folder!).length;
    for (const email of ['slow@example.org', 'nobody@example.org', 'founder@example.org']) {
      const res = await post('/api/v1/auth/confirm-email/resend', { email }, { 'x-forwarded-for': '10.0.0.9' });
      expect(res.statusCode).toBe(202);
      expect(res.json().message).toBeTruthy();
    }
    await mailSettled(t);
    expect(readOutbox(t.services.repos.mail.folder!).length).toBe(before + 1);
    const mail = await lastMail(t, 'slow@example.org');
    expect(mail.subject).toBe('Confirmez votre adresse e-mail');
    const token = await lastToken(t, 'slow@example.org');
    expect((await post('/api/v1/auth/confirm-email', { token })).statusCode).toBe(200);
    expect((await post('/api/v1/auth/sign-in', { email: 'slow@example.org', password: PASSWORD })).statusCode).toBe(200);
  });

  it('is rate-limited per address like reset requests', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 5; i++)
      codes.push(
        (await post('/api/v1/auth/confirm-email/resend', { email: 'flood@example.org' }, { 'x-forwarded-for': `10.1.0.${i}` })).statusCode,
      );
    expect(codes.slice(0, 3)).toEqual([202, 202, 202]);
    expect(codes[3]).toBe(429);
  });
});
