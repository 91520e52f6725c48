import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeetingRequest, MyMeetingProfile } from '../../../shared/schemas/events/meetings.js';
import { setLanguage } from '../../../test/offer-interest.js';
import { readOutbox } from '../../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser } from '../../../test/users.js';
import { at, meetingEvent, participant, withIfMatch, type Participant } from './meetings-fixtures.js';

let t: TestPlatform;
let ctx: Awaited<ReturnType<typeof meetingEvent>>;
let anna: Participant; // IATE MEPhI
let bruno: Participant; // ARDL
let chloe: Participant; // no organisation on the platform
let off: Participant; // meetings turned off
const base = () => `/api/v1/events/${ctx.event.slug}`;
const count = async (table: string) =>
  Number(
    ((await t.database.db.execute(sql.raw(`select count(*)::int as n from ${table}`))) as unknown as { rows: { n: number }[] }).rows[0]!.n,
  );

beforeAll(async () => {
  t = await createTestPlatform();
  ctx = await meetingEvent(t);
  anna = await participant(t, ctx.event.id, ctx.type.id, 'iate-mephi');
  bruno = await participant(t, ctx.event.id, ctx.type.id, 'ardl', { language: 'fr' });
  await setLanguage(t, bruno.email, 'fr');
  chloe = await participant(t, ctx.event.id, ctx.type.id, null);
  off = await participant(t, ctx.event.id, ctx.type.id, 'airko', { meetingsEnabled: false });
});
afterAll(() => t.close());

