import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Interest, OutcomeCounts } from '../../../shared/schemas/offer-interest.js';
import { giveContact, interestBody, sendIfMatch, setLanguage, tracesIn, tracesOf } from '../../../test/offer-interest.js';
import { dayFromToday, insertOffer } from '../../../test/offers.js';
import { readOutbox } from '../../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../../test/users.js';

const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';
let t: TestPlatform;
let ownerAdmin: TestUser; // IATE MEPhI's administrator (Russian): the anonymous offer's owner
let ownerEditor: TestUser;
let ownerMember: TestUser;
let interested: TestUser; // a member of ARDL (Limousin), writing in French
let third: TestUser; // a member of AIRKO: neither side
let twoOrgs: TestUser; // ARDL and the Limousin technical university
let traces: string[];
let offer: Awaited<ReturnType<typeof insertOffer>>;

const mails = () => readOutbox(t.services.repos.mail.folder!);
const mailsTo = (email: string) => mails().filter((m) => m.to.toLowerCase() === email.toLowerCase());
const rowsOf = async <T>(query: ReturnType<typeof sql>) => (await t.database.db.execute(query)) as unknown as { rows: T[] };
const interestCount = async () => Number((await rowsOf<{ n: number }>(sql`select count(*)::int as n from offer_interests`)).rows[0]!.n);

