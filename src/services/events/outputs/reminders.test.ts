import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { meetings } from '../../../db/schema/index.js';
import { insertEvent, insertParticipationType, insertRegistration, insertSlots } from '../../../test/events.js';
import { insertMeeting } from '../../../test/meetings.js';
import { readOutbox } from '../../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';

const HOUR = 3_600_000;
let now = new Date('2027-03-01T06:00:00Z');
const clock = { now: () => now };
let t: TestPlatform;

const mailsTo = (email: string) => readOutbox(t.services.repos.mail.folder!).filter((m) => m.to === email);
const run = () => t.services.jobs.runner.runDue();

let ids: { soon: string; later: string; preliminary: string };

beforeAll(async () => {
  t = await createTestPlatform({ clock });
  const start = new Date('2027-03-02T06:00:00Z'); // 09:00 in Moscow
  const event = await insertEvent(t, ['iate-mephi'], {
    title: { original: 'ru', ru: 'Биржа контактов', fr: 'Rencontres d’affaires', en: 'Brokerage event' },
    startsAt: start,
    endsAt: new Date(start.getTime() + 10 * HOUR),
    scheduleState: 'final',
  });
  const type = await insertParticipationType(t, event.id);
  const user = await t.services.repos.accounts.createUser({
    email: 'ivan@reminders.test',
    passwordHash: 'x',
    displayName: 'Ivan',
    language: 'ru',
    emailConfirmedAt: now,
  });
  // a member registered through their account (their account's address) and a guest with an address of their own
  const ivan = await insertRegistration(t, event.id, type.id, { userId: user.id, name: 'Иван Петров', language: 'ru' });
  const anne = await insertRegistration(t, event.id, type.id, {
    name: 'Anne Dupont',
    email: 'anne@reminders.test',
    organisationName: 'Agence régionale',
    language: 'fr',
  });
  const zoe = await insertRegistration(t, event.id, type.id, { name: 'Zoé', email: 'zoe@reminders.test', language: 'en' });
  const slots = await insertSlots(t, event.id, start, 6, 30, 4);
  ids = {
    soon: (await insertMeeting(t, event.id, { requesterId: ivan.id, recipientId: anne.id, slotId: slots[1]!.id, tableNumber: 2 })).meeting
      .id,
    // in the window only two hours later
    later: (
      await insertMeeting(t, event.id, {
        requesterId: zoe.id,
        recipientId: anne.id,
        slotId: slots[4]!.id, // 08:00Z, 11:00 in Moscow
        tableNumber: 1,
      })
    ).meeting.id,
    preliminary: (
      await insertMeeting(t, event.id, {
        requesterId: ivan.id,
        recipientId: zoe.id,
        slotId: slots[3]!.id,
        tableNumber: 1,
        status: 'preliminary',
      })
    ).meeting.id,
  };
});
afterAll(() => t.close());

describe('meeting reminders on the job runner', () => {
  it('e-mails each participant their meetings within the window once, in their language, times in the event’s zone', async () => {
    now = new Date('2027-03-01T06:45:00Z'); // 24 h before 06:30Z: only the 06:30 meeting is in the window
    await run();
    const anne = mailsTo('anne@reminders.test');
    expect(anne).toHaveLength(1);
    expect(anne[0]!.subject).toBe('Vos rendez-vous à « Rencontres d’affaires »');
    expect(anne[0]!.text).toContain('09:30–10:00 (Europe/Moscow) — Table 2 — Иван Петров');
    expect(anne[0]!.text).toContain('/agenda');
    const ivan = mailsTo('ivan@reminders.test');
    expect(ivan).toHaveLength(1);
    expect(ivan[0]!.subject).toBe('Ваши встречи на «Биржа контактов»');
    expect(ivan[0]!.text).toContain('Стол 2 — Anne Dupont (Agence régionale)');
    // a preliminary meeting is not reminded
    expect(mailsTo('zoe@reminders.test')).toHaveLength(0);
    const [soon] = await t.database.db.select().from(meetings).where(eq(meetings.id, ids.soon));
    expect(soon!.remindedAt).not.toBeNull();

    // a rerun within the period, and the next period: nothing twice
    await t.services.events.reminders.run();
    now = new Date(now.getTime() + 20 * 60_000);
    await run();
    expect(mailsTo('anne@reminders.test')).toHaveLength(1);
    expect(mailsTo('ivan@reminders.test')).toHaveLength(1);
  });

  it('reminds of a later meeting once it comes within the window, without the one already reminded', async () => {
    now = new Date('2027-03-01T08:10:00Z');
    await run();
    const anne = mailsTo('anne@reminders.test');
    expect(anne).toHaveLength(2);
    expect(anne[1]!.text).toContain('11:00–11:30 (Europe/Moscow) — Table 1 — Zoé');
    expect(anne[1]!.text).not.toContain('Иван Петров');
    const zoe = mailsTo('zoe@reminders.test');
    expect(zoe).toHaveLength(1);
    expect(zoe[0]!.subject).toBe('Your meetings at "Brokerage event"');
    expect(mailsTo('ivan@reminders.test')).toHaveLength(1);
  });
});