describe('meeting settings and the grid', () => {
  it('lets organisers set the length and the break, versioned, and refuses others and bad values naming the field', async () => {
    const url = `${base()}/meeting-settings`;
    const current = await ctx.organiser.get(url);
    expect(current.statusCode).toBe(200);
    const version = current.json().version;
    const body = { meetingsEnabled: true, meetingLengthMinutes: 30, maxBackToBack: 3 };
    expect((await anna.send('PUT', url, body)).statusCode).toBe(403);
    const tooLong = await ctx.organiser.send('PUT', url, { ...body, meetingLengthMinutes: 121 });
    expect(tooLong.statusCode).toBe(400);
    expect(JSON.stringify(tooLong.json().error)).toContain('meetingLengthMinutes');
    const lateClose = await ctx.organiser.send('PUT', url, { ...body, meetingRequestsCloseAt: at(16).toISOString() });
    expect(lateClose.statusCode).toBe(422);
    expect(lateClose.json().error.field).toBe('body.meetingRequestsCloseAt');
    const saved = await withIfMatch(t, ctx.organiser, 'PUT', url, version, body);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ meetingLengthMinutes: 30, maxBackToBack: 3, version: version + 1 });
    const stale = await withIfMatch(t, ctx.organiser, 'PUT', url, version, { ...body, meetingLengthMinutes: 20 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    expect((await withIfMatch(t, ctx.organiser, 'PUT', url, version + 1, { ...body, meetingLengthMinutes: 20 })).statusCode).toBe(200);
  });

  it('cuts blocks into slots of the meeting length and refuses a grid that does not fit the event', async () => {
    const url = `${base()}/meeting-slots`;
    const outside = await ctx.organiser.send('PUT', url, {
      blocks: [
        { startsAt: at(9).toISOString(), endsAt: at(10).toISOString(), tableCount: 3 },
        { startsAt: at(14).toISOString(), endsAt: at(16).toISOString(), tableCount: 3 },
      ],
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error).toMatchObject({ code: 'slot_outside_event', field: 'body.blocks.1' });
    const overlapping = await ctx.organiser.send('PUT', url, {
      blocks: [
        { startsAt: at(9).toISOString(), endsAt: at(10).toISOString(), tableCount: 3 },
        { startsAt: at(9, 40).toISOString(), endsAt: at(11).toISOString(), tableCount: 3 },
      ],
    });
    expect(overlapping.json().error).toMatchObject({ code: 'slots_overlap', field: 'body.blocks.1' });
    const noTables = await ctx.organiser.send('PUT', url, {
      blocks: [{ startsAt: at(9).toISOString(), endsAt: at(10).toISOString(), tableCount: 0 }],
    });
    expect(noTables.statusCode).toBe(400);
    expect(await count('meeting_slots')).toBe(0);

    const grid = await ctx.organiser.send('PUT', url, {
      blocks: [
        { startsAt: at(9).toISOString(), endsAt: at(10, 10).toISOString(), tableCount: 2 },
        { startsAt: at(11).toISOString(), endsAt: at(11, 40).toISOString(), tableCount: 1 },
      ],
    });
    expect(grid.statusCode).toBe(200);
    const slots = grid.json().items as { startsAt: string; endsAt: string; tableCount: number }[];
    // 09:00–10:10 in 20 minutes: three slots, the 10 minutes left over are no slot
    expect(slots.map((s) => [s.startsAt, s.tableCount])).toEqual([
      [at(9).toISOString(), 2],
      [at(9, 20).toISOString(), 2],
      [at(9, 40).toISOString(), 2],
      [at(11).toISOString(), 1],
      [at(11, 20).toISOString(), 1],
    ]);
    expect((await anna.get(url)).json().items).toHaveLength(5);
  });
});

describe('a participant’s meeting profile', () => {
  it('keeps what they offer and seek, their blocked times inside the event, versioned', async () => {
    const url = `${base()}/meetings/me`;
    const mine = (await anna.get(url)).json() as MyMeetingProfile;
    expect(mine).toMatchObject({ registrationId: anna.registrationId, meetingsEnabled: true, blockedTimes: [] });
    const outside = await withIfMatch(t, anna, 'PUT', url, mine.version, {
      meetingsEnabled: true,
      blockedTimes: [{ startsAt: at(5).toISOString(), endsAt: at(7).toISOString() }],
    });
    expect(outside.json().error).toMatchObject({ code: 'slot_outside_event', field: 'body.blockedTimes.0' });
    const otherOrgsOffer = await t.database.db.execute(
      sql`select id from offers where stage = 'published' and organisation_id <> ${(await t.services.repos.organisations.getBySlug('iate-mephi'))!.id} limit 1`,
    );
    const foreign = (otherOrgsOffer as unknown as { rows: { id: string }[] }).rows[0];
    if (foreign) {
      const refused = await anna.send('PUT', url, { meetingsEnabled: true, offerIds: [foreign.id] });
      expect(refused.json().error).toMatchObject({ code: 'unknown_value', field: 'body.offerIds.0' });
    }
    const saved = await withIfMatch(t, anna, 'PUT', url, mine.version, {
      meetingsEnabled: true,
      meetingProfile: { original: 'ru', ru: 'Ищем партнёров по керамическим фильтрам' },
      blockedTimes: [{ startsAt: at(9, 20).toISOString(), endsAt: at(9, 40).toISOString() }],
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ version: mine.version + 1, blockedTimes: [{ startsAt: at(9, 20).toISOString() }] });
    expect((await withIfMatch(t, anna, 'PUT', url, mine.version, { meetingsEnabled: true })).json().error.code).toBe('version_conflict');
  });

  it('refuses enabling meetings to a type without them, and answers 404 to someone not registered', async () => {
    const visitorType = await (
      await import('../../../test/events.js')
    ).insertParticipationType(t, ctx.event.id, { kind: 'visitor', meetingsAllowed: false });
    const visitor = await participant(t, ctx.event.id, visitorType.id, null, { meetingsEnabled: false });
    const refused = await visitor.send('PUT', `${base()}/meetings/me`, { meetingsEnabled: true });
    expect(refused.json().error).toMatchObject({ code: 'meetings_not_allowed', field: 'body.meetingsEnabled' });
    const stranger = await signedInUser(t, 'stranger@example.org');
    expect((await stranger.get(`${base()}/meetings/me`)).statusCode).toBe(404);
    expect((await stranger.get(`${base()}/meeting-participants`)).statusCode).toBe(403);
  });

  it('lists the confirmed participants taking part, without oneself, with the request state', async () => {
    const list = (await anna.get(`${base()}/meeting-participants`)).json();
    const ids = list.items.map((p: { registrationId: string }) => p.registrationId);
    expect(ids).toContain(bruno.registrationId);
    expect(ids).toContain(chloe.registrationId);
    expect(ids).not.toContain(anna.registrationId);
    expect(ids).not.toContain(off.registrationId);
    expect(list.items.find((p: { registrationId: string }) => p.registrationId === chloe.registrationId)).toMatchObject({
      organisation: null,
      organisationName: 'A company not on the platform',
    });
    expect(
      (await ctx.organiser.get(`${base()}/meeting-participants?q=${encodeURIComponent('not on the platform')}`)).json().items,
    ).toHaveLength(1);
  });

  it('suggests people from the matchmaking’s scoring, lists those not on the platform unscored', async () => {
    const res = await anna.get(`${base()}/meetings/suggestions`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { registrationId: string; score: number; reasons: string[] }[];
    expect(items.map((i) => i.registrationId)).toContain(chloe.registrationId);
    expect(items.find((i) => i.registrationId === chloe.registrationId)).toMatchObject({ score: 0, reasons: [] });
    for (const scored of items.filter((i) => i.score > 0)) expect(scored.reasons.length).toBeGreaterThan(0);
  });
});

describe('meeting requests', () => {
  let request: MeetingRequest;

  it('refuses the issue’s bad requests, nothing written', async () => {
    const url = `${base()}/meeting-requests`;
    const before = await count('meeting_requests');
    expect(
      (await anna.send('POST', url, { recipientRegistrationId: anna.registrationId, priority: 'must_meet' })).json().error,
    ).toMatchObject({
      code: 'meeting_with_oneself',
      field: 'body.recipientRegistrationId',
    });
    expect((await anna.send('POST', url, { recipientRegistrationId: off.registrationId, priority: 'must_meet' })).json().error.code).toBe(
      'meetings_not_enabled',
    );
    expect((await anna.send('POST', url, { recipientRegistrationId: bruno.registrationId, priority: 'urgent' })).statusCode).toBe(400);
    expect((await off.send('POST', url, { recipientRegistrationId: bruno.registrationId, priority: 'must_meet' })).json().error.code).toBe(
      'meetings_not_allowed',
    );
    expect(await count('meeting_requests')).toBe(before);
  });

  it('sends a request, e-mails the recipient in their language, refuses a duplicate either way', async () => {
    const url = `${base()}/meeting-requests`;
    const sent = await anna.send('POST', url, {
      recipientRegistrationId: bruno.registrationId,
      priority: 'must_meet',
      message: 'Filtres céramiques ?',
    });
    expect(sent.statusCode).toBe(201);
    request = sent.json();
    expect(request).toMatchObject({ status: 'pending', requesterPriority: 'must_meet', recipientPriority: null, version: 1 });
    expect(sent.headers.etag).toBe('"1"');
    const mail = readOutbox(t.services.repos.mail.folder!).filter((m) => m.to === bruno.email);
    expect(mail.at(-1)!.subject).toContain('souhaite vous rencontrer');
    expect(
      (await anna.send('POST', url, { recipientRegistrationId: bruno.registrationId, priority: 'would_like' })).json().error.code,
    ).toBe('meeting_request_exists');
    expect(
      (await bruno.send('POST', url, { recipientRegistrationId: anna.registrationId, priority: 'would_like' })).json().error.code,
    ).toBe('meeting_request_exists');
    const mine = (await bruno.get(`${url}/mine`)).json();
    expect(mine.received.map((r: MeetingRequest) => r.id)).toEqual([request.id]);
    expect(
      (await anna.get(`${base()}/meeting-participants`))
        .json()
        .items.find((p: { registrationId: string }) => p.registrationId === bruno.registrationId).requestState,
    ).toBe('sent');
  });

  it('is accepted by the recipient only, with their priority, versioned; then cannot be declined', async () => {
    const accept = `/api/v1/meeting-requests/${request.id}/accept`;
    expect((await anna.send('POST', accept, { priority: 'must_meet' })).statusCode).toBe(404);
    expect((await withIfMatch(t, bruno, 'POST', accept, 7, { priority: 'would_like' })).json().error.code).toBe('version_conflict');
    const accepted = await withIfMatch(t, bruno, 'POST', accept, 1, { priority: 'would_like' });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', recipientPriority: 'would_like', version: 2 });
    expect(
      readOutbox(t.services.repos.mail.folder!)
        .filter((m) => m.to === anna.email)
        .at(-1)!.subject,
    ).toContain('accepted');
    expect((await bruno.send('POST', `/api/v1/meeting-requests/${request.id}/decline`, {})).json().error.code).toBe(
      'meeting_request_not_pending',
    );
  });

  it('declines with a reason; a declined pair may ask again; the requester cancels a pending one', async () => {
    const url = `${base()}/meeting-requests`;
    const sent = (await chloe.send('POST', url, { recipientRegistrationId: anna.registrationId, priority: 'would_like' })).json();
    const declined = await anna.send('POST', `/api/v1/meeting-requests/${sent.id}/decline`, { reason: 'Pas cette fois' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Pas cette fois' });
    const again = (await anna.send('POST', url, { recipientRegistrationId: chloe.registrationId, priority: 'would_like' })).json();
    expect(again.status).toBe('pending');
    expect((await chloe.send('POST', `/api/v1/meeting-requests/${again.id}/cancel`)).statusCode).toBe(403);
    const cancelled = await anna.send('POST', `/api/v1/meeting-requests/${again.id}/cancel`);
    expect(cancelled.json().status).toBe('cancelled');
  });

  it('refuses requests once they are closed', async () => {
    const closed = await meetingEvent(t, { meetingRequestsCloseAt: new Date(Date.now() - 60_000) });
    const x = await participant(t, closed.event.id, closed.type.id, null);
    const y = await participant(t, closed.event.id, closed.type.id, null);
    const res = await x.send('POST', `/api/v1/events/${closed.event.slug}/meeting-requests`, {
      recipientRegistrationId: y.registrationId,
      priority: 'must_meet',
    });
    expect(res.json().error.code).toBe('meeting_requests_closed');
  });
});
