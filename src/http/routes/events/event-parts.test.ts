import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdf } from '../../../services/registry/documents/test-files.js';
import type { Delegation, Event, EventList, Session } from '../../../shared/schemas/events/events.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { eventInput, eventPeople, send, type EventPeople } from './events-fixtures.js';

let t: TestPlatform;
let p: EventPeople;
let event: Event;
beforeAll(async () => {
  t = await createTestPlatform();
  p = await eventPeople(t, 'parts');
  event = (await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput(50))).json() as Event;
});
afterAll(() => t.close());

const day = () => event.startsAt!.slice(0, 10);
const at = (hhmm: string) => `${day()}T${hhmm}:00+03:00`;

describe('the programme', () => {
  it('keeps sessions in time order within the event, with speakers, languages and interpretation', async () => {
    const url = `/api/v1/events/${event.slug}/sessions`;
    const late = await send(t, p.obninskEditor, 'POST', url, {
      kind: 'session',
      title: { original: 'fr', fr: 'Table ronde : filtres céramiques' },
      startsAt: at('14:00'),
      endsAt: at('15:30'),
      room: 'Grande salle',
      speakers: [{ name: 'Jeanne Martin', organisationSlug: 'ardl' }],
      languages: ['fr', 'ru'],
      interpretation: ['fr>ru', 'ru>fr'],
    });
    expect(late.statusCode).toBe(201);
    expect(late.json()).toMatchObject({
      room: 'Grande salle',
      speakers: [{ name: 'Jeanne Martin', organisationSlug: 'ardl' }],
      version: 1,
    });
    await send(t, p.obninskEditor, 'POST', url, {
      kind: 'session',
      title: { original: 'en', en: 'Opening' },
      startsAt: at('10:00'),
      endsAt: at('10:30'),
    });
    const list = (await send(t, p.obninskEditor, 'GET', url)).json().items as Session[];
    expect(list.map((s) => s.title.en ?? s.title.fr)).toEqual(['Opening', 'Table ronde : filtres céramiques']);

    const before = await send(t, p.obninskEditor, 'POST', url, {
      kind: 'session',
      title: { original: 'en', en: 'Too early' },
      startsAt: at('08:00'),
      endsAt: at('09:00'),
    });
    expect(before.statusCode).toBe(422);
    expect(before.json().error).toMatchObject({ code: 'event_invalid', field: 'body.startsAt', reason: 'outside_event' });
    const after = await send(t, p.obninskEditor, 'POST', url, {
      kind: 'session',
      title: { original: 'en', en: 'Too late' },
      startsAt: at('17:00'),
      endsAt: at('19:00'),
    });
    expect(after.json().error).toMatchObject({ code: 'event_invalid', field: 'body.endsAt' });
    const backwards = await send(t, p.obninskEditor, 'POST', url, {
      kind: 'session',
      title: { original: 'en', en: 'Backwards' },
      startsAt: at('12:00'),
      endsAt: at('11:00'),
    });
    expect(backwards.json().error).toMatchObject({ field: 'body.endsAt', reason: 'ends_before_start' });
    expect(
      (
        await send(t, p.ardlEditor, 'POST', url, {
          kind: 'break',
          title: { original: 'en', en: 'Coffee' },
          startsAt: at('11:00'),
          endsAt: at('11:15'),
        })
      ).statusCode,
    ).toBe(404);

    const session = late.json() as Session;
    const moved = await send(t, p.obninskEditor, 'PUT', `${url}/${session.id}`, { room: 'Salle 2' }, 1);
    expect(moved.json()).toMatchObject({ room: 'Salle 2', version: 2 });
    expect((await send(t, p.obninskEditor, 'PUT', `${url}/${session.id}`, { room: 'Salle 3' }, 1)).statusCode).toBe(409);
    expect((await send(t, p.obninskEditor, 'DELETE', `${url}/${session.id}`)).statusCode).toBe(204);
    expect(((await send(t, p.obninskEditor, 'GET', url)).json().items as Session[]).length).toBe(1);
  });
});