beforeAll(async () => {
  t = await createTestPlatform();
  await giveContact(t, 'iate-mephi', 'iate-contact');
  await giveContact(t, 'ardl', 'ardl-contact');
  ownerAdmin = await signIn(t, 'iate.admin@demo.clusterbridge.test', DEMO_PASSWORD);
  ownerEditor = await signIn(t, 'iate.editor@demo.clusterbridge.test', DEMO_PASSWORD);
  ownerMember = await signIn(t, 'iate.member@demo.clusterbridge.test', DEMO_PASSWORD);
  interested = await signedInUser(t, 'anne.limousin@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  await setLanguage(t, 'anne.limousin@example.org', 'fr');
  third = await signedInUser(t, 'airko.member@example.org', [{ role: 'member', organisationSlug: 'airko' }]);
  twoOrgs = await signedInUser(t, 'two@example.org', [
    { role: 'org_editor', organisationSlug: 'ardl' },
    { role: 'member', organisationSlug: 'limousin-technical-university' },
  ]);
  traces = await tracesOf(t, 'iate-mephi');
  offer = await insertOffer(t, 'iate-mephi', {
    kind: 'technology_request',
    anonymous: true,
    title: {
      original: 'ru',
      ru: 'Ищем технологию керамических фильтров',
      fr: 'Recherche de filtres céramiques',
      en: 'Ceramic filters sought',
    },
    areaCodes: ['filters-filtering-materials'],
  });
});
afterAll(() => t.close());

const url = () => `/api/v1/offers/${offer.slug}/interests`;

describe('refused expressions of interest, nothing written', () => {
  it('refuses visitors, closed and expired offers, one’s own offer, and bad letters, naming the field', async () => {
    expect((await t.app.inject({ method: 'POST', url: url(), payload: interestBody() })).json().error.code).toBe('not_signed_in');
    const draft = await insertOffer(t, 'iate-mephi', { stage: 'draft' });
    const closed = await insertOffer(t, 'iate-mephi', { stage: 'closed' });
    // past its expiry day, though the expiry job has not run yet
    const expired = await insertOffer(t, 'iate-mephi', { expiresOn: dayFromToday(-1), deadline: null });
    for (const o of [draft, closed, expired]) {
      const refused = await interested.send('POST', `/api/v1/offers/${o.slug}/interests`, interestBody());
      expect(refused.statusCode, o.stage).toBe(409);
      expect(refused.json().error.code).toBe('offer_not_open');
    }
    expect((await interested.send('POST', '/api/v1/offers/no-such-offer/interests', interestBody())).statusCode).toBe(404);
    expect((await ownerMember.send('POST', url(), interestBody())).json().error.code).toBe('own_offer');
    const long = await interested.send('POST', url(), interestBody({ message: 'x'.repeat(100_000) }));
    expect(long.statusCode).toBe(400);
    expect(long.json().error).toMatchObject({ code: 'validation_failed', field: 'body.message' });
    const blank = await interested.send('POST', url(), interestBody({ answers: { offers: 'a', expects: 'b', timeline: '  ' } }));
    expect(blank.json().error).toMatchObject({ code: 'validation_failed', field: 'body.answers.timeline' });
    const missing = await interested.send('POST', url(), interestBody({ answers: { offers: 'a', expects: 'b' } }));
    expect(missing.json().error).toMatchObject({ code: 'validation_failed', field: 'body.answers.timeline' });
    const which = await twoOrgs.send('POST', url(), interestBody());
    expect(which.json().error).toMatchObject({ code: 'validation_failed', field: 'body.organisation' });
    const notMine = await interested.send('POST', url(), interestBody({ organisation: 'airko' }));
    expect(notMine.json().error).toMatchObject({ code: 'forbidden', field: 'body.organisation' });
    expect(await interestCount()).toBe(0);
  });

  it('refuses an interested organisation that is not validated', async () => {
    await t.database.db.execute(sql`update organisations set published = false where slug = 'limousin-technical-university'`);
    try {
      const refused = await twoOrgs.send('POST', url(), interestBody({ organisation: 'limousin-technical-university' }));
      expect(refused.json().error).toMatchObject({ code: 'sender_not_validated', field: 'body.organisation' });
      expect(await interestCount()).toBe(0);
    } finally {
      await t.database.db.execute(sql`update organisations set published = true where slug = 'limousin-technical-university'`);
    }
  });
});

describe('from an expression of interest to an agreement in the counts', () => {
  let interest: Interest;

  it('stores the interest, tells the owner’s administrators and editors in their language, and refuses a second one', async () => {
    const created = await interested.send('POST', url(), interestBody());
    expect(created.statusCode, created.body).toBe(201);
    interest = created.json();
    expect(created.headers.etag).toBe(`"${interest.version}"`);
    expect(interest).toMatchObject({ state: 'pending', side: 'interested', owner: null, offer: { organisation: null, anonymous: true } });
    expect(interest.interested).toMatchObject({ slug: 'ardl', contact: null });
    const again = await interested.send('POST', url(), interestBody());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('interest_exists');
    const [toAdmin] = mailsTo('iate.admin@demo.clusterbridge.test');
    expect(toAdmin?.subject).toContain('Региональное агентство развития Лимузена» проявила интерес');
    expect(toAdmin?.text).toContain('Сроки: Six mois');
    expect(toAdmin?.replyTo).toBeUndefined();
    expect(mailsTo('iate.editor@demo.clusterbridge.test')).toHaveLength(1);
    expect(mailsTo('iate.member@demo.clusterbridge.test')).toHaveLength(0);
  });

  it('before accept, the interested side sees no trace of the anonymous owner; others see nothing', async () => {
    for (const res of [await interested.get('/api/v1/my/interests'), await interested.get(`/api/v1/interests/${interest.id}`)]) {
      expect(res.statusCode).toBe(200);
      expect(tracesIn(res.body + JSON.stringify(res.headers), traces)).toEqual([]);
    }
    expect((await third.get(`/api/v1/interests/${interest.id}`)).statusCode).toBe(404);
    expect((await third.get(url())).statusCode).toBe(403);
    expect((await t.app.inject(`/api/v1/interests/${interest.id}`)).statusCode).toBe(401);
    const received = (await ownerMember.get(url())).json();
    expect(received.items).toHaveLength(1);
    expect(received.items[0]).toMatchObject({ side: 'owner', author: 'anne.limousin', can: { decide: false } });
  });

  it('accepts, versioned, by the owner’s administrators and editors only: a thread opens with the letter, contacts show', async () => {
    const accept = `/api/v1/interests/${interest.id}/accept`;
    expect((await sendIfMatch(t, ownerMember, 'POST', accept, interest.version)).json().error.code).toBe('forbidden');
    expect((await sendIfMatch(t, interested, 'POST', accept, interest.version)).json().error.code).toBe('forbidden');
    const stale = await sendIfMatch(t, ownerAdmin, 'POST', accept, interest.version + 5);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const accepted = await sendIfMatch(t, ownerAdmin, 'POST', accept, interest.version);
    expect(accepted.statusCode, accepted.body).toBe(200);
    interest = accepted.json();
    expect(interest).toMatchObject({ state: 'accepted', side: 'owner', can: { recordOutcome: true } });
    expect(interest.interested.contact).not.toBeNull();
    expect((await sendIfMatch(t, ownerEditor, 'POST', accept, interest.version)).json().error.code).toBe('interest_not_pending');

    const seen = (await interested.get(`/api/v1/interests/${interest.id}`)).json() as Interest;
    expect(seen.owner).toMatchObject({ slug: 'iate-mephi', website: 'https://iate-contact.example.ru' });
    expect(seen.owner?.contact).toMatchObject({ email: 'international@iate-contact.example.ru', personName: 'Ivan iate-contact' });
    expect(seen.offer.organisation?.slug).toBe('iate-mephi');
    const told = mailsTo('anne.limousin@example.org');
    expect(told).toHaveLength(1);
    expect(told[0]!.subject).toContain('a accepté votre intérêt');
    expect(told[0]!.text).toContain(`/messages/${interest.threadId}`);
  });

  it('both sides go on in the thread, its first message the letter and its answers; replies are e-mailed', async () => {
    const thread = (await interested.get(`/api/v1/messages/${interest.threadId}`)).json();
    expect(thread).toMatchObject({ subject: { kind: 'offer', id: offer.id }, sender: { slug: 'ardl' }, receiver: { slug: 'iate-mephi' } });
    expect(thread.messages[0].body).toContain('Nous fabriquons des filtres');
    expect(thread.messages[0].body).toContain('Notre calendrier\u00a0: Six mois');
    expect((await ownerAdmin.get(`/api/v1/messages/${interest.threadId}`)).json().messages).toHaveLength(1);
    const fromOwner = await ownerAdmin.send('POST', `/api/v1/messages/${interest.threadId}/replies`, {
      text: 'Здравствуйте, давайте обсудим.',
    });
    expect(fromOwner.statusCode, fromOwner.body).toBe(201);
    const fromInterested = await interested.send('POST', `/api/v1/messages/${interest.threadId}/replies`, { text: 'Volontiers.' });
    expect(fromInterested.json().messages).toHaveLength(3);
    expect(mailsTo('anne.limousin@example.org').at(-1)!.text).toContain('давайте обсудим');
    expect(mailsTo('iate.admin@demo.clusterbridge.test').at(-1)!.text).toContain('Volontiers.');
  });

  it('records the outcome as a new agreement of both, in the registry and the counts; unlinks and links it again', async () => {
    const outcome = `/api/v1/interests/${interest.id}/outcome`;
    const create = { create: { title: { original: 'ru', ru: 'Лицензионное соглашение' }, type: 'contract', signed: '2026-11-30' } };
    expect((await sendIfMatch(t, interested, 'POST', outcome, interest.version, create)).json().error.code).toBe('forbidden');
    expect((await sendIfMatch(t, third, 'POST', outcome, interest.version, create)).statusCode).toBe(404);
    const both = await sendIfMatch(t, ownerAdmin, 'POST', outcome, interest.version, { ...create, agreement: 'x-y' });
    expect(both.json().error).toMatchObject({ code: 'validation_failed', field: 'body' });
    const notShared = await sendIfMatch(t, ownerAdmin, 'POST', outcome, interest.version, {
      agreement: 'obninsk-ardl-cooperation-agreement-2004',
    });
    expect(notShared.json().error).toMatchObject({ code: 'agreement_not_shared', field: 'body.agreement' });
    expect((await sendIfMatch(t, ownerAdmin, 'POST', outcome, interest.version + 3, create)).json().error.code).toBe('version_conflict');
    const recorded = await sendIfMatch(t, ownerAdmin, 'POST', outcome, interest.version, create);
    expect(recorded.statusCode, recorded.body).toBe(200);
    interest = recorded.json();
    expect(interest.agreement).not.toBeNull();
    const agreement = (await t.app.inject(`/api/v1/agreements/${interest.agreement!.slug}`)).json();
    expect(agreement.parties.map((p: { organisation: { slug: string } }) => p.organisation.slug).sort()).toEqual(['ardl', 'iate-mephi']);
    expect(agreement.stage).toBe('signed');

    const counts = (await t.app.inject('/api/v1/offers/outcomes')).json() as OutcomeCounts;
    expect(counts.totals).toEqual({ contacts: 1, agreements: 1 });
    expect(counts.byArea).toEqual([{ area: 'filters-filtering-materials', contacts: 1, agreements: 1 }]);
    expect(counts.byRegionPair).toMatchObject([{ owner: { code: 'RU-KLU' }, interested: { code: 'FR-87' }, contacts: 1, agreements: 1 }]);
    expect(counts.byMonth).toHaveLength(1);
    expect(tracesIn(JSON.stringify(counts), traces)).toEqual([]);
    const inNaq = (await t.app.inject('/api/v1/offers/outcomes?region=FR-NAQ')).json() as OutcomeCounts;
    expect(inNaq.totals).toEqual({ contacts: 1, agreements: 1 });
    expect((await t.app.inject('/api/v1/offers/outcomes?region=DE-BY')).json().totals).toEqual({ contacts: 0, agreements: 0 });
    expect((await t.app.inject('/api/v1/offers/outcomes?from=2999-01')).json().totals).toEqual({ contacts: 0, agreements: 0 });
    expect((await t.app.inject('/api/v1/offers/outcomes?area=no-such-area')).statusCode).toBe(422);
    expect((await t.app.inject('/api/v1/offers/outcomes?from=2026-13')).json().error.field).toBe('query.from');

    const cleared = await sendIfMatch(t, ownerEditor, 'DELETE', outcome, interest.version);
    expect(cleared.statusCode, cleared.body).toBe(200);
    expect(cleared.json().agreement).toBeNull();
    expect((await t.app.inject('/api/v1/offers/outcomes')).json().totals).toEqual({ contacts: 1, agreements: 0 });
    const linked = await sendIfMatch(t, ownerEditor, 'POST', outcome, cleared.json().version, { agreement: interest.agreement!.slug });
    expect(linked.json().agreement.slug).toBe(interest.agreement!.slug);
    const audited = await rowsOf<{ action: string }>(sql`select action from audit_events where entity_id = ${interest.id} order by at`);
    expect(audited.rows.map((r) => r.action)).toEqual([
      'offer_interest.expressed',
      'offer_interest.accepted',
      'offer_interest.outcome_recorded',
      'offer_interest.outcome_cleared',
      'offer_interest.outcome_recorded',
    ]);
  });
});

describe('declined and withdrawn interests', () => {
  it('declines with a reason, tells the author without naming an anonymous owner, and keeps it hidden', async () => {
    const other = await insertOffer(t, 'iate-mephi', { anonymous: true, title: { original: 'en', en: 'Neutron detectors' } });
    const created = (
      await third.send('POST', `/api/v1/offers/${other.slug}/interests`, interestBody({ language: 'ru' }))
    ).json() as Interest;
    const before = mailsTo('airko.member@example.org').length;
    const declined = await sendIfMatch(t, ownerEditor, 'POST', `/api/v1/interests/${created.id}/decline`, created.version, {
      reason: 'Not this year.',
    });
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json()).toMatchObject({ state: 'declined', declineReason: 'Not this year.', threadId: null });
    const told = mailsTo('airko.member@example.org').slice(before);
    expect(told).toHaveLength(1);
    expect(told[0]!.text).toContain('Not this year.');
    const seen = await third.get(`/api/v1/interests/${created.id}`);
    expect(seen.json().owner).toBeNull();
    expect(tracesIn(seen.body + told[0]!.subject + told[0]!.text, traces)).toEqual([]);
  });

  it('lets the interested side withdraw while pending, and only then', async () => {
    const other = await insertOffer(t, 'iate-mephi', {});
    const created = (await twoOrgs.send('POST', `/api/v1/offers/${other.slug}/interests`, interestBody({ organisation: 'ardl' }))).json();
    const withdraw = `/api/v1/interests/${created.id}/withdraw`;
    expect((await sendIfMatch(t, ownerAdmin, 'POST', withdraw, created.version)).json().error.code).toBe('forbidden');
    const withdrawn = await sendIfMatch(t, twoOrgs, 'POST', withdraw, created.version);
    expect(withdrawn.json().state).toBe('withdrawn');
    expect((await sendIfMatch(t, twoOrgs, 'POST', withdraw, withdrawn.json().version)).json().error.code).toBe('interest_not_pending');
    const accept = await sendIfMatch(t, ownerAdmin, 'POST', `/api/v1/interests/${created.id}/accept`, withdrawn.json().version);
    expect(accept.json().error.code).toBe('interest_not_pending');
  });

  it('two expressions of interest of one organisation at once: one is stored, the other refused, never a 500', async () => {
    const other = await insertOffer(t, 'iate-mephi', {});
    const both = await Promise.all([1, 2].map(() => interested.send('POST', `/api/v1/offers/${other.slug}/interests`, interestBody())));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(both.find((r) => r.statusCode === 409)!.json().error.code).toBe('interest_exists');
  });

  it('two decisions at once: one lands, the other is told it was decided, and one thread opens', async () => {
    const other = await insertOffer(t, 'iate-mephi', {});
    const created = (await third.send('POST', `/api/v1/offers/${other.slug}/interests`, interestBody())).json() as Interest;
    const [accept, decline] = await Promise.all([
      ownerAdmin.send('POST', `/api/v1/interests/${created.id}/accept`),
      // a decline without a body (no reason) is a decline too
      ownerEditor.send('POST', `/api/v1/interests/${created.id}/decline`),
    ]);
    expect([accept!.statusCode, decline!.statusCode].sort()).toEqual([200, 409]);
    const loser = accept!.statusCode === 409 ? accept! : decline!;
    expect(loser.json().error.code).toBe('interest_not_pending');
    const threads = await rowsOf<{ n: number }>(sql`select count(*)::int as n from message_threads where subject_id = ${other.id}`);
    expect(Number(threads.rows[0]!.n)).toBe(accept!.statusCode === 200 ? 1 : 0);
  });
});

describe('what an offer’s page tells a member about expressing interest', () => {
  it('offers the form once per organisation, says why not afterwards, and tells the owner’s member it is theirs', async () => {
    const open = await insertOffer(t, 'iate-mephi', { title: { original: 'en', en: 'Hot-gas filters sought' } });
    const page = async (user: TestUser) => (await user.get(`/api/v1/offers/${open.slug}`)).json().can;
    expect(await page(third)).toMatchObject({ expressInterest: true });
    expect((await third.send('POST', `/api/v1/offers/${open.slug}/interests`, interestBody())).statusCode).toBe(201);
    expect(await page(third)).toMatchObject({ expressInterest: false, interestRefused: 'already_expressed' });
    expect(await page(ownerMember)).toMatchObject({ expressInterest: false, interestRefused: 'own_offer' });
    const expired = await insertOffer(t, 'iate-mephi', { expiresOn: dayFromToday(-1), deadline: null });
    expect((await third.get(`/api/v1/offers/${expired.slug}`)).json().can).toMatchObject({
      expressInterest: false,
      interestRefused: 'not_open',
    });
  });
});
