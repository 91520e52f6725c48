import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jobs, offers, offerStageChanges } from '../../db/schema/index.js';
import type { Language } from '../../shared/languages.js';
import { insertOffer } from '../../test/offers.js';
import { readOutbox } from '../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { loadConfig } from '../../config/config.js';
import { dueWarning, OFFER_EXPIRY_JOBS } from './offer-expiry.js';

const DAY = 24 * 60 * 60_000;
let now = new Date('2026-12-01T08:30:00Z');
const clock = { now: () => now };
const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

let t: TestPlatform;
const offerIds: string[] = [];

async function person(email: string, language: Language, role: 'org_admin' | 'org_editor' | 'member') {
  const repos = t.services.repos;
  const airko = (await repos.organisations.getBySlug('airko'))!;
  const user = await repos.accounts.createUser({ email, passwordHash: 'x', displayName: email, language, emailConfirmedAt: now });
  await repos.accounts.grant({ userId: user.id, role, regionCode: null, organisationId: airko.id });
}

async function offer(values: Parameters<typeof insertOffer>[2]) {
  const row = await insertOffer(t, 'airko', {
    title: { original: 'ru', ru: 'Поиск партнёра по керамическим мембранам', fr: 'Recherche de partenaire en membranes céramiques' },
    ...values,
  });
  offerIds.push(row.id);
  return row;
}

const mine = () => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to.endsWith('@expiry.test'));
const runJobs = () => t.services.jobs.runner.runDue();
const later = (ms: number) => {
  now = new Date(now.getTime() + ms);
  return runJobs();
};
const stageOf = async (id: string) =>
  (await t.database.db.select({ stage: offers.stage, warned: offers.expiryWarnedDays }).from(offers).where(eq(offers.id, id)))[0]!;

beforeAll(async () => {
  t = await createTestPlatform({ clock });
  await person('ru.admin@expiry.test', 'ru', 'org_admin');
  await person('fr.editor@expiry.test', 'fr', 'org_editor');
  await person('en.member@expiry.test', 'en', 'member');
});
afterAll(async () => {
  await t.database.db.delete(jobs).where(like(jobs.name, 'offers.%'));
  if (offerIds.length > 0) await t.database.db.delete(offers).where(inArray(offers.id, offerIds));
  await t.close();
});

describe('OFFER_EXPIRY_WARNING_DAYS', () => {
  it('defaults to 14 and 3 days, and refuses what is not a list of days', () => {
    expect(loadConfig({}).offerExpiryWarningDays).toEqual([14, 3]);
    expect(loadConfig({ OFFER_EXPIRY_WARNING_DAYS: '7, 30,7' }).offerExpiryWarningDays).toEqual([30, 7]);
    expect(() => loadConfig({ OFFER_EXPIRY_WARNING_DAYS: '7,soon' })).toThrow(/OFFER_EXPIRY_WARNING_DAYS/);
    expect(() => loadConfig({ OFFER_EXPIRY_WARNING_DAYS: '0' })).toThrow(/OFFER_EXPIRY_WARNING_DAYS/);
  });
});

describe('the warning due', () => {
  it('is the smallest threshold reached, once for each expiry', () => {
    expect(dueWarning(20, [14, 3], null)).toBeNull();
    expect(dueWarning(14, [14, 3], null)).toBe(14);
    expect(dueWarning(10, [14, 3], 14)).toBeNull();
    expect(dueWarning(2, [14, 3], null)).toBe(3);
    expect(dueWarning(2, [14, 3], 14)).toBe(3);
    expect(dueWarning(0, [14, 3], 3)).toBeNull();
  });
});