describe('delegations', () => {
  const url = () => `/api/v1/events/${event.slug}/delegations`;
  const delegation = (overrides: Record<string, unknown> = {}) => ({
    name: { original: 'fr', fr: 'Délégation du Limousin' },
    fromRegionCode: 'FR-NAQ',
    arrivesOn: day(),
    departsOn: day(),
    members: [
      {
        position: { original: 'fr', fr: 'Vice-président du conseil régional' },
        organisationSlug: 'limousin-regional-council',
        role: 'head',
      },
      { name: 'Paul Durand', organisationSlug: 'ardl', role: 'member' },
    ],
    ...overrides,
  });

  it('keeps a head named by the office alone, members in order, and the programme of visits', async () => {
    const res = await send(t, p.obninskEditor, 'POST', url(), delegation());
    expect(res.statusCode).toBe(201);
    const created = res.json() as Delegation;
    expect(created.members).toMatchObject([
      { name: null, role: 'head', organisation: { slug: 'limousin-regional-council' } },
      { name: 'Paul Durand', role: 'member' },
    ]);
    const visit = await send(t, p.obninskEditor, 'POST', `/api/v1/events/${event.slug}/sessions`, {
      kind: 'site_visit',
      title: { original: 'en', en: 'Visit of IATE MEPhI' },
      startsAt: at('16:00'),
      endsAt: at('17:00'),
      delegationId: created.id,
      siteOrganisationSlug: 'iate-mephi',
    });
    expect(visit.json()).toMatchObject({ delegationId: created.id, site: { slug: 'iate-mephi' } });
    const list = (await send(t, null, 'GET', url())).statusCode;
    expect(list).toBe(404); // the event is a draft: a visitor does not see it
    const mine = (await send(t, p.obninskEditor, 'GET', url())).json().items as Delegation[];
    expect(mine[0]!.programme.map((s) => s.title.en)).toEqual(['Visit of IATE MEPhI']);

    // members sent replace them whole
    const changed = await send(
      t,
      p.obninskEditor,
      'PUT',
      `${url()}/${created.id}`,
      { members: [{ name: 'Paul Durand', role: 'head' }] },
      1,
    );
    expect(changed.json()).toMatchObject({ members: [{ name: 'Paul Durand', role: 'head' }], version: 2 });
  });

  it('refuses two heads, a departure before the arrival, a nameless member, an unknown region', async () => {
    const twoHeads = await send(
      t,
      p.obninskEditor,
      'POST',
      url(),
      delegation({
        members: [
          { name: 'A', role: 'head' },
          { name: 'B', role: 'head' },
        ],
      }),
    );
    expect(twoHeads.statusCode).toBe(422);
    expect(twoHeads.json().error).toMatchObject({ code: 'event_invalid', field: 'body.members.1.role', reason: 'one_head' });
    const backwards = await send(t, p.obninskEditor, 'POST', url(), delegation({ arrivesOn: '2027-04-18', departsOn: '2027-04-16' }));
    expect(backwards.json().error).toMatchObject({ code: 'event_invalid', field: 'body.departsOn', reason: 'ends_before_start' });
    const nameless = await send(t, p.obninskEditor, 'POST', url(), delegation({ members: [{ role: 'member' }] }));
    expect(nameless.json().error).toMatchObject({ field: 'body.members.0.name' });
    const region = await send(t, p.obninskEditor, 'POST', url(), delegation({ fromRegionCode: 'FR-ZZZ' }));
    expect(region.json().error).toMatchObject({ code: 'unknown_value', field: 'body.fromRegionCode' });
    expect(((await send(t, p.obninskEditor, 'GET', url())).json().items as Delegation[]).length).toBe(1);
  });
});

