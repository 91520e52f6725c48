import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { PASSWORD, signedInUser } from '../../test/users.js';

/** A clock the tests move forward, to see waits end. */
const clock = { offset: 0, now: () => new Date(Date.now() + clock.offset) };
let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedDemo: false, clock });
});
afterAll(() => t.close());

const signIn = (email: string, password: string, from: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password }, headers: { 'x-forwarded-for': from } });
const wrong = (email: string, from: string, i = 0) => signIn(email, `Wrong-guess-${i}-x`, from);

describe('sign-in throttling', () => {
  it("does not let failures from one address keep the owner out from another", async () => {
    await signedInUser(t, 'owner@example.org');
    for (let i = 0; i < 4; i++) expect((await wrong('owner@example.org', '198.51.100.1', i)).statusCode).toBe(401);
    expect((await signIn('owner@example.org', PASSWORD, '198.51.100.2')).statusCode).toBe(200);
  });

  it('does not count successful sign-ins', async () => {
    await signedInUser(t, 'busy@example.org');
    for (let i = 0; i < 12; i++) expect((await signIn('busy@example.org', PASSWORD, '198.51.100.3')).statusCode).toBe(200);
  });

  it('slows one address guessing one account by doubling waits, and a success starts the pair again', async () => {
    await signedInUser(t, 'guessed@example.org');
    const from = '198.51.100.4';
    for (let i = 0; i < 4; i++) expect((await wrong('guessed@example.org', from, i)).statusCode).toBe(401);
    const held = await signIn('guessed@example.org', PASSWORD, from);
    expect(held.statusCode).toBe(429);
    expect(held.json().error.code).toBe('rate_limited');
    expect(Number(held.headers['retry-after'])).toBe(2);
    try {
      clock.offset += 2_100;
      expect((await wrong('guessed@example.org', from, 5)).statusCode).toBe(401);
      expect(Number((await wrong('guessed@example.org', from, 6)).headers['retry-after'])).toBe(4);
      clock.offset += 4_100;
      expect((await signIn('guessed@example.org', PASSWORD, from)).statusCode).toBe(200);
      // the pair starts again: three free failures
      for (let i = 0; i < 4; i++) expect((await wrong('guessed@example.org', from, i)).statusCode).toBe(401);
    } finally {
      clock.offset = 0;
    }
  });

  it('slows an account guessed at from many addresses, for a minute at most, but not from where the owner signs in', async () => {
    await signedInUser(t, 'target@example.org');
    const home = '203.0.113.200';
    expect((await signIn('target@example.org', PASSWORD, home)).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let a = 0; a < 8; a++)
      for (let i = 0; i < 3; i++) statuses.push((await wrong('target@example.org', `203.0.113.${a}`, i)).statusCode);
    expect(statuses.slice(0, 21)).toEqual(Array(21).fill(401));
    expect(statuses).toContain(429);
    const elsewhere = await signIn('target@example.org', PASSWORD, '203.0.113.150');
    expect(elsewhere.statusCode).toBe(429);
    expect(Number(elsewhere.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect((await signIn('target@example.org', PASSWORD, home)).statusCode).toBe(200);
    try {
      clock.offset += 61_000;
      expect((await signIn('target@example.org', PASSWORD, '203.0.113.150')).statusCode).toBe(200);
    } finally {
      clock.offset = 0;
    }
  });

  it('answers the same for an unknown address as for an account', async () => {
    await signedInUser(t, 'exists@example.org');
    const answers = [];
    for (const email of ['exists@example.org', 'missing@example.org']) {
      const statuses = [];
      for (let i = 0; i < 5; i++) statuses.push((await wrong(email, `192.0.2.${email.length}`, i)).statusCode);
      answers.push(statuses);
    }
    expect(answers[0]).toEqual([401, 401, 401, 401, 429]);
    expect(answers[1]).toEqual(answers[0]);
  });

  it('limits one address trying many accounts', async () => {
    const statuses = [];
    for (let i = 0; i < 22; i++) statuses.push((await wrong(`sprayed${i}@example.org`, '192.0.2.99', i)).statusCode);
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(21)).toEqual([429]);
  });

  it('counts parallel guesses before they are verified', async () => {
    await signedInUser(t, 'parallel@example.org');
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => wrong('parallel@example.org', '192.0.2.150', i)));
    expect(answers.filter((a) => a.statusCode === 401)).toHaveLength(4);
    expect(answers.filter((a) => a.statusCode === 429)).toHaveLength(6);
  });
});

describe('behind one trusted proxy', () => {
  it('takes the address the proxy saw: rotating the first X-Forwarded-For entry is still one client', async () => {
    const statuses = [];
    for (let i = 0; i < 22; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: `rotating${i}@example.org`, password: 'Wrong-guess-x-1' },
        headers: { 'x-forwarded-for': `10.9.${i}.1, 192.0.2.201` },
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, 20)).toEqual(Array(20).fill(401));
    expect(statuses.slice(21)).toEqual([429]);
  });
});
