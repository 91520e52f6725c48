import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offerStageChanges } from '../../../db/schema/index.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';
import { createOffer, expectStatus, move, offerPeople, request, type OfferPeople } from './offers-fixtures.js';

/**
 * Offers' invariants when requests come at once. On PostgreSQL each request has a connection of its own and
 * the races are real; PGlite serialises them (the tests pass there trivially). Each race runs ROUNDS times.
 */
const ROUNDS = 10;

let t: TestPlatform;
let p: OfferPeople;
let secondCoordinator: TestUser;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await offerPeople(t, 'races');
  secondCoordinator = await signedInUser(t, 'second.coordinator.races@example.org', [
    { role: 'regional_coordinator', regionCode: 'RU-KLU' },
  ]);
}, 60_000);
afterAll(() => t.close());

const outcome = (answers: { statusCode: number; json(): { error?: { code: string } } }[]) =>
  answers.map((a) => (a.statusCode < 300 ? 'ok' : a.json().error!.code)).sort();

describe(`on ${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'}`, () => {
  it('takes one of two stage changes sent at once with the same If-Match, and refuses the other with 409', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const offer = await createOffer(t, p.iateEditor);
      expectStatus(await move(t, p.iateEditor, offer.slug, { to: 'submitted' }, 1), 200);
      // two coordinators decide at once: one publishes, the other returns
      const answers = await Promise.all([
        move(t, p.kalugaCoordinator, offer.slug, { to: 'published' }, 2),
        move(t, secondCoordinator, offer.slug, { to: 'returned', reason: 'Нужны подробности.' }, 2),
      ]);
      expect(outcome(answers)).toEqual(['ok', 'version_conflict']);
      const history = await t.database.db.select().from(offerStageChanges).where(eq(offerStageChanges.offerId, offer.id));
      expect(history).toHaveLength(3);
      const now = expectStatus(await request(t, p.iateEditor, 'GET', `/api/v1/offers/${offer.slug}`), 200).json();
      expect(now.version).toBe(3);
      expect(now.history.at(-1).to).toBe(now.stage);
    }
  });

  it('keeps one of two edits sent at once with the same If-Match', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const offer = await createOffer(t, p.iateEditor);
      const answers = await Promise.all([
        request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 2 }, 1),
        request(t, p.iateEditor, 'PATCH', `/api/v1/offers/${offer.slug}`, { trl: 8 }, 1),
      ]);
      expect(outcome(answers)).toEqual(['ok', 'version_conflict']);
      const kept = answers.find((a) => a.statusCode === 200)!.json().trl;
      const now = expectStatus(await request(t, p.iateEditor, 'GET', `/api/v1/offers/${offer.slug}`), 200).json();
      expect(now).toMatchObject({ version: 2, trl: kept });
    }
  });
});
