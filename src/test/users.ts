import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../shared/roles.js';
import { hashPassword } from '../services/accounts/secrets.js';
import { readOutbox, type DeliveredMail } from './outbox.js';
import type { TestPlatform } from './test-platform.js';

export const PASSWORD = 'Ceramique-Filtre-2026';
let hashed: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  cookie: string;
  csrf: string;
  get(url: string): Promise<LightMyRequestResponse>;
  send(method: 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

/** A confirmed user with the given roles, signed in through the API. */
export async function signedInUser(
  t: TestPlatform,
  email: string,
  grants: { role: Role; regionCode?: string; organisationSlug?: string }[] = [],
): Promise<TestUser> {
  const repos = t.services.repos;
  const user = await repos.accounts.createUser({
    email,
    passwordHash: await (hashed ??= hashPassword(PASSWORD)),
    displayName: email.split('@')[0]!,
    language: 'en',
    emailConfirmedAt: new Date(),
  });
  for (const g of grants) {
    const org = g.organisationSlug ? await repos.organisations.getBySlug(g.organisationSlug) : undefined;
    await repos.accounts.grant({ userId: user.id, role: g.role, regionCode: g.regionCode ?? null, organisationId: org?.id ?? null });
  }
  return signIn(t, email, PASSWORD, user.id);
}

export async function signIn(t: TestPlatform, email: string, password: string, id = ''): Promise<TestUser> {
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'cb_session')!;
  const session = res.json();
  const headers = () => ({ cookie: `cb_session=${cookie.value}`, 'x-csrf-token': session.csrfToken });
  return {
    id: id || session.user.id,
    email,
    cookie: cookie.value,
    csrf: session.csrfToken,
    get: (url) => t.app.inject({ method: 'GET', url, headers: headers() }),
    send: (method, url, body) =>
      t.app.inject({ method, url, headers: headers(), ...(body === undefined ? {} : { payload: body as object }) }),
  };
}

/** Waits for the e-mails sent after an answer (sign-ups, reset requests). */
export async function mailSettled(t: TestPlatform): Promise<void> {
  await Promise.all([
    t.services.auth.afterAnswer.settled(),
    t.services.credentials.afterAnswer.settled(),
    t.services.notices.afterAnswer.settled(),
  ]);
}

/** The newest message to an address as delivered (the outbox's .eml files), not as the e-mail record keeps it. */
export async function lastMail(t: TestPlatform, email: string): Promise<DeliveredMail> {
  await mailSettled(t);
  const mail = readOutbox(t.services.repos.mail.folder!)
    .reverse()
    .find((m) => m.to.toLowerCase() === email.toLowerCase());
  if (!mail) throw new Error(`no e-mail to ${email}`);
  return mail;
}

/** The token of the link in the last e-mail sent to an address. */
export async function lastToken(t: TestPlatform, email: string): Promise<string> {
  const mail = await lastMail(t, email);
  const token = /token=([\w-]+)/.exec(mail.text)?.[1];
  if (!token) throw new Error(`the last e-mail to ${email} has no link with a token: ${mail.subject}`);
  return token;
}

export const profile = (overrides: Record<string, unknown> = {}) => ({
  kind: 'enterprise',
  sector: 'business',
  region: 'RU-KLU',
  city: { original: 'ru', ru: 'Калуга', en: 'Kaluga' },
  name: { original: 'ru', ru: 'Калужская керамика', en: 'Kaluga Ceramics' },
  shortName: null,
  description: { original: 'ru', ru: 'Техническая керамика для фильтров.' },
  website: 'https://example.org',
  nace: ['23.44'],
  areas: ['non-metallic-materials-industrial-ceramics'],
  ...overrides,
});
