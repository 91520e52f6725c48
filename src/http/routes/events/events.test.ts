import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { auditEvents, events } from '../../../db/schema/index.js';
import type { Event, EventList } from '../../../shared/schemas/events/events.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { eventInput, eventPeople, send, type EventPeople } from './events-fixtures.js';

let t: TestPlatform;
let p: EventPeople;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await eventPeople(t, 'crud');
});
afterAll(() => t.close());

const eventCount = async () => (await t.database.db.select({ n: count() }).from(events))[0]!.n;

describe('an event through the API', () => {
  it('is created as a draft its organisers alone see, then published to everyone, changed, cancelled with a reason', async () => {
    const created = await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput());
    expect(created.statusCode).toBe(201);
    expect(created.headers.etag).toBe('"1"');
    const event = created.json() as Event;
    expect(event).toMatchObject({
      kind: 'brokerage_event',
      status: 'draft',
      timeZone: 'Europe/Moscow',
      regionCode: 'RU-KLU',
      venue: { organisation: { slug: 'obninsk-house-of-scientists', kind: 'venue' } },
      organisers: [{ organisation: { slug: 'obninsk-administration', regionCode: 'RU-KLU' }, role: 'organiser' }],
      version: 1,
      can: { edit: true, manage: true, register: false },
    });
    // the instants come back in UTC: 10:00 in Moscow is 07:00 UTC
    expect(event.startsAt).toMatch(/T07:00:00\.000Z$/);
    expect(event.slug).toMatch(/^birzha-kontaktov-keramika-i-filtry-[0-9a-f]{6}$/);
    expect(event.venueLabel?.ru).toBeTruthy();

    // a draft: its organisers and the region's coordinator see it; a visitor, a member, another organisation do not
    expect((await send(t, null, 'GET', `/api/v1/events/${event.slug}`)).statusCode).toBe(404);
    expect((await send(t, p.obninskMember, 'GET', `/api/v1/events/${event.slug}`)).statusCode).toBe(404);
    expect((await send(t, p.ardlEditor, 'GET', `/api/v1/events/${event.slug}`)).statusCode).toBe(404);
    expect((await send(t, p.kalugaCoordinator, 'GET', `/api/v1/events/${event.slug}`)).json().can.edit).toBe(true);
    const visitorList = (await send(t, null, 'GET', '/api/v1/events?pageSize=100')).json() as EventList;
    expect(visitorList.items.map((e) => e.slug)).not.toContain(event.slug);
    const mine = (await send(t, p.obninskEditor, 'GET', '/api/v1/events?mine=true')).json() as EventList;
    expect(mine.items.map((e) => e.slug)).toContain(event.slug);

    // a change with a stale version is refused; with the current one it lands
    const changed = await send(t, p.obninskEditor, 'PUT', `/api/v1/events/${event.slug}`, { registrationOpen: true }, 1);
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ registrationOpen: true, version: 2 });
    const stale = await send(t, p.obninskEditor, 'PUT', `/api/v1/events/${event.slug}`, { languages: ['ru'] }, 1);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'version_conflict', currentVersion: 2 });
    // a plain member does not organise
    expect((await send(t, p.obninskMember, 'POST', `/api/v1/events/${event.slug}/publish`)).statusCode).toBe(404);

    const published = await send(t, p.obninskEditor, 'POST', `/api/v1/events/${event.slug}/publish`, undefined, 2);
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'published', version: 3 });
    const seen = (await send(t, null, 'GET', `/api/v1/events/${event.slug}`)).json() as Event;
    expect(seen).toMatchObject({ status: 'published', can: { edit: false, manage: false, register: false } });
    expect((await send(t, p.obninskMember, 'GET', `/api/v1/events/${event.slug}`)).json().can.register).toBe(true);
    // a published event is cancelled, not deleted
    const refused = await send(t, p.obninskEditor, 'DELETE', `/api/v1/events/${event.slug}`);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'event_invalid', reason: 'not_a_draft' });
    const cancelled = await send(t, p.obninskEditor, 'POST', `/api/v1/events/${event.slug}/cancel`, { reason: 'Перенос на осень' }, 3);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelledReason: 'Перенос на осень', can: { edit: false } });
    expect((await send(t, null, 'GET', `/api/v1/events/${event.slug}`)).json().cancelledReason).toBe('Перенос на осень');

    const trail = await t.database.db.select().from(auditEvents).where(eq(auditEvents.entityId, event.id));
    expect(trail.map((a) => a.action).sort()).toEqual(['event.cancelled', 'event.created', 'event.published', 'event.updated']);
  });

  it('deletes a draft, and refuses those who may not create in an organisation’s name', async () => {
    const draft = (await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput(41))).json() as Event;
    expect((await send(t, p.obninskEditor, 'DELETE', `/api/v1/events/${draft.slug}`, undefined, 1)).statusCode).toBe(204);
    expect((await send(t, p.obninskEditor, 'GET', `/api/v1/events/${draft.slug}`)).statusCode).toBe(404);

    expect((await send(t, null, 'POST', '/api/v1/events', eventInput())).statusCode).toBe(401);
    const member = await send(t, p.obninskMember, 'POST', '/api/v1/events', eventInput());
    expect(member.statusCode).toBe(403);
    expect(member.json().error.field).toBe('body.organisers');
    expect((await send(t, p.ardlEditor, 'POST', '/api/v1/events', eventInput())).statusCode).toBe(403);
    // an editor of any one organiser creates; so does the coordinator of the region
    const shared = eventInput(42, {
      organisers: [
        { organisationSlug: 'obninsk-administration', role: 'organiser' },
        { organisationSlug: 'ardl', role: 'co_organiser' },
      ],
    });
    expect((await send(t, p.ardlEditor, 'POST', '/api/v1/events', shared)).statusCode).toBe(201);
    expect((await send(t, p.kalugaCoordinator, 'POST', '/api/v1/events', eventInput(43))).statusCode).toBe(201);
  });
});

