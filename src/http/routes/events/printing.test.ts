import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInUrl, qrPng } from '../../../services/events/outputs/badges-pdf.js';
import { atDay, insertEvent, insertParticipationType, insertRegistration, insertSlots } from '../../../test/events.js';
import { insertMeeting } from '../../../test/meetings.js';
import { pdfText } from '../../../test/pdf-text.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, signIn, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let organiser: TestUser; // IATE MEPhI's administrator: the event's organiser
let ivanUser: TestUser;
let stranger: TestUser;
let event: Awaited<ReturnType<typeof insertEvent>>;
let ivan: Awaited<ReturnType<typeof insertRegistration>>;
let pending: Awaited<ReturnType<typeof insertRegistration>>;

beforeAll(async () => {
  t = await createTestPlatform();
  organiser = await signIn(t, 'iate.admin@demo.clusterbridge.test', 'Demo-Clusterbridge-2026');
  ivanUser = await signedInUser(t, 'ivan.printing@example.org');
  stranger = await signedInUser(t, 'stranger.printing@example.org');
  event = await insertEvent(t, ['iate-mephi'], {
    title: { original: 'ru', ru: 'Биржа контактов в Обнинске', fr: 'Rencontres d’affaires à Obninsk', en: 'Obninsk brokerage event' },
    scheduleState: 'final',
  });
  const type = await insertParticipationType(t, event.id, { name: { original: 'ru', ru: 'Компания', fr: 'Entreprise', en: 'Company' } });
  ivan = await insertRegistration(t, event.id, type.id, {
    userId: ivanUser.id,
    name: 'Иван Петров',
    organisationName: 'ИАТЭ НИЯУ МИФИ',
    language: 'ru',
  });
  const anne = await insertRegistration(t, event.id, type.id, {
    name: 'Anne Dupont',
    organisationName: 'Agence régionale du Limousin',
    language: 'fr',
  });
  pending = await insertRegistration(t, event.id, type.id, { name: 'Pending Person', status: 'pending' });
  const slots = await insertSlots(t, event.id, atDay(30, 7), 3, 20, 2);
  await insertMeeting(t, event.id, { requesterId: ivan.id, recipientId: anne.id, slotId: slots[1]!.id, tableNumber: 2 });
});
afterAll(() => t.close());

// jsqr is CommonJS with an ES-style default: its function is the module's default under NodeNext
const jsQR = (jsQRModule as unknown as { default: (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null })
  .default;
const isPdf = (body: Buffer) => body.subarray(0, 5).toString('latin1') === '%PDF-';

describe('badges', () => {
  it('prints every confirmed participant’s badge for the organisers, with names in Cyrillic and accents', async () => {
    const res = await organiser.get(`/api/v1/events/${event.slug}/badges.pdf?lang=fr`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(isPdf(res.rawPayload)).toBe(true);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Иван Петров');
    expect(text).toContain('Agence régionale du Limousin');
    expect(text).toContain('Entreprise');
    expect(text).toContain('Rencontres d’affaires à Obninsk');
    expect(text).not.toContain('Pending Person');
    expect(res.rawPayload.toString('latin1')).toMatch(/\/Subtype \/Image/);
  });

  it('prints one badge asked for; one not confirmed is a 404; participants may not print everyone’s', async () => {
    const one = await organiser.get(`/api/v1/events/${event.slug}/badges.pdf?registration=${ivan.id}`);
    expect(pdfText(one.rawPayload)).toContain('Иван Петров');
    expect(pdfText(one.rawPayload)).not.toContain('Anne Dupont');
    const notConfirmed = await organiser.get(`/api/v1/events/${event.slug}/badges.pdf?registration=${pending.id}`);
    expect(notConfirmed.statusCode).toBe(404);
    expect(notConfirmed.json().error.field).toBe('querystring.registration');
    expect((await ivanUser.get(`/api/v1/events/${event.slug}/badges.pdf`)).statusCode).toBe(403);
    expect((await organiser.get(`/api/v1/events/${event.slug}/badges.pdf?registration=nope`)).statusCode).toBe(400);
  });

  it('gives a participant their own badge, and nobody else’s', async () => {
    const res = await ivanUser.get(`/api/v1/registrations/${ivan.id}/badge.pdf?lang=ru`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Иван Петров');
    expect(text).toContain('Компания');
    expect((await stranger.get(`/api/v1/registrations/${ivan.id}/badge.pdf`)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: `/api/v1/registrations/${ivan.id}/badge.pdf` })).statusCode).toBe(401);
  });

  it('carries a QR code that reads back as the badge’s check-in address', async () => {
    const url = checkInUrl('https://clusterbridge.example', event.slug, ivan.badgeToken);
    expect(url).toBe(`https://clusterbridge.example/events/${event.slug}/check-in?badge=${ivan.badgeToken}`);
    const png = PNG.sync.read(await qrPng(url));
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(decoded?.data).toBe(url);
  });
});

describe('the printable agenda and grid', () => {
  it('prints my agenda in my language with the meeting, its table and the event’s time zone', async () => {
    const res = await ivanUser.get(`/api/v1/events/${event.slug}/agenda/mine.pdf?lang=ru`);
    expect(res.statusCode).toBe(200);
    expect(isPdf(res.rawPayload)).toBe(true);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Биржа контактов в Обнинске');
    expect(text).toContain('Моя программа: Иван Петров');
    expect(text).toContain('10:20–10:40 (Europe/Moscow)');
    expect(text).toContain('Встреча: Anne Dupont (Agence régionale du Limousin)');
    expect(text).toContain('Стол 2');
    expect((await stranger.get(`/api/v1/events/${event.slug}/agenda/mine.pdf`)).statusCode).toBe(404);
  });

  it('prints the grid of tables and slots with both names of each meeting, for the organisers only', async () => {
    const res = await organiser.get(`/api/v1/events/${event.slug}/schedule.pdf?lang=en`);
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    expect(text).toContain('Obninsk brokerage event — Meeting schedule');
    expect(text).toContain('Table 2');
    expect(text).toContain('10:20–10:40');
    expect(text).toContain('Иван Петров (ИАТЭ НИЯУ МИФИ)');
    expect(text).toContain('Anne Dupont (Agence régionale du Limousin)');
    expect((await ivanUser.get(`/api/v1/events/${event.slug}/schedule.pdf`)).statusCode).toBe(403);
  });
});
