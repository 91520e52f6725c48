import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ParticipationType } from '../../../shared/schemas/events/registration.js';
import { insertEvent, insertParticipationType, insertRegistration } from '../../../test/events.js';
import { sendIfMatch } from '../../../test/registration.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let organiser: TestUser; // an editor of IATE MEPhI, which organises the event
let stranger: TestUser;
let event: Awaited<ReturnType<typeof insertEvent>>;

beforeAll(async () => {
  t = await createTestPlatform();
  organiser = await signedInUser(t, 'types.organiser@example.org', [{ role: 'org_editor', organisationSlug: 'iate-mephi' }]);
  stranger = await signedInUser(t, 'types.stranger@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  event = await insertEvent(t, ['iate-mephi']);
});
afterAll(() => t.close());

const url = () => `/api/v1/events/${event.slug}/participation-types`;
const delegate = {
  kind: 'delegate',
  name: { original: 'en', en: 'Delegate', ru: 'Делегат' },
  capacity: 2,
  requiresApproval: false,
  questions: [
    {
      id: 'diet',
      label: { original: 'en', en: 'Diet' },
      kind: 'choice',
      required: true,
      choices: [
        { id: 'any', label: { original: 'en', en: 'Any' } },
        { id: 'vegetarian', label: { original: 'en', en: 'Vegetarian' } },
      ],
    },
    { id: 'interpreter', label: { original: 'en', en: 'Do you need an interpreter?' }, kind: 'yes_no', required: false },
  ],
};

describe('participation types', () => {
  it('lets organisers create, change and delete them, with versions, and anyone who reads the event list them with places left', async () => {
    const created = await organiser.send('POST', url(), delegate);
    expect(created.statusCode, created.body).toBe(201);
    const type = created.json<ParticipationType>();
    expect(type).toMatchObject({ kind: 'delegate', capacity: 2, confirmedCount: 0, placesLeft: 2, version: 1 });
    expect(created.headers.etag).toBe('"1"');
    expect(type.questions.map((q) => q.id)).toEqual(['diet', 'interpreter']);

    const listed = await t.app.inject({ method: 'GET', url: url() });
    expect(listed.statusCode).toBe(200);
    expect(listed.json().items.map((i: ParticipationType) => i.id)).toContain(type.id);

    const changed = await sendIfMatch(t, organiser, 'PUT', `${url()}/${type.id}`, 1, { capacity: 5, requiresApproval: true });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ capacity: 5, requiresApproval: true, version: 2, placesLeft: 5 });
    const stale = await sendIfMatch(t, organiser, 'PUT', `${url()}/${type.id}`, 1, { capacity: 6 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    // a cleared capacity is no limit, never a capacity of 0 (the request's null is not coerced to a number)
    const unlimited = await sendIfMatch(t, organiser, 'PUT', `${url()}/${type.id}`, 2, { capacity: null });
    expect(unlimited.statusCode, unlimited.body).toBe(200);
    expect(unlimited.json()).toMatchObject({ capacity: null, placesLeft: null, version: 3 });
    const zero = await sendIfMatch(t, organiser, 'PUT', `${url()}/${type.id}`, 3, { capacity: 0 });
    expect(zero.json()).toMatchObject({ capacity: 0, placesLeft: 0 });

    expect((await organiser.send('DELETE', `${url()}/${type.id}`)).statusCode).toBe(204);
    expect((await organiser.get(url())).json().items.map((i: ParticipationType) => i.id)).not.toContain(type.id);
  });

  it('refuses others than the organisers, and visitors', async () => {
    expect((await stranger.send('POST', url(), delegate)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: url(), payload: delegate })).statusCode).toBe(401);
    const draft = await insertEvent(t, ['iate-mephi'], { status: 'draft' });
    // a draft is not shown to others at all
    expect((await stranger.get(`/api/v1/events/${draft.slug}/participation-types`)).statusCode).toBe(404);
    expect((await organiser.get(`/api/v1/events/${draft.slug}/participation-types`)).statusCode).toBe(200);
  });

  it('refuses questions with an id twice, a choice question without choices, and bad input naming the field', async () => {
    const twice = await organiser.send('POST', url(), { ...delegate, questions: [delegate.questions[1], delegate.questions[1]] });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error).toMatchObject({ code: 'invalid_question', field: 'body.questions.1.id', reason: 'duplicate_value' });
    const noChoices = await organiser.send('POST', url(), {
      ...delegate,
      questions: [{ id: 'diet', label: { original: 'en', en: 'Diet' }, kind: 'choice', required: true }],
    });
    expect(noChoices.json().error).toMatchObject({ code: 'invalid_question', field: 'body.questions.0.choices' });
    const negative = await organiser.send('POST', url(), { ...delegate, capacity: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.field).toBe('body.capacity');
    const kind = await organiser.send('POST', url(), { ...delegate, kind: 'astronaut' });
    expect(kind.json().error.field).toBe('body.kind');
  });

  it('refuses a capacity below the confirmed count, naming body.capacity; a larger one confirms the waiting list in order', async () => {
    const type = await insertParticipationType(t, event.id, { capacity: 2 });
    await insertRegistration(t, event.id, type.id);
    await insertRegistration(t, event.id, type.id);
    const first = await insertRegistration(t, event.id, type.id, { status: 'waitlisted', createdAt: new Date(Date.now() - 2000) });
    const second = await insertRegistration(t, event.id, type.id, { status: 'waitlisted', createdAt: new Date(Date.now() - 1000) });
    const below = await sendIfMatch(t, organiser, 'PUT', `${url()}/${type.id}`, 1, { capacity: 1 });
    expect(below.statusCode).toBe(422);
    expect(below.json().error).toMatchObject({ code: 'capacity_below_registered', field: 'body.capacity' });
    const raised = await sendIfMatch(t, organiser, 'PUT', `${url()}/${type.id}`, 1, { capacity: 3 });
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json()).toMatchObject({ confirmedCount: 3, waitlistedCount: 1, placesLeft: 0 });
    const status = async (id: string) =>
      (await organiser.get(`/api/v1/events/${event.slug}/registrations?type=${type.id}`))
        .json()
        .items.find((r: { id: string }) => r.id === id).status;
    expect(await status(first.id)).toBe('confirmed');
    expect(await status(second.id)).toBe('waitlisted');
    // one with registrations is not deleted
    const inUse = await organiser.send('DELETE', `${url()}/${type.id}`);
    expect(inUse.statusCode).toBe(409);
    expect(inUse.json().error.code).toBe('participation_type_in_use');
  });
});
