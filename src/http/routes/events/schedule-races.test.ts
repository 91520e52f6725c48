import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '../../../shared/schemas/events/meetings.js';
import { insertSlots } from '../../../test/events.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { acceptedRequest, at, meetingEvent, participant, type Participant } from './meetings-fixtures.js';

let t: TestPlatform;
let ctx: Awaited<ReturnType<typeof meetingEvent>>;
let people: Participant[];

beforeAll(async () => {
  t = await createTestPlatform();
  ctx = await meetingEvent(t);
  await insertSlots(t, ctx.event.id, at(9), 3, 20, 1);
  people = [];
  for (let i = 0; i < 5; i++) people.push(await participant(t, ctx.event.id, ctx.type.id, null));
  for (let i = 0; i < 5; i++)
    for (let j = i + 1; j < 5; j++) if ((i + j) % 2) await acceptedRequest(ctx.event.slug, people[i]!, people[j]!);
});
afterAll(() => t.close());

describe('at the same time', () => {
  it('two runs on one event: each waits for the other, and no table or person is double-booked', async () => {
    const url = `/api/v1/events/${ctx.event.slug}/schedule/runs`;
    const [a, b] = await Promise.all([
      ctx.organiser.send('POST', url, { kind: 'preliminary' }),
      ctx.organiser.send('POST', url, { kind: 'preliminary' }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const schedule = (await ctx.organiser.get(`/api/v1/events/${ctx.event.slug}/schedule`)).json() as Schedule;
    expect(schedule.meetings).toHaveLength(schedule.lastRun!.scheduledCount);
    const seen = new Set<string>();
    for (const m of schedule.meetings)
      for (const key of [`t${m.slotId}|${m.tableNumber}`, `${m.a.registrationId}|${m.slotId}`, `${m.b.registrationId}|${m.slotId}`]) {
        expect(seen.has(key)).toBe(false);
        seen.add(key);
      }
    // one table a slot: three meetings at most
    expect(schedule.meetings.length).toBeLessThanOrEqual(3);
  });

  it('two requests between one pair at once, either way: one is taken, the other is refused clearly', async () => {
    const [x, y] = [await participant(t, ctx.event.id, ctx.type.id, null), await participant(t, ctx.event.id, ctx.type.id, null)];
    const url = `/api/v1/events/${ctx.event.slug}/meeting-requests`;
    const answers = await Promise.all([
      x.send('POST', url, { recipientRegistrationId: y.registrationId, priority: 'must_meet' }),
      y.send('POST', url, { recipientRegistrationId: x.registrationId, priority: 'would_like' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('meeting_request_exists');
  });
});
