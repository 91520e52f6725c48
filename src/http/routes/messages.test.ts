import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Thread } from '../../shared/schemas/messaging.js';
import { readOutbox } from '../../test/outbox.js';
import { expectNoQueryTaken } from '../../test/query.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../test/users.js';

const DEMO_PASSWORD = 'Demo-Clusterbridge-2026';
let t: TestPlatform;
let sender: TestUser; // a member of ARDL (validated)
let receiverAdmin: TestUser; // the demo administrator of IATE (Russian)
let receiverMember: TestUser;
let third: TestUser; // a member of AIRKO: neither side
let outsider: TestUser; // no organisation
let draftMember: TestUser; // only an unvalidated organisation
beforeAll(async () => {
  t = await createTestPlatform();
  sender = await signedInUser(t, 'ardl.member@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  receiverAdmin = await signIn(t, 'iate.admin@demo.clusterbridge.test', DEMO_PASSWORD);
  receiverMember = await signIn(t, 'iate.member@demo.clusterbridge.test', DEMO_PASSWORD);
  third = await signedInUser(t, 'airko.member@example.org', [{ role: 'member', organisationSlug: 'airko' }]);
  outsider = await signedInUser(t, 'nobody@example.org');
  draftMember = await signedInUser(t, 'draft@example.org');
  const created = await draftMember.send('POST', '/api/v1/organisations', {
    kind: 'enterprise',
    sector: 'business',
    region: 'RU-KLU',
    city: null,
    name: { original: 'en', en: 'Draft Works' },
    shortName: null,
    description: null,
    website: null,
    nace: [],
    areas: [],
  });
  expect(created.statusCode, created.body).toBe(201);
  // the session's grants are read at sign-in
  draftMember = await signIn(t, 'draft@example.org', 'Ceramique-Filtre-2026');
});
afterAll(() => t.close());

const mailsTo = (email: string) => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to.toLowerCase() === email);
const letter = { title: 'Filtres céramiques', text: 'Bonjour, nous cherchons un partenaire pour des filtres.', language: 'fr' };

