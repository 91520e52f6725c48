import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blockedTimes, meetingRequests } from '../../../db/schema/index.js';
import type { Meeting, Schedule, ScheduleRun } from '../../../shared/schemas/events/meetings.js';
import { atDay, insertSlots } from '../../../test/events.js';
import { readOutbox } from '../../../test/outbox.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { acceptedRequest, at, meetingEvent, participant, withIfMatch, type Participant } from './meetings-fixtures.js';

let t: TestPlatform;
let ctx: Awaited<ReturnType<typeof meetingEvent>>;
let people: Participant[];
let slots: Awaited<ReturnType<typeof insertSlots>>;
const base = () => `/api/v1/events/${ctx.event.slug}`;
const view = async () => (await ctx.organiser.get(`${base()}/schedule`)).json() as Schedule;
const run = async (kind: string) => ctx.organiser.send('POST', `${base()}/schedule/runs`, { kind });

/** What every schedule keeps: nobody twice in a slot, tables within the slot's and each used once, blocked times free. */
function expectFeasible(schedule: Schedule, blocked: { registrationId: string; slotId: string }[] = []) {
  const seen = new Set<string>();
  for (const m of schedule.meetings) {
    const slot = schedule.slots.find((s) => s.id === m.slotId)!;
    expect(m.tableNumber).toBeGreaterThanOrEqual(1);
    expect(m.tableNumber).toBeLessThanOrEqual(slot.tableCount);
    for (const key of [`table|${m.slotId}|${m.tableNumber}`, `${m.a.registrationId}|${m.slotId}`, `${m.b.registrationId}|${m.slotId}`]) {
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    for (const b of blocked)
      expect([m.a.registrationId, m.b.registrationId].includes(b.registrationId) && m.slotId === b.slotId).toBe(false);
  }
}

beforeAll(async () => {
  t = await createTestPlatform();
  ctx = await meetingEvent(t);
  // five slots back to back, then one after a break; two tables each, one in the last
  slots = [...(await insertSlots(t, ctx.event.id, at(9), 5, 20, 2)), ...(await insertSlots(t, ctx.event.id, at(11), 1, 20, 1))];
  people = [];
  for (const org of ['iate-mephi', 'ardl', 'airko', null, null, null]) people.push(await participant(t, ctx.event.id, ctx.type.id, org));
  // p0 is away during the first slot
  await t.database.db.insert(blockedTimes).values({ registrationId: people[0]!.registrationId, startsAt: at(9), endsAt: at(9, 20) });
  const pairs: [number, number][] = [
    [0, 1],
    [0, 2],
    [0, 3],
    [0, 4],
    [0, 5],
    [1, 2],
    [1, 3],
    [2, 3],
    [4, 5],
  ];
  for (const [i, [a, b]] of pairs.entries())
    await acceptedRequest(ctx.event.slug, people[a]!, people[b]!, i % 2 ? ['must_meet', 'would_like'] : ['would_like', 'would_like']);
});
afterAll(() => t.close());

describe('running the scheduler', () => {
  let first: ScheduleRun;

  it('is for organisers only', async () => {
    expect((await people[0]!.send('POST', `${base()}/schedule/runs`, { kind: 'preliminary' })).statusCode).toBe(403);
    expect((await people[0]!.get(`${base()}/schedule`)).statusCode).toBe(403);
    expect((await people[0]!.send('POST', `${base()}/schedule/runs`, { kind: 'sometime' })).statusCode).toBe(400);
  });

  it('places accepted requests into a preliminary schedule and reports the figures', async () => {
    const res = await run('preliminary');
    expect(res.statusCode).toBe(201);
    first = res.json();
    expect(first.acceptedCount).toBe(9);
    expect(first.scheduledCount).toBeGreaterThan(0);
    expect(first.scheduledCount).toBeLessThanOrEqual(first.upperBoundCount);
    expect(first.upperBoundCount).toBeLessThanOrEqual(first.acceptedCount);
    expect(first.scheduledWeight).toBeLessThanOrEqual(first.upperBoundWeight);
    const schedule = await view();
    expect(schedule.scheduleState).toBe('preliminary');
    expect(schedule.lastRun!.id).toBe(first.id);
    expect(schedule.meetings).toHaveLength(first.scheduledCount);
    expect(schedule.meetings.length + schedule.unscheduled.length).toBe(9);
    expect(schedule.meetings.every((m) => m.status === 'preliminary' && !m.pinned)).toBe(true);
    expectFeasible(schedule, [{ registrationId: people[0]!.registrationId, slotId: slots[0]!.id }]);
  });

  it('refuses a grid change that would remove slots with meetings', async () => {
    const res = await ctx.organiser.send('PUT', `${base()}/meeting-slots`, {
      blocks: [{ startsAt: at(12).toISOString(), endsAt: at(13).toISOString(), tableCount: 2 }],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('schedule_exists');
  });
});

describe('moving and pinning', () => {
  let pinned: Meeting;

  it('refuses a move that double-books a participant, a taken table or one beyond the slot’s, naming what', async () => {
    const schedule = await view();
    const meeting = schedule.meetings[0]!;
    const url = `/api/v1/meetings/${meeting.id}/move`;
    // another meeting of one of its sides, in another slot
    const sides = [meeting.a.registrationId, meeting.b.registrationId];
    const busy = schedule.meetings.find(
      (m) => m.id !== meeting.id && m.slotId !== meeting.slotId && sides.some((s) => [m.a.registrationId, m.b.registrationId].includes(s)),
    );
    if (busy) {
      const freeTable = busy.tableNumber === 1 ? 2 : 1;
      const res = await ctx.organiser.send('POST', url, { slotId: busy.slotId, tableNumber: freeTable });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.code).toBe('meeting_conflict');
      expect(
        res.json().error.details.some((d: { params?: { registrationId: string } }) => sides.includes(d.params?.registrationId ?? '')),
      ).toBe(true);
    }
    const beyond = await ctx.organiser.send('POST', url, { slotId: slots[5]!.id, tableNumber: 2 });
    expect(beyond.json().error).toMatchObject({ code: 'meeting_conflict', field: 'body.tableNumber' });
    const elsewhere = schedule.meetings.find((m) => m.slotId !== meeting.slotId);
    if (elsewhere) {
      const taken = await ctx.organiser.send('POST', url, { slotId: elsewhere.slotId, tableNumber: elsewhere.tableNumber });
      expect(taken.json().error.code).toBe('meeting_conflict');
    }
    expect((await people[0]!.send('POST', url, { slotId: slots[5]!.id, tableNumber: 1 })).statusCode).toBeGreaterThanOrEqual(403);
  });

  it('moves a meeting into a free place, pins it, and a re-run keeps it there', async () => {
    const schedule = await view();
    // a meeting whose sides are both free in some other slot with a free table
    let target: { meeting: Meeting; slotId: string; table: number } | undefined;
    for (const meeting of schedule.meetings) {
      for (const slot of schedule.slots) {
        if (slot.id === meeting.slotId) continue;
        const there = schedule.meetings.filter((m) => m.slotId === slot.id);
        const sides = [meeting.a.registrationId, meeting.b.registrationId];
        if (there.some((m) => sides.includes(m.a.registrationId) || sides.includes(m.b.registrationId))) continue;
        if (slot.id === slots[0]!.id && sides.includes(people[0]!.registrationId)) continue;
        const table = [1, 2].find((n) => n <= slot.tableCount && !there.some((m) => m.tableNumber === n));
        if (table) target = { meeting, slotId: slot.id, table };
        if (target) break;
      }
      if (target) break;
    }
    expect(target).toBeDefined();
    const moved = await withIfMatch(t, ctx.organiser, 'POST', `/api/v1/meetings/${target!.meeting.id}/move`, target!.meeting.version, {
      slotId: target!.slotId,
      tableNumber: target!.table,
    });
    expect(moved.statusCode).toBe(200);
    pinned = moved.json();
    expect(pinned).toMatchObject({
      slotId: target!.slotId,
      tableNumber: target!.table,
      pinned: true,
      version: target!.meeting.version + 1,
    });
    expect((await withIfMatch(t, ctx.organiser, 'POST', `/api/v1/meetings/${pinned.id}/unpin`, 1)).json().error.code).toBe(
      'version_conflict',
    );

    const again = (await run('preliminary')).json() as ScheduleRun;
    expect(again.pinnedCount).toBe(1);
    const after = await view();
    expect(after.meetings.find((m) => m.requestId === pinned.requestId)).toMatchObject({
      id: pinned.id,
      slotId: pinned.slotId,
      tableNumber: pinned.tableNumber,
      pinned: true,
    });
    expectFeasible(after, [{ registrationId: people[0]!.registrationId, slotId: slots[0]!.id }]);
  });

  it('unpins, pins, and places an unscheduled request by hand', async () => {
    const unpinned = await ctx.organiser.send('POST', `/api/v1/meetings/${pinned.id}/unpin`);
    expect(unpinned.json().pinned).toBe(false);
    expect((await ctx.organiser.send('POST', `/api/v1/meetings/${pinned.id}/pin`)).json().pinned).toBe(true);
    const schedule = await view();
    const open = schedule.unscheduled[0];
    if (open) {
      // nowhere free for both is a conflict; a free place is taken and pinned
      const results = [];
      for (const slot of schedule.slots)
        for (let table = 1; table <= slot.tableCount; table++)
          results.push(
            await ctx.organiser.send('POST', `/api/v1/meeting-requests/${open.requestId}/place`, { slotId: slot.id, tableNumber: table }),
          );
      const placed = results.find((r) => r.statusCode === 201);
      if (placed) expect(placed.json()).toMatchObject({ requestId: open.requestId, pinned: true });
      expect(
        results.filter((r) => r.statusCode !== 201).every((r) => ['meeting_conflict', 'meeting_placed'].includes(r.json().error.code)),
      ).toBe(true);
      expectFeasible(await view());
    }
  });
});

describe('the final schedule and late requests', () => {
  it('confirms every meeting, e-mails each participant their meetings, and refuses re-running', async () => {
    const before = readOutbox(t.services.repos.mail.folder!).length;
    const res = await run('final');
    expect(res.statusCode).toBe(201);
    const schedule = await view();
    expect(schedule.scheduleState).toBe('final');
    expect(schedule.meetings.every((m) => m.status === 'confirmed')).toBe(true);
    const mails = readOutbox(t.services.repos.mail.folder!).slice(before);
    const withMeetings = new Set(schedule.meetings.flatMap((m) => [m.a.registrationId, m.b.registrationId]));
    expect(mails.filter((m) => m.subject.startsWith('Your meetings at')).length).toBe(withMeetings.size);
    expect((await run('preliminary')).json().error.code).toBe('schedule_published');
    expect((await ctx.organiser.send('POST', `${base()}/schedule/publish`)).json().error.code).toBe('schedule_published');
  });

  it('places a request accepted after the final schedule into a free common slot, moving no confirmed meeting', async () => {
    const before = await view();
    const late = await participant(t, ctx.event.id, ctx.type.id, null);
    const requestId = await acceptedRequest(ctx.event.slug, late, people[5]!);
    const after = await view();
    for (const m of before.meetings)
      expect(after.meetings.find((x) => x.id === m.id)).toMatchObject({
        slotId: m.slotId,
        tableNumber: m.tableNumber,
        status: 'confirmed',
      });
    const placed = after.meetings.find((m) => m.requestId === requestId);
    expect(placed).toMatchObject({ status: 'confirmed' });
    expectFeasible(after, [{ registrationId: people[0]!.registrationId, slotId: slots[0]!.id }]);
    const mine = (await late.get(`${base()}/meeting-requests/mine`)).json();
    expect(mine.sent[0].meeting).toMatchObject({ id: placed!.id, tableNumber: placed!.tableNumber });
    // the accept's e-mail promised a time: the placed meeting's e-mail gives it, with the table
    const told = readOutbox(t.services.repos.mail.folder!).filter((m) => m.to === late.email);
    expect(told.at(-1)!.text).toContain(`table ${placed!.tableNumber}`);
    const res = await run('late_requests');
    expect(res.statusCode).toBe(201);
    expect(res.json().kind).toBe('late_requests');
  });

  it('cancels a meeting: a side’s calls the request off and tells the other side', async () => {
    const schedule = await view();
    const meeting = schedule.meetings[0]!;
    const side = people.find((p) => p.registrationId === meeting.a.registrationId)!;
    const res = await side.send('POST', `/api/v1/meetings/${meeting.id}/cancel`);
    expect(res.json().status).toBe('cancelled');
    const after = await view();
    expect(after.meetings.map((m) => m.id)).not.toContain(meeting.id);
    expect(after.unscheduled.map((u) => u.requestId)).not.toContain(meeting.requestId);
  });
});

describe('a participant who leaves', () => {
  it('takes their meetings and requests along when their registration is cancelled, and the other sides are told', async () => {
    const before = await view();
    const leaving = people.find((p) =>
      before.meetings.some((m) => m.a.registrationId === p.registrationId || m.b.registrationId === p.registrationId),
    )!;
    const theirs = before.meetings.filter((m) => [m.a.registrationId, m.b.registrationId].includes(leaving.registrationId));
    expect(theirs.length).toBeGreaterThan(0);
    const others = new Set(theirs.map((m) => (m.a.registrationId === leaving.registrationId ? m.b.registrationId : m.a.registrationId)));
    const mailsBefore = readOutbox(t.services.repos.mail.folder!).length;
    const mine = (await leaving.get(`${base()}/registrations/mine`)).json();
    const res = await withIfMatch(t, leaving, 'POST', `/api/v1/registrations/${leaving.registrationId}/cancel`, mine.version, {});
    expect(res.statusCode, res.body).toBe(200);
    const after = await view();
    const involved = (m: { a: { registrationId: string }; b: { registrationId: string } }) =>
      m.a.registrationId === leaving.registrationId || m.b.registrationId === leaving.registrationId;
    expect(after.meetings.filter(involved)).toEqual([]);
    expect(after.unscheduled.filter(involved)).toEqual([]);
    const requests = await t.database.db.select().from(meetingRequests);
    expect(
      requests.filter((r) => [r.requesterId, r.recipientId].includes(leaving.registrationId) && ['pending', 'accepted'].includes(r.status)),
    ).toEqual([]);
    // each other side of a cancelled meeting is told (those with an e-mail address)
    expect(readOutbox(t.services.repos.mail.folder!).length).toBeGreaterThanOrEqual(mailsBefore + Math.min(1, others.size));
  });
});

describe('outcomes and figures', () => {
  it('takes an outcome from a side once the meeting started, not before, and counts it', async () => {
    const future = (await view()).meetings.find((m) => people.some((p) => p.registrationId === m.a.registrationId))!;
    const side = people.find((p) => p.registrationId === future.a.registrationId)!;
    expect((await side.send('PUT', `/api/v1/meetings/${future.id}/outcome`, { outcome: 'follow_up_planned' })).json().error.code).toBe(
      'meeting_not_started',
    );

    const past = await meetingEvent(t, { startsAt: atDay(-1, 6), endsAt: atDay(-1, 15) });
    await insertSlots(t, past.event.id, atDay(-1, 9), 2, 20, 2);
    const a = await participant(t, past.event.id, past.type.id, 'obninsk-administration');
    const b = await participant(t, past.event.id, past.type.id, 'ardl');
    const c = await participant(t, past.event.id, past.type.id, 'iate-mephi');
    // requests are closed once the event is over: these two were accepted before
    await t.database.db.insert(meetingRequests).values([
      {
        eventId: past.event.id,
        requesterId: a.registrationId,
        recipientId: b.registrationId,
        requesterPriority: 'must_meet',
        recipientPriority: 'must_meet',
        status: 'accepted',
      },
      {
        eventId: past.event.id,
        requesterId: c.registrationId,
        recipientId: b.registrationId,
        requesterPriority: 'would_like',
        recipientPriority: 'would_like',
        status: 'accepted',
      },
    ]);
    expect((await past.organiser.send('POST', `/api/v1/events/${past.event.slug}/schedule/runs`, { kind: 'final' })).statusCode).toBe(201);
    const placed = ((await past.organiser.get(`/api/v1/events/${past.event.slug}/schedule`)).json() as Schedule).meetings;
    const meeting = placed.find((m) => m.a.registrationId === a.registrationId);
    const other = placed.find((m) => m.a.registrationId === c.registrationId)!;
    expect(meeting!.weight).toBe(3);
    const agreement = 'obninsk-ardl-cooperation-agreement-2004';
    const notShared = await c.send('PUT', `/api/v1/meetings/${other.id}/outcome`, { outcome: 'agreement', recordSlug: agreement });
    expect(notShared.json().error).toMatchObject({ code: 'agreement_not_shared', field: 'body.recordSlug' });
    const url = `/api/v1/meetings/${meeting!.id}/outcome`;
    expect((await past.organiser.send('PUT', url, { outcome: 'agreement' })).statusCode).toBe(403);
    const wrongLink = await a.send('PUT', url, { outcome: 'no_follow_up', recordSlug: 'anything' });
    expect(wrongLink.json().error.field).toBe('body.recordSlug');
    expect((await a.send('PUT', url, { outcome: 'agreement', recordSlug: 'no-such-agreement' })).statusCode).toBe(404);
    const saved = await withIfMatch(t, b, 'PUT', url, meeting!.version, {
      outcome: 'agreement',
      note: 'Signé sur place',
      recordSlug: agreement,
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ outcome: 'agreement', outcomeNote: 'Signé sur place', outcomeRecord: { slug: agreement } });
    expect((await c.send('PUT', `/api/v1/meetings/${other.id}/outcome`, { outcome: 'not_held' })).statusCode).toBe(200);
    const stats = (await t.app.inject({ method: 'GET', url: `/api/v1/events/${past.event.slug}/meeting-stats` })).json();
    expect(stats).toMatchObject({
      requested: 2,
      accepted: 2,
      scheduled: 2,
      held: 1,
      outcomes: { agreement: 1, not_held: 1 },
      agreements: [{ slug: agreement }],
    });
  });
});