describe('the expiry job', () => {
  it('expires published offers past their last day, by nobody, and leaves the others', async () => {
    const past = await offer({ expiresOn: day(-1), deadline: null });
    const lastDay = await offer({ expiresOn: day(0) });
    const draft = await offer({ expiresOn: day(-3), stage: 'draft' });
    await runJobs();
    expect((await stageOf(past.id)).stage).toBe('expired');
    expect((await stageOf(lastDay.id)).stage).toBe('published');
    expect((await stageOf(draft.id)).stage).toBe('draft');
    const history = await t.database.db.select().from(offerStageChanges).where(eq(offerStageChanges.offerId, past.id));
    expect(history.find((h) => h.toStage === 'expired')).toMatchObject({ fromStage: 'published', changedBy: null });
    const [audited] = await t.services.repos.audit.list({ entityType: 'offer', entityId: past.id, action: 'offer.expired' }, 5);
    expect(audited).toMatchObject({ actorId: null, regionCode: 'RU-KLU' });
    // the next day, the one on its last day today is expired too
    await later(DAY);
    expect((await stageOf(lastDay.id)).stage).toBe('expired');
  });

  it('warns the owner’s administrators and editors in their language at 14 and 3 days, each once', async () => {
    const before = mine().length;
    const soon = await offer({ expiresOn: day(10), deadline: null });
    // the offers are looked through once an hour: the next hour's scan finds it
    await later(60 * 60_000);
    const first = mine().slice(before);
    // the member is not told; the admin in Russian, the editor in French
    expect(first.map((m) => m.to).sort()).toEqual(['fr.editor@expiry.test', 'ru.admin@expiry.test']);
    const ru = first.find((m) => m.to === 'ru.admin@expiry.test')!;
    expect(ru.subject).toBe('Поиск партнёра по керамическим мембранам: срок публикации истекает через 11 дней');
    expect(ru.text).toContain(`http://localhost:3000/marketplace/${soon.slug}`);
    const fr = first.find((m) => m.to === 'fr.editor@expiry.test')!;
    // French typography: a (narrow) no-break space before the colon
    expect(fr.subject).toMatch(/^Recherche de partenaire en membranes céramiques\u00a0: votre offre expire dans 11 jours$/u);
    expect(fr.text).toContain(`/marketplace/${soon.slug}`);
    expect((await stageOf(soon.id)).warned).toBe(14);

    // again, and the next hours: nothing more
    await runJobs();
    await later(60 * 60_000);
    await later(60 * 60_000);
    expect(mine().slice(before)).toHaveLength(2);

    // 3 days before: the second warning, once
    await later(8 * DAY);
    await later(60 * 60_000);
    const second = mine().slice(before + 2);
    expect(second.map((m) => m.to).sort()).toEqual(['fr.editor@expiry.test', 'ru.admin@expiry.test']);
    expect(second.find((m) => m.to === 'ru.admin@expiry.test')!.subject).toMatch(/через 3 дня$/);
    expect((await stageOf(soon.id)).warned).toBe(3);
    const sent = await t.database.db.select().from(jobs).where(eq(jobs.name, OFFER_EXPIRY_JOBS.warning));
    expect(sent.every((j) => j.state === 'done')).toBe(true);
  });

  it('sends one first seen 2 days before its end the 3-day warning alone, and a renewed one again for its new expiry', async () => {
    const before = mine().length;
    const late = await offer({ expiresOn: day(2), deadline: null });
    await later(60 * 60_000);
    await later(60 * 60_000);
    expect(mine().slice(before)).toHaveLength(2);
    // renewed (as the lifecycle does it: a new expiry, the warnings reset): warned again when it comes near
    await t.database.db
      .update(offers)
      .set({ expiresOn: day(12), expiryWarnedDays: null })
      .where(eq(offers.id, late.id));
    await later(60 * 60_000);
    expect(
      mine()
        .slice(before + 2)
        .map((m) => m.subject),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/через 13 дней$/)]));
    expect(mine().slice(before)).toHaveLength(4);
  });

  it('sends nothing for an offer closed after its warning was queued', async () => {
    const before = mine().length;
    const closing = await offer({ expiresOn: day(5), deadline: null });
    await t.services.jobs.offerExpiry.queueWarnings(t.services.jobs.runner);
    await t.database.db.update(offers).set({ stage: 'closed' }).where(eq(offers.id, closing.id));
    await runJobs();
    expect(mine().slice(before)).toHaveLength(0);
  });
});
