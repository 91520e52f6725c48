import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent, insertParticipationType, insertRegistration } from '../../../test/events.js';
import { sendIfMatch } from '../../../test/registration.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let event: Awaited<ReturnType<typeof insertEvent>>;
let people: TestUser[];

beforeAll(async () => {
  t = await createTestPlatform();
  event = await insertEvent(t, ['iate-mephi']);
  people = [];
  for (let i = 0; i < 10; i++) people.push(await signedInUser(t, `race.${i}@example.org`));
});
afterAll(() => t.close());

const register = (user: TestUser, typeId: string, slug = event.slug) =>
  user.send('POST', `/api/v1/events/${slug}/registrations`, { participationTypeId: typeId });

describe('capacity under concurrent registrations', () => {
  it('confirms exactly as many as there are places when ten register for three at once; the others wait in line', async () => {
    const type = await insertParticipationType(t, event.id, { capacity: 3 });
    const answers = await Promise.all(people.map((p) => register(p, type.id)));
    expect(answers.map((a) => a.statusCode)).toEqual(Array(10).fill(201));
    const statuses = answers.map((a) => a.json().status as string);
    expect(statuses.filter((s) => s === 'confirmed')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'waitlisted')).toHaveLength(7);
    const positions = answers.map((a) => a.json().waitlistPosition).filter((p) => p !== undefined);
    expect(positions.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it('gives the last place to one of two registering at once, and one registration to one member clicking twice', async () => {
    const last = await insertEvent(t, ['iate-mephi']);
    const type = await insertParticipationType(t, last.id, { capacity: 1 });
    const [a, b] = await Promise.all([register(people[0]!, type.id, last.slug), register(people[1]!, type.id, last.slug)]);
    expect([a.json().status, b.json().status].sort()).toEqual(['confirmed', 'waitlisted']);
    const other = await insertEvent(t, ['iate-mephi']);
    const otherType = await insertParticipationType(t, other.id);
    const url = `/api/v1/events/${other.slug}/registrations`;
    const twice = await Promise.all([
      people[2]!.send('POST', url, { participationTypeId: otherType.id }),
      people[2]!.send('POST', url, { participationTypeId: otherType.id }),
    ]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
  });

  it('moves the waiting list up without deadlock when the confirmed one and the first waiting are cancelled at once', async () => {
    const organiser = await signedInUser(t, 'race.organiser@example.org', [{ role: 'org_editor', organisationSlug: 'iate-mephi' }]);
    const type = await insertParticipationType(t, event.id, { capacity: 1 });
    const held = await insertRegistration(t, event.id, type.id);
    const first = await insertRegistration(t, event.id, type.id, { status: 'waitlisted', createdAt: new Date(Date.now() - 3000) });
    const second = await insertRegistration(t, event.id, type.id, { status: 'waitlisted', createdAt: new Date(Date.now() - 1000) });
    const answers = await Promise.all([
      sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${held.id}/cancel`, 1, {}),
      sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${first.id}/cancel`, 1, {}),
    ]);
    // the cancellation of the first waiting is refused as stale (409) when the place came to it in between:
    // either way no error, and one confirmed after
    expect(answers[0]!.statusCode).toBe(200);
    expect([200, 409]).toContain(answers[1]!.statusCode);
    const list = (await organiser.get(`/api/v1/events/${event.slug}/registrations?type=${type.id}&status=confirmed`)).json();
    expect(list.items.map((r: { id: string }) => r.id)).toEqual([answers[1]!.statusCode === 200 ? second.id : first.id]);
  });
});