describe('documents of an event', () => {
  it('are attached by organisers and downloaded by those who may read the event (a draft’s: organisers only)', async () => {
    const upload = (user: typeof p.obninskEditor | null, name: string, body: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/events/${event.slug}/documents?name=${encodeURIComponent(name)}`,
        headers: {
          'content-type': 'application/octet-stream',
          ...(user ? { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf } : {}),
        },
        payload: body,
      });
    const res = await upload(p.obninskEditor, 'Программа.pdf', pdf(2000));
    expect(res.statusCode).toBe(201);
    const document = res.json() as { id: string; mediaType: string; fileName: string; size: number };
    expect(document).toMatchObject({ fileName: 'Программа.pdf', mediaType: 'application/pdf' });
    expect((await upload(p.ardlEditor, 'x.pdf', pdf())).statusCode).toBe(404);
    expect((await upload(p.obninskEditor, 'x.exe', Buffer.from('MZ not a document'))).statusCode).toBe(415);

    const list = (await send(t, p.obninskEditor, 'GET', `/api/v1/events/${event.slug}/documents`)).json();
    expect(list).toMatchObject({ canEdit: true, items: [{ id: document.id }] });
    expect((await send(t, null, 'GET', `/api/v1/documents/${document.id}`)).statusCode).toBe(404);
    expect((await send(t, p.obninskEditor, 'GET', `/api/v1/documents/${document.id}`)).statusCode).toBe(200);

    await send(t, p.obninskEditor, 'POST', `/api/v1/events/${event.slug}/publish`);
    const download = await send(t, null, 'GET', `/api/v1/documents/${document.id}`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.length).toBe(document.size);
    expect((await send(t, p.ardlEditor, 'DELETE', `/api/v1/documents/${document.id}`)).statusCode).toBe(403);
    expect((await send(t, p.obninskEditor, 'DELETE', `/api/v1/documents/${document.id}`)).statusCode).toBe(204);
    expect((await send(t, p.obninskEditor, 'GET', `/api/v1/events/${event.slug}/documents`)).json().items).toEqual([]);
  });
});

describe('the list of events', () => {
  it('filters by kind, region or country, period and words of the title in any language, upcoming first', async () => {
    const make = async (days: number, overrides: Record<string, unknown>) => {
      const e = (await send(t, p.kalugaCoordinator, 'POST', '/api/v1/events', eventInput(days, overrides))).json() as Event;
      await send(t, p.kalugaCoordinator, 'POST', `/api/v1/events/${e.slug}/publish`);
      return e;
    };
    const soon = await make(10, { kind: 'round_table', title: { original: 'fr', fr: 'Table ronde sur les matériaux' } });
    const later = await make(20, { kind: 'conference', title: { original: 'ru', ru: 'Конференция по керамике' } });
    const past = await make(-30, { kind: 'round_table', title: { original: 'en', en: 'Past round table on materials' } });
    const list = async (query: string) =>
      ((await send(t, null, 'GET', `/api/v1/events?pageSize=100&${query}`)).json() as EventList).items.map((e) => e.slug);

    const all = await list('');
    expect(all.indexOf(soon.slug)).toBeLessThan(all.indexOf(later.slug));
    expect(all.indexOf(later.slug)).toBeLessThan(all.indexOf(past.slug));
    expect(await list('kind=round_table')).toEqual(expect.arrayContaining([soon.slug, past.slug]));
    expect(await list('kind=round_table')).not.toContain(later.slug);
    expect(await list('q=matériaux')).toEqual([soon.slug]);
    expect(await list('q=КЕРАМИКЕ')).toEqual([later.slug]);
    expect(await list('region=RU')).toEqual(expect.arrayContaining([soon.slug, later.slug, past.slug]));
    expect(await list('region=FR')).toEqual([]);
    const from = new Date(Date.now() + 15 * 86_400_000).toISOString().slice(0, 10);
    const to = new Date(Date.now() + 25 * 86_400_000).toISOString().slice(0, 10);
    expect(await list(`from=${from}&to=${to}`)).toEqual([later.slug]);
    const bad = await send(t, null, 'GET', '/api/v1/events?region=XX');
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.field).toBe('query.region');
  });
});

describe('the event’s times and its programme', () => {
  it('refuses new times that would leave a session outside the event', async () => {
    const own = (await send(t, p.obninskEditor, 'POST', '/api/v1/events', eventInput(60))).json() as Event;
    const d = own.startsAt!.slice(0, 10);
    await send(t, p.obninskEditor, 'POST', `/api/v1/events/${own.slug}/sessions`, {
      kind: 'session',
      title: { original: 'en', en: 'Closing' },
      startsAt: `${d}T17:00:00+03:00`,
      endsAt: `${d}T18:00:00+03:00`,
    });
    const res = await send(t, p.obninskEditor, 'PUT', `/api/v1/events/${own.slug}`, { endsAt: `${d}T16:00:00+03:00` });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'event_invalid', field: 'body.endsAt', reason: 'outside_event' });
  });
});
