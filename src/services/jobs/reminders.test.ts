import { eq, inArray, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooperationRecords, jobs, namedParties, recordMilestones, recordParties } from '../../db/schema/index.js';
import type { Language } from '../../shared/languages.js';
import { readOutbox } from '../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { REMINDER_JOBS } from './reminders.js';

const DAY = 24 * 60 * 60_000;
let now = new Date('2026-12-01T08:30:00Z');
const clock = { now: () => now };
const day = (offset: number) => new Date(now.getTime() + offset * DAY).toISOString().slice(0, 10);

let t: TestPlatform;
const orgs: Record<string, string> = {};
const recordIds: string[] = [];

/** A person with a language preference and a role in one of the demo organisations. */
async function person(email: string, language: Language, role: 'org_admin' | 'org_editor', slug: string) {
  const repos = t.services.repos;
  const user = await repos.accounts.createUser({ email, passwordHash: 'x', displayName: email, language, emailConfirmedAt: now });
  await repos.accounts.grant({ userId: user.id, role, regionCode: null, organisationId: orgs[slug]! });
  return user;
}

async function record(
  values: Partial<typeof cooperationRecords.$inferInsert> & Pick<typeof cooperationRecords.$inferInsert, 'kind' | 'stage'>,
) {
  const db = t.database.db;
  const slug = `reminder-test-${recordIds.length + 1}`;
  const [row] = await db
    .insert(cooperationRecords)
    .values({
      slug,
      title: {
        original: 'ru',
        ru: 'Соглашение о сотрудничестве в области керамики',
        fr: 'Accord de coopération sur la céramique',
        en: 'Ceramics cooperation agreement',
      },
      ...values,
    })
    .returning();
  recordIds.push(row!.id);
  const [named] = await db
    .insert(namedParties)
    .values({ name: { original: 'fr', fr: 'Technopôle du Limousin' }, kind: 'technopark', regionCode: 'FR-87', countryCode: 'FR' })
    .returning();
  await db.insert(recordParties).values([
    { recordId: row!.id, position: 0, organisationId: orgs['obninsk-house-of-scientists']!, role: 'signatory' },
    { recordId: row!.id, position: 1, organisationId: orgs['limousin-technical-university']!, role: 'signatory' },
    { recordId: row!.id, position: 2, namedPartyId: named!.id, role: 'observer' },
  ]);
  return row!;
}

const mineOnly = () => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to.endsWith('@reminders.test'));
const runJobs = () => t.services.jobs.runner.runDue();
/** The registry is looked through once an hour: a record added is reminded of at the next hour's scan. */
const nextHour = () => {
  now = new Date(now.getTime() + 60 * 60_000);
  return runJobs();
};

beforeAll(async () => {
  t = await createTestPlatform({ clock });
  for (const slug of ['obninsk-house-of-scientists', 'limousin-technical-university'])
    orgs[slug] = (await t.services.repos.organisations.getBySlug(slug))!.id;
  await person('ru.admin@reminders.test', 'ru', 'org_admin', 'obninsk-house-of-scientists');
  await person('ru.editor@reminders.test', 'ru', 'org_editor', 'obninsk-house-of-scientists');
  await person('fr.admin@reminders.test', 'fr', 'org_admin', 'limousin-technical-university');
});
afterAll(async () => {
  await t.database.db.delete(jobs).where(like(jobs.name, 'reminders.%'));
  if (recordIds.length > 0) await t.database.db.delete(cooperationRecords).where(inArray(cooperationRecords.id, recordIds));
  await t.close();
});

