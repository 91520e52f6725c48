import { eq } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { organisations, users } from '../db/schema/index.js';
import type { Language } from '../shared/languages.js';
import type { TestPlatform } from './test-platform.js';
import type { TestUser } from './users.js';

/** An expression of interest as the API takes it. */
export const interestBody = (overrides: Record<string, unknown> = {}) => ({
  message: 'Nous fabriquons des filtres céramiques et cherchons un partenaire en Russie.',
  answers: { offers: 'Des essais en laboratoire', expects: 'Un accord de licence', timeline: 'Six mois' },
  language: 'fr',
  ...overrides,
});

/** A write with an If-Match header (TestUser.send sends none). */
export function sendIfMatch(
  t: TestPlatform,
  user: TestUser,
  method: 'POST' | 'DELETE',
  url: string,
  version: number | string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf, 'if-match': `"${version}"` },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

export async function setLanguage(t: TestPlatform, email: string, language: Language): Promise<void> {
  await t.database.db.update(users).set({ language }).where(eq(users.email, email));
}

/**
 * Gives the organisation a website and a public contact (the demo's have neither), so that a test can look
 * for them where an anonymous owner must not show, and find them where the contacts are exchanged.
 */
export async function giveContact(t: TestPlatform, slug: string, tag: string): Promise<{ website: string; email: string; person: string }> {
  const contact = { website: `https://${tag}.example.ru`, email: `international@${tag}.example.ru`, person: `Ivan ${tag}` };
  await t.database.db
    .update(organisations)
    .set({
      website: contact.website,
      publicContact: { kind: 'person', personName: contact.person, label: null, email: contact.email, phone: '+7 484 000 00 00' },
    })
    .where(eq(organisations.slug, slug));
  return contact;
}

/**
 * Everything that names an organisation: its names in every language, slug, id, website, public contact,
 * and its people's names and addresses. An anonymous owner's traces, which no answer to others may hold.
 */
export async function tracesOf(t: TestPlatform, slug: string): Promise<string[]> {
  const repos = t.services.repos;
  const org = (await repos.organisations.getBySlug(slug))!;
  const grants = await repos.accounts.grantsInOrganisation(org.id);
  const people = await repos.accounts.usersByIds(grants.map((g) => g.userId));
  const texts = [org.name, org.shortName].flatMap((m) => (m ? [m.ru, m.fr, m.en] : []));
  const contact = org.publicContact;
  return [
    ...texts,
    org.slug,
    org.id,
    org.website,
    contact?.email,
    contact?.personName,
    ...people.flatMap((p) => [p.displayName, p.email]),
  ].filter((s): s is string => typeof s === 'string' && s.length >= 3);
}

/** The traces found in a text (case-insensitive), to fail with. */
export const tracesIn = (text: string, traces: string[]) => traces.filter((trace) => text.toLowerCase().includes(trace.toLowerCase()));
