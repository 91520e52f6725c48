import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, offerFollows, savedSearches } from '../../db/schema/index.js';
import { insertOffer } from '../../test/offers.js';
import { readOutbox } from '../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';
import { followUnsubscribeId } from './unsubscribe.js';

let t: TestPlatform;
let member: TestUser;
let savedSearchId: string;
beforeAll(async () => {
  t = await createTestPlatform();
  member = await signedInUser(t, 'unsubscribe.member@example.test', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
  const [row] = await t.database.db
    .insert(savedSearches)
    .values({ userId: member.id, name: 'Filtres', query: { q: 'filtres céramiques' }, frequency: 'daily' })
    .returning();
  savedSearchId = row!.id;
});
afterAll(() => t.close());

const path = (url: string) => new URL(url).pathname;
const oneClick = (url: string, headers: Record<string, string> = {}) =>
  t.app.inject({
    method: 'POST',
    url: path(url),
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: 'List-Unsubscribe=One-Click',
  });
const unsubscribedAt = async () =>
  (await t.database.db.select().from(savedSearches).where(eq(savedSearches.id, savedSearchId)))[0]!.unsubscribedAt;

describe('one-click unsubscribe (RFC 8058)', () => {
  it('puts List-Unsubscribe and List-Unsubscribe-Post in the mail as the outbox writes it', async () => {
    const headers = await t.services.unsubscribe.unsubscribeHeaders('saved_search', savedSearchId);
    await t.services.repos.mail.send({
      from: 'a@b.test',
      to: 'unsubscribe.member@example.test',
      subject: 'Digest',
      text: 'x',
      language: 'en',
      headers,
    });
    const mail = readOutbox(t.services.repos.mail.folder!).at(-1)!;
    expect(mail.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/api\/v1\/unsubscribe\/s\.[^>]+>$/);
    expect(mail.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(mail.headers.get('content-language')).toBe('en');
  });

  it('does not unsubscribe on GET (mail scanners follow links) but asks to confirm, in a page for a browser', async () => {
    const url = await t.services.unsubscribe.url('saved_search', savedSearchId);
    const json = await t.app.inject({ method: 'GET', url: path(url) });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toMatchObject({ kind: 'saved_search', unsubscribed: false });
    const html = await t.app.inject({ method: 'GET', url: path(url), headers: { accept: 'text/html', 'accept-language': 'fr-FR' } });
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain('Se désabonner');
    expect(html.body).toContain('<form method="post">');
    expect(await unsubscribedAt()).toBeNull();
  });

  it('unsubscribes on the POST of List-Unsubscribe=One-Click without sign-in, keeps the saved search, and says so again when repeated', async () => {
    const url = await t.services.unsubscribe.url('saved_search', savedSearchId);
    const first = await oneClick(url);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ kind: 'saved_search', unsubscribed: true });
    expect(await unsubscribedAt()).toBeInstanceOf(Date);
    expect((await oneClick(url)).statusCode).toBe(200);
    const events = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, savedSearchId));
    expect(events.map((e) => e.action)).toContain('saved_search.unsubscribe');
  });

  it('works from a signed-in browser too, without the anti-forgery token (the link is its own proof)', async () => {
    const url = await t.services.unsubscribe.url('saved_search', savedSearchId);
    expect((await oneClick(url, { cookie: `cb_session=${member.cookie}` })).statusCode).toBe(200);
  });

  it('refuses a tampered or made-up token with 404 naming the token, and a wrong body value with 400', async () => {
    const url = await t.services.unsubscribe.url('saved_search', savedSearchId);
    const token = path(url).split('/').at(-1)!;
    const otherId = Buffer.from('00000000000040008000000000000000', 'hex').toString('base64url');
    const forged = `s.${otherId}.${token.split('.')[2]}`;
    // one character of the signature changed, within it: the last ones carry bits base64url decoding drops
    const [prefix, id, mac] = token.split('.') as [string, string, string];
    const tampered = `${prefix}.${id}.${mac.slice(0, 5)}${mac[5] === 'A' ? 'B' : 'A'}${mac.slice(6)}`;
    for (const bad of [forged, 'nonsense', tampered]) {
      const answer = await oneClick(`http://x/api/v1/unsubscribe/${bad}`);
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error.field).toBe('params.token');
    }
    const wrong = await t.app.inject({
      method: 'POST',
      url: path(url),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'List-Unsubscribe=Later',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.field).toBe('body.List-Unsubscribe');
  });

  it('ends the following of an offer from a follow link', async () => {
    const offer = await insertOffer(t, 'iate-mephi');
    await t.database.db.insert(offerFollows).values({ userId: member.id, offerId: offer.id });
    const headers = await t.services.unsubscribe.unsubscribeHeaders('follow', followUnsubscribeId(member.id, offer.id));
    const url = headers['List-Unsubscribe']!.slice(1, -1);
    expect((await oneClick(url)).json()).toEqual({ kind: 'follow', unsubscribed: true });
    expect(await t.database.db.select().from(offerFollows).where(eq(offerFollows.offerId, offer.id))).toEqual([]);
  });
});
