import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent, insertParticipationType, insertRegistration } from '../../../test/events.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let organiser: TestUser;
let participant: TestUser;
let event: Awaited<ReturnType<typeof insertEvent>>;
let type: Awaited<ReturnType<typeof insertParticipationType>>;

beforeAll(async () => {
  t = await createTestPlatform();
  organiser = await signedInUser(t, 'desk.organiser@example.org', [{ role: 'org_editor', organisationSlug: 'obninsk-administration' }]);
  participant = await signedInUser(t, 'desk.participant@example.org');
  event = await insertEvent(t, ['obninsk-administration'], {
    reportedAttendance: 35,
    reportedAttendanceApproximate: true,
    reportedSectors: ['government', 'science', 'business'],
  });
  type = await insertParticipationType(t, event.id);
});
afterAll(() => t.close());

describe('check-in on the day', () => {
  it('finds confirmed participants by name and checks them in once, by id or by badge token', async () => {
    const desk = await insertRegistration(t, event.id, type.id, { name: 'Sébastien Côté' });
    const badge = await insertRegistration(t, event.id, type.id, { name: 'Пётр Иванов', badgeToken: 'badge-token-petr-0123456789' });
    await insertRegistration(t, event.id, type.id, { name: 'Sébastien Waiting', status: 'waitlisted' });
    const found = (await organiser.get(`/api/v1/events/${event.slug}/check-in?q=sebastien`)).json().items;
    expect(found.map((r: { name: string }) => r.name)).toEqual(['Sébastien Côté']);

    const checked = await organiser.send('POST', `/api/v1/registrations/${desk.id}/check-in`);
    expect(checked.statusCode, checked.body).toBe(200);
    expect(checked.json().checkedInAt).toEqual(expect.any(String));
    const twice = await organiser.send('POST', `/api/v1/registrations/${desk.id}/check-in`);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_checked_in');
    expect(twice.json().error.details[0]).toEqual({ field: 'checkedInAt', message: checked.json().checkedInAt });

    const scanned = await organiser.send('POST', `/api/v1/events/${event.slug}/check-in/badge`, { token: 'badge-token-petr-0123456789' });
    expect(scanned.statusCode, scanned.body).toBe(200);
    expect(scanned.json()).toMatchObject({ id: badge.id, name: 'Пётр Иванов' });
    const rescanned = await organiser.send('POST', `/api/v1/events/${event.slug}/check-in/badge`, { token: 'badge-token-petr-0123456789' });
    expect(rescanned.json().error.code).toBe('already_checked_in');
    const unknown = await organiser.send('POST', `/api/v1/events/${event.slug}/check-in/badge`, { token: 'no-such-badge' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.field).toBe('body.token');
    // a badge of another event does not check in here
    const other = await insertEvent(t, ['obninsk-administration']);
    const otherType = await insertParticipationType(t, other.id);
    const elsewhere = await insertRegistration(t, other.id, otherType.id);
    expect((await organiser.send('POST', `/api/v1/events/${event.slug}/check-in/badge`, { token: elsewhere.badgeToken })).statusCode).toBe(
      404,
    );

    const audited = (await t.database.db.execute(
      sql`select count(*)::int as n from audit_events where action = 'registration.checked_in' and entity_id in (${desk.id}, ${badge.id})`,
    )) as unknown as { rows: { n: number }[] };
    expect(Number(audited.rows[0]!.n)).toBe(2);
  });

  it('refuses a registration that is not confirmed, and anyone but the organisers', async () => {
    const waiting = await insertRegistration(t, event.id, type.id, { status: 'waitlisted' });
    const refused = await organiser.send('POST', `/api/v1/registrations/${waiting.id}/check-in`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('registration_not_confirmed');
    const confirmed = await insertRegistration(t, event.id, type.id);
    expect((await participant.send('POST', `/api/v1/registrations/${confirmed.id}/check-in`)).statusCode).toBe(404);
    expect((await participant.get(`/api/v1/events/${event.slug}/check-in`)).statusCode).toBe(403);
    expect(
      (await participant.send('POST', `/api/v1/events/${event.slug}/check-in/badge`, { token: confirmed.badgeToken })).statusCode,
    ).toBe(403);
    expect(
      (await t.app.inject({ method: 'POST', url: `/api/v1/events/${event.slug}/check-in/badge`, payload: { token: 'x' } })).statusCode,
    ).toBe(401);
  });

  it('counts confirmed participants by sector, region and type, beside the reported attendance, to anyone', async () => {
    const counted = await insertEvent(t, ['obninsk-administration'], {
      reportedAttendance: 35,
      reportedAttendanceApproximate: true,
      reportedSectors: ['government', 'science', 'business'],
    });
    const delegates = await insertParticipationType(t, counted.id, { kind: 'delegate' });
    const visitors = await insertParticipationType(t, counted.id, { kind: 'visitor' });
    const seat = (typeId: string, values: Parameters<typeof insertRegistration>[3]) => insertRegistration(t, counted.id, typeId, values);
    await seat(delegates.id, { sector: 'government', regionCode: 'FR-87', checkedInAt: new Date() });
    await seat(delegates.id, { sector: 'government', regionCode: 'FR-87' });
    await seat(visitors.id, { sector: 'science', regionCode: 'RU-KLU' });
    await seat(visitors.id, { sector: 'business', regionCode: 'RU-KLU' });
    await seat(visitors.id, {});
    await seat(visitors.id, { sector: 'business', status: 'waitlisted' });
    const res = await t.app.inject({ method: 'GET', url: `/api/v1/events/${counted.slug}/attendance` });
    expect(res.statusCode, res.body).toBe(200);
    const attendance = res.json();
    expect(attendance).toMatchObject({
      confirmed: 5,
      checkedIn: 1,
      bySector: { government: 2, science: 1, business: 1, unknown: 1 },
      reported: { count: 35, approximate: true, sectors: ['government', 'science', 'business'] },
    });
    expect(attendance.byRegion).toEqual([
      { regionCode: 'FR-87', count: 2 },
      { regionCode: 'RU-KLU', count: 2 },
    ]);
    expect(attendance.byType).toEqual(
      expect.arrayContaining([
        { participationTypeId: delegates.id, count: 2 },
        { participationTypeId: visitors.id, count: 3 },
      ]),
    );
    expect(JSON.stringify(attendance)).not.toContain('Participant');
    const draft = await insertEvent(t, ['obninsk-administration'], { status: 'draft' });
    expect((await participant.get(`/api/v1/events/${draft.slug}/attendance`)).statusCode).toBe(404);
  });
});