describe('reminders of agreements that end soon', () => {
  it("e-mails each party's administrators in their language 60 days before the end, once, then again 7 days before", async () => {
    const agreement = await record({ kind: 'agreement', stage: 'in_force', validUntil: day(30), validUntilLast: day(30) });
    // not reminded: a draft, one already expired, one ending beyond the 60 days
    await record({ kind: 'agreement', stage: 'draft', validUntil: day(20), validUntilLast: day(20) });
    await record({ kind: 'agreement', stage: 'in_force', validUntil: day(-1), validUntilLast: day(-1) });
    await record({ kind: 'agreement', stage: 'signed', validUntil: day(90), validUntilLast: day(90) });

    await runJobs();
    const mails = mineOnly();
    expect(mails.map((m) => m.to).sort()).toEqual(['fr.admin@reminders.test', 'ru.admin@reminders.test']);
    const ru = mails.find((m) => m.to === 'ru.admin@reminders.test')!;
    expect(ru.subject).toBe('Соглашение о сотрудничестве в области керамики: соглашение истекает через 30 дней');
    expect(ru.text).toContain(`http://localhost:3000/cooperation/agreements/${agreement.slug}`);
    expect(ru.text).toContain('(действует до: 31 декабря 2026 г.)');
    expect(ru.text).toContain('стороной которого является Дом учёных Обнинска');
    const fr = mails.find((m) => m.to === 'fr.admin@reminders.test')!;
    expect(fr.subject).toBe("Accord de coopération sur la céramique\u00a0: l'accord prend fin dans 30 jours");
    expect(fr.text).toContain('(fin de validité\u00a0: 31 décembre 2026)');
    expect(fr.text).toContain('auquel Université technique du Limousin est partie');

    // a second run, and the next hour's scan, send nothing again
    await runJobs();
    await nextHour();
    expect(mineOnly()).toHaveLength(2);

    // 7 days before the end: the second reminder, once
    now = new Date(now.getTime() + 24 * DAY);
    await runJobs();
    await runJobs();
    const sevenDays = mineOnly().slice(2);
    expect(sevenDays.map((m) => m.to).sort()).toEqual(['fr.admin@reminders.test', 'ru.admin@reminders.test']);
    expect(sevenDays.find((m) => m.to === 'fr.admin@reminders.test')!.subject).toMatch(/dans 6 jours$/);
    expect(sevenDays.find((m) => m.to === 'ru.admin@reminders.test')!.subject).toMatch(/через 6 дней$/);
    const sent = await t.database.db.select().from(jobs).where(eq(jobs.name, REMINDER_JOBS.agreementEnding));
    expect(sent.every((j) => j.state === 'done')).toBe(true);
  });

  it('sends one first seen 5 days before its end the 7-day reminder alone, and an extended one again for its new end', async () => {
    const before = mineOnly().length;
    const agreement = await record({ kind: 'agreement', stage: 'in_force', validUntil: day(5), validUntilLast: day(5) });
    await nextHour();
    await nextHour();
    const first = mineOnly().slice(before);
    expect(first.map((m) => m.to).sort()).toEqual(['fr.admin@reminders.test', 'ru.admin@reminders.test']);
    expect(first.every((m) => m.text.includes(`/cooperation/agreements/${agreement.slug}`))).toBe(true);

    // renewed for a month: the new end is reminded of, once, when it comes near
    await t.database.db
      .update(cooperationRecords)
      .set({ validUntil: day(35), validUntilLast: day(35) })
      .where(eq(cooperationRecords.id, agreement.id));
    await nextHour();
    await nextHour();
    expect(
      mineOnly()
        .slice(before + 2)
        .map((m) => m.subject),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/через 35 дней$/), expect.stringMatching(/dans 35 jours$/)]));
    expect(mineOnly().slice(before)).toHaveLength(4);
  });

  it('names a validity known to the month as the month, never as its first day', async () => {
    const before = mineOnly().length;
    const month = day(20).slice(0, 7);
    const lastDay = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).toISOString().slice(0, 10);
    await record({ kind: 'agreement', stage: 'signed', validUntil: month, validUntilLast: lastDay });
    await nextHour();
    const fr = mineOnly()
      .slice(before)
      .find((m) => m.to === 'fr.admin@reminders.test')!;
    const monthName = new Intl.DateTimeFormat('fr', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
      new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1)),
    );
    expect(fr.text).toContain(`fin de validité\u00a0: ${monthName})`);
  });
});

describe('reminders of overdue milestones', () => {
  it("e-mails the initiative's party administrators once per overdue milestone, not for a done, a future or a long-past one", async () => {
    const before = mineOnly().length;
    const initiative = await record({ kind: 'initiative', stage: 'active' });
    await t.database.db.insert(recordMilestones).values([
      { recordId: initiative.id, position: 0, title: { original: 'fr', fr: 'Premier prototype', ru: 'Первый прототип' }, dueOn: day(-3) },
      { recordId: initiative.id, position: 1, title: { original: 'fr', fr: 'Essais' }, dueOn: day(-5), doneOn: day(-6) },
      { recordId: initiative.id, position: 2, title: { original: 'fr', fr: 'Rapport final' }, dueOn: day(10) },
      // overdue for more than a month: history (an initiative recorded after the fact), not a reminder
      { recordId: initiative.id, position: 3, title: { original: 'fr', fr: 'Lancement' }, dueOn: day(-400) },
    ]);
    await nextHour();
    await nextHour();
    const mails = mineOnly().slice(before);
    expect(mails.map((m) => m.to).sort()).toEqual(['fr.admin@reminders.test', 'ru.admin@reminders.test']);
    const ru = mails.find((m) => m.to === 'ru.admin@reminders.test')!;
    expect(ru.subject).toBe('Соглашение о сотрудничестве в области керамики: просрочен этап «Первый прототип»');
    expect(ru.text).toContain(`/cooperation/initiatives/${initiative.slug}`);
    const fr = mails.find((m) => m.to === 'fr.admin@reminders.test')!;
    expect(fr.subject).toContain('le jalon «\u00a0Premier prototype\u00a0» est en retard');
  });
});