describe('the list’s period', () => {
  it('refuses a day that does not exist, naming the parameter, never a 500', async () => {
    for (const [query, field] of [
      ['from=2027-02-30', 'query.from'],
      ['from=2027-13-45', 'query.from'],
      ['to=2027-04-31', 'query.to'],
    ]) {
      const res = await t.app.inject(`/api/v1/events?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().error).toMatchObject({ field, reason: 'no_such_day' });
    }
  });
});

describe('bad input', () => {
  const refusals: [string, Record<string, unknown>, number, string, string][] = [
    [
      'an end before the start',
      { endsAt: '2027-01-01T09:00:00+03:00', startsAt: '2027-01-01T10:00:00+03:00' },
      422,
      'event_invalid',
      'body.endsAt',
    ],
    ['an invalid time zone', { timeZone: 'Mars/Olympus' }, 422, 'unknown_value', 'body.timeZone'],
    ['a title with no text in any language', { title: { original: 'fr' } }, 400, 'validation_failed', 'body.title.fr'],
    ['an offset for a time zone', { timeZone: '+03:00' }, 422, 'unknown_value', 'body.timeZone'],
    ['a venue that is not a venue', { venueOrganisationSlug: 'iate-mephi' }, 422, 'event_invalid', 'body.venueOrganisationSlug'],
    ['an unknown venue', { venueOrganisationSlug: 'no-such-place' }, 422, 'unknown_value', 'body.venueOrganisationSlug'],
    [
      'an organiser twice',
      {
        organisers: [
          { organisationSlug: 'obninsk-administration', role: 'organiser' },
          { organisationSlug: 'obninsk-administration', role: 'host' },
        ],
      },
      422,
      'event_invalid',
      'body.organisers.1.organisationSlug',
    ],
    ['an unknown region', { regionCode: 'RU-XXX' }, 422, 'unknown_value', 'body.regionCode'],
    ['no date at all', { startsAt: null, endsAt: null }, 422, 'event_invalid', 'body.startsAt'],
    ['a day and month that never are', { startsAt: null, endsAt: null, knownDate: '--02-30' }, 400, 'validation_failed', 'body.knownDate'],
    ['a local time without an offset', { startsAt: '2027-01-01T10:00:00' }, 400, 'validation_failed', 'body.startsAt'],
  ];
  it.each(refusals)('refuses %s, naming the field, and saves nothing', async (_what, overrides, status, code, field) => {
    const before = await eventCount();
    const res = await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput(40, overrides));
    expect(res.statusCode).toBe(status);
    expect(res.json().error).toMatchObject({ code, field });
    expect(await eventCount()).toBe(before);
  });

  it('takes a day and month without a year, 29 February too', async () => {
    const res = await send(
      t,
      p.obninskEditor,
      'POST',
      '/api/v1/events',
      eventInput(40, { startsAt: null, endsAt: null, knownDate: '--02-29' }),
    );
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ knownDate: '--02-29', startsAt: null, endsAt: null });
  });

  it('refuses a change that ends the event before it starts, and keeps the event as it was', async () => {
    const event = (await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput(44))).json() as Event;
    const res = await send(t, p.obninskEditor, 'PUT', `/api/v1/events/${event.slug}`, { endsAt: '2000-01-01T00:00:00Z' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.field).toBe('body.endsAt');
    expect((await send(t, p.obninskEditor, 'GET', `/api/v1/events/${event.slug}`)).json()).toMatchObject({
      endsAt: event.endsAt,
      version: 1,
    });
  });
});

describe('concurrent changes', () => {
  it('lets one of two changes of one version land, and refuses the other with 409', async () => {
    const event = (await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput(45))).json() as Event;
    const [a, b] = await Promise.all([
      send(t, p.obninskEditor, 'PUT', `/api/v1/events/${event.slug}`, { languages: ['ru'] }, 1),
      send(t, p.kalugaCoordinator, 'PUT', `/api/v1/events/${event.slug}`, { languages: ['fr'] }, 1),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 409]);
    expect((await send(t, p.obninskEditor, 'GET', `/api/v1/events/${event.slug}`)).json().version).toBe(2);
  });
});

describe('the time zones', () => {
  it('lists the IANA zones with their offsets now', async () => {
    const res = await send(t, null, 'GET', '/api/v1/reference/time-zones');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as { id: string; offset: string }[];
    expect(items).toContainEqual({ id: 'Europe/Moscow', offset: '+03:00' });
    expect(items.find((z) => z.id === 'Europe/Paris')?.offset).toMatch(/^\+0[12]:00$/);
    expect(items.find((z) => z.id === 'UTC')?.offset).toBe('+00:00');
  });
});
