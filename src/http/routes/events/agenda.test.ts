import ical, { type VEvent } from 'node-ical';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventSessions, events } from '../../../db/schema/index.js';
import type { Agenda } from '../../../shared/schemas/events/outputs.js';
import { atDay, insertEvent, insertParticipationType, insertRegistration, insertSlots } from '../../../test/events.js';
import { insertMeeting } from '../../../test/meetings.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let anne: TestUser; // a participant from Limousin, reading in French
let stranger: TestUser; // signed in, not registered
let event: Awaited<ReturnType<typeof insertEvent>>;
let mine: Awaited<ReturnType<typeof insertRegistration>>;
let ivan: Awaited<ReturnType<typeof insertRegistration>>;
let confirmedId: string;
let cancelledId: string;
let slotStart: Date;

beforeAll(async () => {
  t = await createTestPlatform();
  anne = await signedInUser(t, 'anne.agenda@example.org');
  stranger = await signedInUser(t, 'stranger.agenda@example.org');
  event = await insertEvent(t, ['iate-mephi'], {
    title: { original: 'ru', ru: 'Биржа контактов в Обнинске', fr: 'Rencontres d’affaires à Obninsk' },
    scheduleState: 'final',
  });
  const type = await insertParticipationType(t, event.id);
  mine = await insertRegistration(t, event.id, type.id, { userId: anne.id, name: 'Anne Dupont', language: 'fr' });
  ivan = await insertRegistration(t, event.id, type.id, { name: 'Иван Петров', organisationName: 'ИАТЭ НИЯУ МИФИ', language: 'ru' });
  const third = await insertRegistration(t, event.id, type.id, { name: 'Zoé Martin' });
  slotStart = atDay(30, 7); // 10:00 in Moscow
  const slots = await insertSlots(t, event.id, slotStart, 4, 20, 5);
  confirmedId = (
    await insertMeeting(t, event.id, { requesterId: ivan.id, recipientId: mine.id, slotId: slots[0]!.id, tableNumber: 3, version: 2 })
  ).meeting.id;
  cancelledId = (
    await insertMeeting(t, event.id, {
      requesterId: mine.id,
      recipientId: third.id,
      slotId: slots[2]!.id,
      tableNumber: 1,
      status: 'cancelled',
    })
  ).meeting.id;
  await t.database.db.insert(eventSessions).values({
    eventId: event.id,
    title: { original: 'ru', ru: 'Пленарное заседание', fr: 'Séance plénière' },
    startsAt: atDay(30, 6),
    endsAt: slotStart,
    room: 'Salle A',
  });
});
afterAll(() => t.close());

const base = () => `/api/v1/events/${event.slug}/agenda`;

describe('a participant’s agenda', () => {
  it('lists the programme and my meetings in time order, with table, counterpart and the event’s time zone', async () => {
    const res = await anne.get(`${base()}/mine?lang=fr`);
    expect(res.statusCode).toBe(200);
    const agenda = res.json<Agenda>();
    expect(agenda.timeZone).toBe('Europe/Moscow');
    expect(agenda.items.map((i) => i.kind)).toEqual(['session', 'meeting', 'meeting']);
    expect(agenda.items[0]).toMatchObject({ title: 'Séance plénière', room: 'Salle A' });
    expect(agenda.items[1]).toMatchObject({
      id: confirmedId,
      startsAt: slotStart.toISOString(),
      tableNumber: 3,
      status: 'confirmed',
      counterpart: { name: 'Иван Петров', organisationName: 'ИАТЭ НИЯУ МИФИ' },
      title: 'Rendez-vous avec Иван Петров (ИАТЭ НИЯУ МИФИ)',
    });
    expect(agenda.items[2]).toMatchObject({ id: cancelledId, status: 'cancelled' });
    expect(agenda.feedUrl).toMatch(new RegExp(`/api/v1/events/${event.slug}/agenda/feed/${mine.id}/[A-Za-z0-9_-]+\\.ics$`));
  });

  it('hides a preliminary schedule’s meetings from participants', async () => {
    await t.database.db.update(events).set({ scheduleState: 'preliminary' }).where(eq(events.id, event.id));
    try {
      const agenda = (await anne.get(`${base()}/mine`)).json<Agenda>();
      expect(agenda.scheduleState).toBe('preliminary');
      expect(agenda.items.map((i) => i.kind)).toEqual(['session']);
    } finally {
      await t.database.db.update(events).set({ scheduleState: 'final' }).where(eq(events.id, event.id));
    }
  });

  it('is no one else’s: a visitor must sign in, a member not registered gets a 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: `${base()}/mine` })).statusCode).toBe(401);
    expect((await stranger.get(`${base()}/mine`)).statusCode).toBe(404);
    expect((await stranger.get(`${base()}/mine.ics`)).statusCode).toBe(404);
  });
});

describe('the iCalendar file, read back by an independent parser (node-ical)', () => {
  const parse = (text: string) => Object.values(ical.sync.parseICS(text)).filter((c): c is VEvent => c?.type === 'VEVENT');

  it('has the event’s TZID with its VTIMEZONE, stable UIDs, sequences, the table, and a cancelled meeting as CANCELLED', async () => {
    const res = await anne.get(`${base()}/mine.ics?lang=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const text = res.body;
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/Moscow\r\n/);
    expect(text).toContain(`DTSTART;TZID=Europe/Moscow:${slotStart.toISOString().slice(0, 10).replace(/-/g, '')}T100000`);
    const entries = parse(text);
    expect(entries).toHaveLength(3);
    const meeting = entries.find((e) => e.uid.startsWith(`meeting-${confirmedId}@`))!;
    expect(meeting).toBeDefined();
    expect(meeting.start.getTime()).toBe(slotStart.getTime());
    expect(meeting.end!.getTime()).toBe(slotStart.getTime() + 20 * 60_000);
    expect((meeting.start as Date & { tz?: string }).tz).toBe('Europe/Moscow');
    expect(meeting.summary).toBe('Rendez-vous avec Иван Петров (ИАТЭ НИЯУ МИФИ)');
    expect(meeting.location).toMatch(/^Table 3/);
    expect(Number(meeting.sequence)).toBe(2);
    expect(meeting.status).toBe('CONFIRMED');
    const cancelled = entries.find((e) => e.uid.startsWith(`meeting-${cancelledId}@`))!;
    expect(cancelled.status).toBe('CANCELLED');
    const session = entries.find((e) => e.summary === 'Séance plénière')!;
    expect(session.location).toBe('Salle A');
  });

  it('is the same calendar through the subscription address, without sign-in; a wrong token is a 404', async () => {
    const { feedUrl } = (await anne.get(`${base()}/mine`)).json<Agenda>();
    const path = new URL(feedUrl).pathname;
    const res = await t.app.inject({ method: 'GET', url: path });
    expect(res.statusCode).toBe(200);
    const entries = parse(res.body);
    // in the participant's own language (French)
    expect(entries.map((e) => e.summary)).toContain('Rendez-vous avec Иван Петров (ИАТЭ НИЯУ МИФИ)');
    const token = path
      .split('/')
      .at(-1)!
      .replace(/\.ics$/, '');
    const wrong = `${token.slice(0, -2)}${token.endsWith('AA') ? 'BB' : 'AA'}`;
    expect((await t.app.inject({ method: 'GET', url: path.replace(token, wrong) })).statusCode).toBe(404);
    // another participant's id with this token
    expect((await t.app.inject({ method: 'GET', url: path.replace(mine.id, ivan.id) })).statusCode).toBe(404);
  });
});
