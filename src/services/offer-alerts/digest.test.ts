import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestDeliveries, savedSearches, users } from '../../db/schema/index.js';
import { insertOffer } from '../../test/offers.js';
import { readOutbox } from '../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../test/users.js';
import { DIGEST_JOBS, digestPeriod } from './digest.js';

let t: TestPlatform;
let french: TestUser;
let russian: TestUser;
const hour = 3_600_000;
const now = Date.now();

const save = async (user: TestUser, name: string, query: object, extra: Partial<typeof savedSearches.$inferInsert> = {}) =>
  (
    await t.database.db
      .insert(savedSearches)
      .values({ userId: user.id, name, query, frequency: 'daily', coveredUntil: new Date(now - 48 * hour), ...extra })
      .returning()
  )[0]!;
const mailsTo = (email: string) => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to === email);

/** One period's run, as the runner runs it: queued, claimed and run; its row afterwards. */
async function runPeriod(period: string, until = new Date(now)) {
  const id = await t.services.jobs.runner.enqueue(DIGEST_JOBS.send, { frequency: 'daily', period, until: until.toISOString() });
  await t.services.jobs.runner.runDue();
  return (await t.services.repos.jobs.get(id!))!;
}

beforeAll(async () => {
  t = await createTestPlatform();
  french = await signedInUser(t, 'digest.fr@example.test', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
  russian = await signedInUser(t, 'digest.ru@example.test', [{ role: 'org_editor', organisationSlug: 'airko' }]);
  await t.database.db.update(users).set({ language: 'fr' }).where(eq(users.id, french.id));
  await t.database.db.update(users).set({ language: 'ru' }).where(eq(users.id, russian.id));
  await insertOffer(t, 'iate-mephi', {
    kind: 'technology_request',
    title: { original: 'ru', ru: 'Ищем керамические фильтры для очистки расплавленного металла' },
    anonymous: true,
    publishedAt: new Date(now - 2 * hour),
  });
  await insertOffer(t, 'ardl', {
    kind: 'business_offer',
    title: { original: 'fr', fr: 'Distribution de porcelaine de Limoges en Russie' },
    publishedAt: new Date(now - 3 * hour),
  });
  // published before the saved searches' coverage: in no digest
  await insertOffer(t, 'airko', { title: { original: 'en', en: 'Old ceramic filters' }, publishedAt: new Date(now - 72 * hour) });
});
afterAll(() => t.close());

describe('the digest of saved searches', () => {
  it('mails each saved search the new offers it finds, in the recipient’s language, with the reasons and one-click unsubscribe, naming no anonymous owner', async () => {
    const filters = await save(french, 'Filtres céramiques', { q: 'filtres céramiques' });
    await save(french, 'Nothing', { q: 'quantum teleportation' });
    await save(russian, 'Фарфор', { q: 'фарфор' });
    await save(russian, 'Stopped', { q: 'фарфор' }, { unsubscribedAt: new Date() });
    const job = await runPeriod('2026-12-01');
    expect(job.state).toBe('done');
    expect(job.progress).toEqual({ done: 3, total: 3 });
    const [mail, ...more] = mailsTo('digest.fr@example.test');
    expect(more).toHaveLength(0);
    expect(mail!.subject).toBe('1 nouvelle offre pour «\u00a0Filtres céramiques\u00a0»');
    expect(mail!.text).toContain('Ищем керамические фильтры');
    expect(mail!.text).toContain('Pourquoi\u00a0:');
    expect(mail!.text).not.toContain('Old ceramic filters');
    const organisation = (await t.services.repos.organisations.getBySlug('iate-mephi'))!;
    for (const trace of [organisation.slug, organisation.name.en!, organisation.name.ru!].filter(Boolean)) {
      expect(mail!.text).not.toContain(trace);
      expect(mail!.subject).not.toContain(trace);
    }
    const unsubscribe = mail!.headers.get('list-unsubscribe')!;
    expect(unsubscribe).toMatch(/^<https?:\/\/.+\/api\/v1\/unsubscribe\/s\..+>$/);
    expect(mail!.headers.get('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    const [ru] = mailsTo('digest.ru@example.test');
    expect(ru!.subject).toContain('Новые предложения по запросу «Фарфор»');
    expect(ru!.text).toContain('Distribution de porcelaine');
    // its coverage moved on: the next period has nothing new for it
    const [after] = await t.database.db.select().from(savedSearches).where(eq(savedSearches.id, filters.id));
    expect(after!.coveredUntil.getTime()).toBe(now);
  });

  it('sends nothing twice for a period: a run that resumes skips what was delivered', async () => {
    const before = readOutbox(t.services.repos.mail.folder!).length;
    const again = await runPeriod('2026-12-01');
    expect(again.progress).toEqual({ done: 0, total: 0 });
    expect(readOutbox(t.services.repos.mail.folder!).length).toBe(before);
  });

  it('skips a saved search whose digest was recorded before a crash, and delivers the others', async () => {
    const late = await signedInUser(t, 'digest.late@example.test', [{ role: 'org_editor', organisationSlug: 'ardl' }]);
    const delivered = await save(late, 'Delivered', { q: 'porcelaine' }, { coveredUntil: new Date(now - 48 * hour) });
    await save(late, 'Pending', { q: 'filtres' }, { coveredUntil: new Date(now - 48 * hour) });
    await t.database.db.insert(digestDeliveries).values({ savedSearchId: delivered.id, period: '2026-12-02', offerCount: 1 });
    await runPeriod('2026-12-02');
    const mails = mailsTo('digest.late@example.test');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain('фильтры');
  });

  it('keys periods by day and ISO week', () => {
    expect(digestPeriod('daily', new Date('2026-12-01T05:00:00Z'))).toBe('2026-12-01');
    expect(digestPeriod('weekly', new Date('2026-12-01T05:00:00Z'))).toBe('2026-W49');
    expect(digestPeriod('weekly', new Date('2027-01-01T05:00:00Z'))).toBe('2026-W53');
    expect(digestPeriod('weekly', new Date('2025-12-29T05:00:00Z'))).toBe('2026-W01');
  });
});

describe('POST /api/v1/admin/jobs/digests', () => {
  it('lets an administrator send a frequency’s digests at once, each with only what it has not had, and refuses everyone else', async () => {
    const admin = await signedInUser(t, 'digest.admin@example.test', [{ role: 'platform_admin' }]);
    await save(french, 'Porcelaine', { q: 'porcelaine' });
    const before = mailsTo('digest.fr@example.test').length;
    expect((await french.send('POST', '/api/v1/admin/jobs/digests', { frequency: 'daily' })).statusCode).toBe(403);
    const unknown = await admin.send('POST', '/api/v1/admin/jobs/digests', { frequency: 'hourly' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.field).toBe('body.frequency');
    const res = await admin.send('POST', '/api/v1/admin/jobs/digests', { frequency: 'daily' });
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ name: DIGEST_JOBS.send, state: 'queued' });
    await t.services.jobs.runner.runDue();
    expect((await admin.get(`/api/v1/admin/jobs?name=${DIGEST_JOBS.send}`)).json().items[0]).toMatchObject({
      id: res.json().id,
      state: 'done',
    });
    expect(
      mailsTo('digest.fr@example.test')
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['1 nouvelle offre pour «\u00a0Porcelaine\u00a0»']);
    // sent again at once: nothing was published since, so no one gets a second mail
    expect((await admin.send('POST', '/api/v1/admin/jobs/digests', { frequency: 'daily' })).statusCode).toBe(202);
    await t.services.jobs.runner.runDue();
    expect(mailsTo('digest.fr@example.test')).toHaveLength(before + 1);
  });
});
