import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertEvent, insertParticipationType, insertRegistration } from '../../../test/events.js';
import { setLanguage } from '../../../test/offer-interest.js';
import { readOutbox } from '../../../test/outbox.js';
import { sendIfMatch } from '../../../test/registration.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { lastMail, signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let organiser: TestUser;
let coordinator: TestUser; // coordinates FR-NAQ: not the event's region
let event: Awaited<ReturnType<typeof insertEvent>>;

beforeAll(async () => {
  t = await createTestPlatform();
  organiser = await signedInUser(t, 'dec.organiser@example.org', [{ role: 'org_admin', organisationSlug: 'airko' }]);
  coordinator = await signedInUser(t, 'dec.coordinator@example.org', [{ role: 'regional_coordinator', regionCode: 'FR-NAQ' }]);
  event = await insertEvent(t, ['airko']);
});
afterAll(() => t.close());

const register = async (user: TestUser, typeId: string) =>
  (await user.send('POST', `/api/v1/events/${event.slug}/registrations`, { participationTypeId: typeId })).json();

describe('approval, decline, cancellation and the waiting list', () => {
  it('approves a pending registration (confirmed, e-mail in French), declines one with a reason, each versioned', async () => {
    const type = await insertParticipationType(t, event.id, { kind: 'speaker', requiresApproval: true, capacity: 1 });
    const anne = await signedInUser(t, 'dec.anne@example.org');
    await setLanguage(t, 'dec.anne@example.org', 'fr');
    const boris = await signedInUser(t, 'dec.boris@example.org');
    await setLanguage(t, 'dec.boris@example.org', 'ru');
    const claire = await signedInUser(t, 'dec.claire@example.org');
    const a = await register(anne, type.id);
    const b = await register(boris, type.id);
    const c = await register(claire, type.id);
    expect([a.status, b.status, c.status]).toEqual(['pending', 'pending', 'pending']);

    // only organisers decide; the registrant may not approve themselves; others do not see it
    expect((await sendIfMatch(t, anne, 'POST', `/api/v1/registrations/${a.id}/approve`, 1)).statusCode).toBe(403);
    expect((await sendIfMatch(t, coordinator, 'POST', `/api/v1/registrations/${a.id}/approve`, 1)).statusCode).toBe(404);
    const stale = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${a.id}/approve`, 7);
    expect(stale.json().error.code).toBe('version_conflict');

    const approved = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${a.id}/approve`, 1);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ status: 'confirmed', version: 2 });
    expect(approved.headers.etag).toBe('"2"');
    expect((await lastMail(t, 'dec.anne@example.org')).subject).toContain('Votre inscription est confirmée');
    const again = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${a.id}/approve`, 2);
    expect(again.json().error.code).toBe('registration_not_pending');

    // the only place is taken: approval puts the next on the waiting list
    const full = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${b.id}/approve`, 1);
    expect(full.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await lastMail(t, 'dec.boris@example.org')).subject).toContain('листе ожидания');

    const declined = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${c.id}/decline`, 1, { reason: 'Programme full' });
    expect(declined.json()).toMatchObject({ status: 'declined', statusReason: 'Programme full' });
    const mail = await lastMail(t, 'dec.claire@example.org');
    expect(mail.subject).toContain('Registration declined');
    expect(mail.text).toContain('Programme full');

    // Anne cancels: Boris, first on the waiting list, gets the place and an e-mail in Russian, in the same transaction
    const cancelled = await sendIfMatch(t, anne, 'POST', `/api/v1/registrations/${a.id}/cancel`, 2, {});
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().status).toBe('cancelled');
    expect((await boris.get(`/api/v1/events/${event.slug}/registrations/mine`)).json().status).toBe('confirmed');
    expect((await lastMail(t, 'dec.boris@example.org')).subject).toContain('Освободилось место');
    const twice = await sendIfMatch(t, anne, 'POST', `/api/v1/registrations/${a.id}/cancel`, 3, {});
    expect(twice.json().error.code).toBe('registration_not_active');
    // after cancelling, one may register again
    expect((await register(anne, type.id)).status).toBe('pending');
    // each write is in the audit log
    const actions = (await t.database.db.execute(
      sql`select action from audit_events where entity_id in (${a.id}, ${b.id}, ${c.id}) order by at, action`,
    )) as unknown as { rows: { action: string }[] };
    expect(actions.rows.map((r) => r.action)).toEqual(
      expect.arrayContaining([
        'registration.created',
        'registration.approved',
        'registration.declined',
        'registration.cancelled',
        'registration.confirmed_from_waiting_list',
      ]),
    );
  });

  it('frees the place of a confirmed registration an organiser declines or cancels to the waiting list, in order', async () => {
    const type = await insertParticipationType(t, event.id, { kind: 'visitor', capacity: 1 });
    const held = await insertRegistration(t, event.id, type.id, { email: 'dec.held@example.org' });
    const first = await insertRegistration(t, event.id, type.id, {
      status: 'waitlisted',
      email: 'dec.first@example.org',
      createdAt: new Date(Date.now() - 5000),
    });
    const second = await insertRegistration(t, event.id, type.id, {
      status: 'waitlisted',
      email: 'dec.second@example.org',
      createdAt: new Date(Date.now() - 1000),
    });
    const before = readOutbox(t.services.repos.mail.folder!).length;
    const cancelled = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${held.id}/cancel`, 1, { reason: 'Duplicate' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', statusReason: 'Duplicate' });
    const list = (await organiser.get(`/api/v1/events/${event.slug}/registrations?type=${type.id}`)).json();
    const statusOf = (id: string) => list.items.find((r: { id: string }) => r.id === id).status;
    expect([statusOf(first.id), statusOf(second.id)]).toEqual(['confirmed', 'waitlisted']);
    const sent = readOutbox(t.services.repos.mail.folder!)
      .slice(before)
      .map((m) => m.to);
    expect(sent.sort()).toEqual(['dec.first@example.org', 'dec.held@example.org']);

    const declined = await sendIfMatch(t, organiser, 'POST', `/api/v1/registrations/${first.id}/decline`, 2, {});
    expect(declined.json().status).toBe('declined');
    const after = (await organiser.get(`/api/v1/events/${event.slug}/registrations?type=${type.id}&status=confirmed`)).json();
    expect(after.items.map((r: { id: string }) => r.id)).toEqual([second.id]);
  });

  it('lets organisers add attendees without accounts, within the capacity unless told to go over it', async () => {
    const type = await insertParticipationType(t, event.id, { kind: 'delegate', capacity: 1 });
    const url = `/api/v1/events/${event.slug}/attendees`;
    const added = await organiser.send('POST', url, {
      participationTypeId: type.id,
      name: 'Hélène Dupré',
      organisationSlug: 'limousin-regional-council',
      email: 'helene@example.org',
    });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({
      status: 'confirmed',
      hasAccount: false,
      sector: 'government',
      regionCode: 'FR-87',
      organisation: { slug: 'limousin-regional-council' },
    });
    expect((await lastMail(t, 'helene@example.org')).subject).toContain('You are registered');
    const full = await organiser.send('POST', url, { participationTypeId: type.id, name: 'Jean Martin' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error).toMatchObject({ code: 'participation_type_full', field: 'body.overCapacity' });
    const over = await organiser.send('POST', url, {
      participationTypeId: type.id,
      name: 'Jean Martin',
      sector: 'business',
      regionCode: 'FR-87',
      overCapacity: true,
    });
    expect(over.json()).toMatchObject({ status: 'confirmed', sector: 'business' });
    const stranger = await signedInUser(t, 'dec.stranger@example.org');
    expect((await stranger.send('POST', url, { participationTypeId: type.id, name: 'X' })).statusCode).toBe(403);
    const noName = await organiser.send('POST', url, { participationTypeId: type.id, name: '  ' });
    expect(noName.json().error.field).toBe('body.name');
    const delegation = await organiser.send('POST', url, {
      participationTypeId: type.id,
      name: 'Y',
      delegationId: '00000000-0000-4000-8000-000000000000',
      overCapacity: true,
    });
    expect(delegation.json().error).toMatchObject({ code: 'not_found', field: 'body.delegationId' });
  });

  it('lists registrations for organisers only, searching names regardless of accents and case, in Latin and Cyrillic', async () => {
    const type = await insertParticipationType(t, event.id, { kind: 'press' });
    await insertRegistration(t, event.id, type.id, { name: 'Hélène Lefèvre' });
    await insertRegistration(t, event.id, type.id, { name: 'Алёна Фёдорова' });
    await insertRegistration(t, event.id, type.id, { name: '50% Off_Man' });
    const search = async (q: string) =>
      (await organiser.get(`/api/v1/events/${event.slug}/registrations?type=${type.id}&q=${encodeURIComponent(q)}`))
        .json()
        .items.map((r: { name: string }) => r.name);
    expect(await search('helene LEFEVRE')).toEqual(['Hélène Lefèvre']);
    expect(await search('фёдор')).toEqual(['Алёна Фёдорова']);
    expect(await search('АЛЁНА')).toEqual(['Алёна Фёдорова']);
    expect(await search('%')).toEqual(['50% Off_Man']);
    const page = (await organiser.get(`/api/v1/events/${event.slug}/registrations?type=${type.id}&pageSize=2`)).json();
    expect(page).toMatchObject({ total: 3 });
    expect(page.items).toHaveLength(2);
    const someone = await signedInUser(t, 'dec.lister@example.org');
    expect((await someone.get(`/api/v1/events/${event.slug}/registrations`)).statusCode).toBe(403);
  });
});
