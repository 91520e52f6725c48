import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueToken } from '../../services/accounts/tokens.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { profile, signedInUser, type TestUser } from '../../test/users.js';

/**
 * Invariants that span rows hold when requests come at once. On PostgreSQL each request has a connection
 * of its own and the races are real; PGlite has one connection and serialises them (the tests pass there
 * trivially). Each race is run ROUNDS times with CONCURRENT requests.
 */
const ROUNDS = 20;
const CONCURRENT = 8;

let t: TestPlatform;
let members: TestUser[];
let invitee: TestUser;
let coordinators: TestUser[];
beforeAll(async () => {
  t = await createTestPlatform();
  members = [];
  for (let i = 0; i < CONCURRENT; i++) members.push(await signedInUser(t, `member${i}@example.org`));
  invitee = await signedInUser(t, 'invitee@example.org');
  coordinators = [
    await signedInUser(t, 'coord-1@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]),
    await signedInUser(t, 'coord-2@example.org', [{ role: 'regional_coordinator', regionCode: 'RU-KLU' }]),
  ];
}, 60_000);
afterAll(() => t.close());

const codes = (answers: { statusCode: number; json(): { error?: { code: string } } }[]) =>
  answers.map((a) => (a.statusCode < 300 ? 'ok' : a.json().error!.code)).sort();

/** A new organisation whose administrator is members[0], the others holding `role`. */
async function organisation(round: number, role: 'org_admin' | 'org_editor'): Promise<{ slug: string; id: string }> {
  const created = await members[0]!.send(
    'POST',
    '/api/v1/organisations',
    profile({ name: { original: 'en', en: `Race ${round} ${role}` } }),
  );
  const { slug } = created.json();
  const org = (await t.services.repos.organisations.getBySlug(slug))!;
  for (const m of members.slice(1)) await t.services.repos.accounts.grant({ userId: m.id, role, organisationId: org.id });
  return { slug, id: org.id };
}

const admins = async (id: string) => (await t.services.repos.accounts.grantsInOrganisation(id)).filter((g) => g.role === 'org_admin');

describe(`on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('creates every organisation of one name created at once, each under its own slug', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const name = { original: 'en', en: `Concurrent Ceramics ${round}` };
      const answers = await Promise.all(members.map((m) => m.send('POST', '/api/v1/organisations', profile({ name }))));
      expect(codes(answers)).toEqual(Array(CONCURRENT).fill('ok'));
      expect(new Set(answers.map((a) => a.json().slug)).size).toBe(CONCURRENT);
    }
  }, 120_000);

  it('gives the next slug to an organisation created while another of its name is being written', async (ctx) => {
    // PGlite's single connection cannot hold one transaction open while another writes
    if (t.engine === 'pglite') return ctx.skip();
    let release!: () => void;
    let written!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const isWritten = new Promise<void>((resolve) => (written = resolve));
    const holding = t.services.repos.transaction(async (tx) => {
      await tx.organisations.insertMany([
        {
          slug: 'held-ceramics',
          kind: 'enterprise',
          sector: 'business',
          regionCode: 'RU-KLU',
          city: null,
          name: { original: 'en', en: 'Held Ceramics' },
          shortName: null,
          description: null,
          website: null,
          naceClasses: [],
          areaCodes: [],
          source: 'user',
        },
      ]);
      written();
      await held;
    });
    await isWritten;
    // chosen while the other is not committed yet, the slug is taken by the time the insert can land
    const creating = members[0]!.send('POST', '/api/v1/organisations', profile({ name: { original: 'en', en: 'Held Ceramics' } }));
    await new Promise((resolve) => setTimeout(resolve, 300));
    release();
    await holding;
    const created = await creating;
    expect(created.statusCode).toBe(201);
    expect(created.json().slug).toBe('held-ceramics-2');
  });

  it('keeps an administrator when all the administrators leave at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await organisation(round, 'org_admin');
      const answers = await Promise.all(members.map((m) => m.send('DELETE', `/api/v1/organisations/${org.slug}/members/${m.id}`)));
      expect(codes(answers)).toEqual(['last_admin', ...Array(CONCURRENT - 1).fill('ok')]);
      expect(await admins(org.id)).toHaveLength(1);
    }
  }, 120_000);

  it('keeps an administrator when the administrators remove one another at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await organisation(round, 'org_admin');
      const answers = await Promise.all(
        members.map((m, i) => m.send('DELETE', `/api/v1/organisations/${org.slug}/members/${members[(i + 1) % CONCURRENT]!.id}`)),
      );
      expect(codes(answers)).toContain('ok');
      expect((await admins(org.id)).length).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);

  it('keeps an administrator when administration is handed to members who are leaving', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await organisation(round, 'org_editor');
      const [admin, ...others] = members;
      await Promise.all([
        ...others.map((m) => admin!.send('POST', `/api/v1/organisations/${org.slug}/transfer-administration`, { userId: m.id })),
        ...others.map((m) => m.send('DELETE', `/api/v1/organisations/${org.slug}/members/${m.id}`)),
      ]);
      expect((await admins(org.id)).length).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);

  it('lets a person join once when they accept several invitations to one organisation at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await organisation(round, 'org_editor');
      const tokens = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          issueToken(t.services.repos, 'invitation', {
            email: invitee.email,
            organisationId: org.id,
            role: i % 2 ? 'org_admin' : 'org_editor',
            createdBy: members[0]!.id,
          }),
        ),
      );
      const answers = await Promise.all(tokens.map((token) => invitee.send('POST', '/api/v1/invitations/accept', { token })));
      expect(codes(answers)).toEqual([...Array(CONCURRENT - 1).fill('already_member'), 'ok']);
      const grants = (await t.services.repos.accounts.grantsInOrganisation(org.id)).filter((g) => g.userId === invitee.id);
      expect(grants).toHaveLength(1);
    }
  }, 120_000);

  it('records one decision when coordinators decide on a submitted profile at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await organisation(round, 'org_editor');
      await members[0]!.send('POST', `/api/v1/organisations/${org.slug}/submit`);
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          coordinators[i % 2]!.send(
            'POST',
            `/api/v1/organisations/${org.slug}/decision`,
            i % 2 ? { decision: 'validated' } : { decision: 'returned', reason: `Round ${round}, answer ${i}.` },
          ),
        ),
      );
      expect(codes(answers)).toEqual([...Array(CONCURRENT - 1).fill('invalid_transition'), 'ok']);
      const decisions = await t.services.repos.audit.decisions(org.id);
      expect(decisions.map((d) => d.decision).filter((d) => d !== 'submitted')).toHaveLength(1);
    }
  }, 120_000);

  it('never loses an edit saved while a coordinator validates the profile', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const org = await organisation(round, 'org_editor');
      await members[0]!.send('POST', `/api/v1/organisations/${org.slug}/submit`);
      const edit = profile({ name: { original: 'en', en: `Race ${round} org_editor` }, website: `https://edit-${round}.example.org` });
      await Promise.all([
        members[1]!.send('PUT', `/api/v1/organisations/${org.slug}/profile`, edit),
        coordinators[0]!.send('POST', `/api/v1/organisations/${org.slug}/decision`, { decision: 'validated' }),
      ]);
      // validated first and edited after, or edited first and the decision refused: the edit is there either way
      const now = (await members[0]!.get(`/api/v1/organisations/${org.slug}/profile`)).json();
      expect(now.profile.website).toBe(edit.website);
      expect(now.status).toBe('draft');
    }
  }, 120_000);

  it('adds one concept when coordinators add concepts of one code at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const code = `concurrent-concept-${round}`;
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          coordinators[i % 2]!.send('POST', '/api/v1/glossary/concepts', {
            code,
            terms: [{ language: 'en', term: `ceramic lattice ${round}` }],
          }),
        ),
      );
      expect(codes(answers)).toEqual([...Array(CONCURRENT - 1).fill('concept_exists'), 'ok']);
    }
  }, 120_000);

  it('adds a term once when coordinators add it at once', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(
        Array.from({ length: CONCURRENT }, (_, i) =>
          coordinators[i % 2]!.send('POST', '/api/v1/glossary/concepts/air-filtration/terms', { language: 'en', term: `sieve ${round}` }),
        ),
      );
      expect(codes(answers)).toEqual(['ok', ...Array(CONCURRENT - 1).fill('term_exists')]);
    }
  }, 120_000);
});
