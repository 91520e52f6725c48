import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offers, offerStageChanges, users } from '../../../db/schema/index.js';
import type { FollowState, MyFollows } from '../../../shared/schemas/offer-matching.js';
import { insertOffer } from '../../../test/offers.js';
import { readOutbox } from '../../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let follower: TestUser;
let frenchFollower: TestUser;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
  follower = await signedInUser(t, 'follower@follows.test');
  frenchFollower = await signedInUser(t, 'suiveur@follows.test');
  await t.database.db.update(users).set({ language: 'fr' }).where(eq(users.id, frenchFollower.id));
});
afterAll(() => t.close());

const mailsTo = (email: string) => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to === email);

/** A stage change of the offer written as the lifecycle writes one (a row of history, the offer's stage and version). */
async function changeStage(offerId: string, from: string, to: 'closed' | 'published' | 'expired', expiresOn?: string) {
  const at = new Date();
  await t.database.db.insert(offerStageChanges).values({ offerId, fromStage: from as 'published', toStage: to, changedAt: at });
  await t.database.db
    .update(offers)
    .set({ stage: to, version: sql`${offers.version} + 1`, updatedAt: at, ...(expiresOn ? { expiresOn } : {}) })
    .where(eq(offers.id, offerId));
}

describe('following an offer', () => {
  it('follows and unfollows a published offer, and lists the followed ones', async () => {
    const offer = await insertOffer(t, 'example-ceratech', { title: { original: 'fr', fr: 'Céramique à suivre' } });
    const put = await follower.send('PUT', `/api/v1/offers/${offer.slug}/follow`);
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toEqual({ offer: offer.slug, following: true } satisfies FollowState);
    // again: nothing changes
    expect((await follower.send('PUT', `/api/v1/offers/${offer.slug}/follow`)).statusCode).toBe(200);
    const mine = (await follower.get('/api/v1/my/follows')).json() as MyFollows;
    expect(mine.items.map((i) => i.offer.slug)).toEqual([offer.slug]);
    const del = await follower.send('DELETE', `/api/v1/offers/${offer.slug}/follow`);
    expect(del.json()).toEqual({ offer: offer.slug, following: false });
    expect(((await follower.get('/api/v1/my/follows')).json() as MyFollows).items).toEqual([]);
  });

  it('refuses the signed-out, an unpublished offer, and an offer that is not there', async () => {
    const offer = await insertOffer(t, 'example-ceratech');
    expect((await t.app.inject({ method: 'PUT', url: `/api/v1/offers/${offer.slug}/follow` })).statusCode).toBe(401);
    const closed = await insertOffer(t, 'example-ceratech', { stage: 'closed' });
    const refused = await follower.send('PUT', `/api/v1/offers/${closed.slug}/follow`);
    expect(refused.statusCode).toBe(404);
    const draftOfMine = await insertOffer(t, 'example-ceratech', { stage: 'draft' });
    const member = await signedInUser(t, 'ceratech@follows.test', [{ role: 'member', organisationSlug: 'example-ceratech' }]);
    const notPublished = await member.send('PUT', `/api/v1/offers/${draftOfMine.slug}/follow`);
    expect(notPublished.statusCode).toBe(409);
    expect(notPublished.json().error.code).toBe('offer_not_published');
    expect((await follower.send('PUT', '/api/v1/offers/no-such-offer/follow')).statusCode).toBe(404);
  });

  it('lists an anonymous offer without its owner', async () => {
    const offer = await insertOffer(t, 'example-porcelaine', { anonymous: true });
    await follower.send('PUT', `/api/v1/offers/${offer.slug}/follow`);
    const mine = (await follower.get('/api/v1/my/follows')).json() as MyFollows;
    expect(mine.items.find((i) => i.offer.slug === offer.slug)!.offer.organisation).toBeNull();
    expect(JSON.stringify(mine)).not.toContain('example-porcelaine');
    await follower.send('DELETE', `/api/v1/offers/${offer.slug}/follow`);
  });
});