describe('contacting an organisation', () => {
  it('tells each reader whether they may write, and why not', async () => {
    const anonymous = (await t.app.inject('/api/v1/organisations/iate-mephi/contact')).json();
    expect(anonymous).toEqual({ allowed: false, reason: 'not_signed_in', senders: [] });
    expect((await outsider.get('/api/v1/organisations/iate-mephi/contact')).json().reason).toBe('sender_not_validated');
    expect((await draftMember.get('/api/v1/organisations/iate-mephi/contact')).json().reason).toBe('sender_not_validated');
    expect((await receiverMember.get('/api/v1/organisations/iate-mephi/contact')).json().reason).toBe('own_organisation');
    const allowed = (await sender.get('/api/v1/organisations/iate-mephi/contact')).json();
    expect(allowed).toMatchObject({ allowed: true, reason: null, senders: [{ slug: 'ardl' }] });
    expect((await t.app.inject('/api/v1/organisations/no-such-org/contact')).statusCode).toBe(404);
  });

  it('refuses those who may not write, and bad letters, naming the field', async () => {
    const url = '/api/v1/organisations/iate-mephi/contact';
    expect((await t.app.inject({ method: 'POST', url, payload: letter })).statusCode).toBe(401);
    expect((await outsider.send('POST', url, letter)).json().error.code).toBe('sender_not_validated');
    expect((await draftMember.send('POST', url, letter)).statusCode).toBe(403);
    expect((await receiverMember.send('POST', url, letter)).json().error.code).toBe('own_organisation');
    const notMine = await sender.send('POST', url, { ...letter, senderOrganisation: 'airko' });
    expect(notMine.json().error).toMatchObject({ code: 'forbidden', field: 'body.senderOrganisation' });
    const empty = await sender.send('POST', url, { ...letter, text: '   ' });
    expect(empty.json().error).toMatchObject({ code: 'validation_failed', field: 'body.text' });
    const long = await sender.send('POST', url, { ...letter, title: 'x'.repeat(201) });
    expect(long.json().error).toMatchObject({ code: 'validation_failed', field: 'body.title', reason: 'maxLength' });
  });

  it('stores a thread, e-mails the receiving admins in their language with the sender as Reply-To, and lets both sides talk', async () => {
    const sent = await sender.send('POST', '/api/v1/organisations/iate-mephi/contact', letter);
    expect(sent.statusCode, sent.body).toBe(201);
    const thread = sent.json() as Thread;
    expect(thread).toMatchObject({
      title: letter.title,
      subject: { kind: 'organisation' },
      sender: { slug: 'ardl' },
      receiver: { slug: 'iate-mephi' },
      side: 'sender',
      messages: [{ body: letter.text, language: 'fr', side: 'sender', mine: true }],
    });

    const [mail] = mailsTo('iate.admin@demo.clusterbridge.test');
    expect(mail!.subject).toContain('пишет в');
    expect(mail!.text).toContain(letter.text);
    expect(mail!.text).toContain(`/messages/${thread.id}`);
    expect(mail!.replyTo).toBe('ardl.member@example.org');
    // members who are not administrators are not e-mailed, but read the thread
    expect(mailsTo('iate.member@demo.clusterbridge.test')).toEqual([]);

    const inbox = (await receiverMember.get('/api/v1/messages')).json().items;
    expect(inbox).toEqual([expect.objectContaining({ id: thread.id, side: 'receiver', unread: true, messageCount: 1 })]);

    const reply = await receiverAdmin.send('POST', `/api/v1/messages/${thread.id}/replies`, {
      text: 'Здравствуйте! Интересно.',
      language: 'ru',
    });
    expect(reply.statusCode, reply.body).toBe(201);
    expect((reply.json() as Thread).messages.map((m) => [m.side, m.language])).toEqual([
      ['sender', 'fr'],
      ['receiver', 'ru'],
    ]);
    const answer = mailsTo('ardl.member@example.org').at(-1)!;
    expect(answer.text).toContain('Здравствуйте! Интересно.');
    expect(answer.text).toContain(`/messages/${thread.id}`);
    // the receiver's address is not given to the sender
    expect(answer.replyTo).toBeUndefined();
    expect((await sender.get('/api/v1/messages')).json().items[0]).toMatchObject({ id: thread.id, unread: true });
    expect(JSON.stringify((await sender.get(`/api/v1/messages/${thread.id}`)).json())).not.toContain('iate.admin@');
    expect((await sender.get('/api/v1/messages')).json().items[0]).toMatchObject({ unread: false });

    // the sender's next reply reaches the receiving side's admins and whoever answered
    await sender.send('POST', `/api/v1/messages/${thread.id}/replies`, { text: 'Merci !' });
    expect(mailsTo('iate.admin@demo.clusterbridge.test').at(-1)!.text).toContain('Merci !');

    const events = await t.services.repos.audit.list({ entityType: 'message_thread', entityId: thread.id }, 10);
    expect(events.map((e) => e.action).sort()).toEqual(['message_thread.replied', 'message_thread.replied', 'message_thread.started']);
    // the audit log says who wrote to whom, not what
    expect(JSON.stringify(events)).not.toContain(letter.text);
  });

  it('lets no one else read or answer a thread', async () => {
    const sent = (await sender.send('POST', '/api/v1/organisations/iate-mephi/contact', { ...letter, title: 'Second' })).json() as Thread;
    const url = `/api/v1/messages/${sent.id}`;
    expect((await t.app.inject(url)).statusCode).toBe(401);
    expect((await outsider.get(url)).statusCode).toBe(404);
    expect((await third.get(url)).statusCode).toBe(404);
    expect((await third.send('POST', `${url}/replies`, { text: 'Hello' })).statusCode).toBe(404);
    expect((await third.get('/api/v1/messages')).json().items).toEqual([]);
    expect((await t.app.inject('/api/v1/messages')).statusCode).toBe(401);
  });

  it('refuses a parameter the list of threads does not take', () => expectNoQueryTaken((url) => third.get(url), '/api/v1/messages'));

  it('limits how many threads one account starts', async () => {
    const spammer = await signedInUser(t, 'busy@example.org', [{ role: 'member', organisationSlug: 'airko' }]);
    const codes: number[] = [];
    for (let i = 0; i < 11; i++)
      codes.push((await spammer.send('POST', '/api/v1/organisations/ardl/contact', { title: `n${i}`, text: 'hello' })).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(201));
    expect(codes[10]).toBe(429);
  });

  it("writes to the public contact of an organisation that has no administrator, in its profile's language", async () => {
    // AIRKO has members but no administrator account in the demo data
    await t.database.db.execute(
      sql`update organisations set public_contact = ${JSON.stringify({ kind: 'role', personName: null, label: null, email: 'info@airko.example', phone: null })}::jsonb where slug = 'airko'`,
    );
    const sent = await sender.send('POST', '/api/v1/organisations/airko/contact', { ...letter, title: 'Contact AIRKO' });
    expect(sent.statusCode, sent.body).toBe(201);
    const [mail, ...more] = mailsTo('info@airko.example');
    expect(more).toEqual([]);
    expect(mail).toMatchObject({ replyTo: 'ardl.member@example.org' });
    expect(mail!.subject).toContain('Contact AIRKO');
    expect(mail!.text).toContain('Ответьте на это письмо'); // AIRKO's profile is written in Russian
    expect(mail!.text).toContain(letter.text);
  });

  it('e-mails the people of an organisation that has neither administrators nor a public contact', async () => {
    // ARDL has members (the Limousin coordinator, the test sender) but no administrator in the demo data
    const sent = await receiverAdmin.send('POST', '/api/v1/organisations/ardl/contact', { ...letter, title: 'Pour ARDL', language: 'ru' });
    expect(sent.statusCode, sent.body).toBe(201);
    const about = (email: string) => mailsTo(email).filter((m) => m.subject.includes('Pour ARDL'));
    expect(about('coordinator.limousin@demo.clusterbridge.test')).toHaveLength(1);
    expect(about('ardl.member@example.org')).toHaveLength(1);
    expect(about('iate.admin@demo.clusterbridge.test')).toEqual([]);
  });
});