describe('follow updates', () => {
  it('mails each follower once per change, in their language, with one-click unsubscribe, naming no anonymous owner', async () => {
    const offer = await insertOffer(t, 'example-porcelaine', {
      anonymous: true,
      title: { original: 'fr', fr: 'Frittage de porcelaine technique', en: 'Sintering of technical porcelain' },
    });
    await follower.send('PUT', `/api/v1/offers/${offer.slug}/follow`);
    await frenchFollower.send('PUT', `/api/v1/offers/${offer.slug}/follow`);
    // a follow made now: what happened before it is not news; the run after a change tells it
    await new Promise((r) => setTimeout(r, 20));
    await changeStage(offer.id, 'published', 'published', '2027-06-30');
    await t.services.jobs.runner.runDue();
    const [english] = mailsTo(follower.email);
    const [french] = mailsTo(frenchFollower.email);
    expect(english!.subject).toBe('«Sintering of technical porcelain» is renewed until 30 June 2027');
    expect(french!.subject).toBe('«\u00a0Frittage de porcelaine technique\u00a0» est renouvelée jusqu’au 30 juin 2027');
    expect(french!.headers.get('list-unsubscribe')).toMatch(/^<https?:\/\/.+\/api\/v1\/unsubscribe\/f\./);
    expect(french!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const owner = (await t.services.repos.organisations.getBySlug('example-porcelaine'))!;
    for (const mail of [english!, french!]) {
      const all = `${mail.subject}\n${mail.text}\n${[...mail.headers.values()].join('\n')}`;
      for (const trace of [owner.slug, owner.id, owner.name.fr, owner.name.en, owner.name.ru].filter(Boolean))
        expect(all).not.toContain(trace!);
    }

    // the next runs (overlapping the last one's window) tell nothing twice
    await t.services.offerFollows.updates.run();
    await t.services.offerFollows.updates.run();
    expect(mailsTo(follower.email)).toHaveLength(1);

    // an edit, then the closing: one mail each
    await t.database.db
      .update(offers)
      .set({ version: sql`${offers.version} + 1`, updatedAt: new Date() })
      .where(eq(offers.id, offer.id));
    await t.services.offerFollows.updates.run();
    await changeStage(offer.id, 'published', 'closed');
    await t.services.offerFollows.updates.run();
    await t.services.offerFollows.updates.run();
    expect(mailsTo(frenchFollower.email).map((m) => m.subject)).toEqual([
      '«\u00a0Frittage de porcelaine technique\u00a0» est renouvelée jusqu’au 30 juin 2027',
      '«\u00a0Frittage de porcelaine technique\u00a0» a été modifiée',
      '«\u00a0Frittage de porcelaine technique\u00a0» est close',
    ]);
    expect(mailsTo(follower.email)).toHaveLength(3);
  });

  it('tells each change once when runs overlap, and a follow made twice at once is one follow', async () => {
    const offer = await insertOffer(t, 'example-ceratech', { title: { original: 'en', en: 'Raced' } });
    const racer = await signedInUser(t, 'racer@follows.test');
    const puts = await Promise.all([1, 2, 3].map(() => racer.send('PUT', `/api/v1/offers/${offer.slug}/follow`)));
    expect(puts.map((r) => r.statusCode)).toEqual([200, 200, 200]);
    expect(((await racer.get('/api/v1/my/follows')).json() as MyFollows).items).toHaveLength(1);
    await new Promise((r) => setTimeout(r, 20));
    await changeStage(offer.id, 'published', 'closed');
    // three runs at once (several processes, or a run resumed beside a new one)
    await Promise.all([1, 2, 3].map(() => t.services.offerFollows.updates.run()));
    expect(mailsTo(racer.email).map((m) => m.subject)).toEqual(['«Raced» is closed']);
  });

  it('tells nobody who stopped following', async () => {
    const offer = await insertOffer(t, 'example-ceratech', { title: { original: 'en', en: 'Left behind' } });
    const quitter = await signedInUser(t, 'quitter@follows.test');
    await quitter.send('PUT', `/api/v1/offers/${offer.slug}/follow`);
    await quitter.send('DELETE', `/api/v1/offers/${offer.slug}/follow`);
    await changeStage(offer.id, 'published', 'closed');
    await t.services.offerFollows.updates.run();
    expect(mailsTo(quitter.email)).toEqual([]);
  });
});
