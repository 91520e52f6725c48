import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../../db/schema/index.js';
import type { Registration } from '../../../shared/schemas/events/registration.js';
import { insertEvent, insertParticipationType } from '../../../test/events.js';
import { setLanguage } from '../../../test/offer-interest.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { lastMail, signedInUser, type TestUser } from '../../../test/users.js';

let t: TestPlatform;
let organiser: TestUser;
let french: TestUser; // a member of ARDL (Limousin), reading French
let russian: TestUser; // a member of IATE MEPhI, reading Russian
let typed: TestUser; // of no organisation on the platform
let event: Awaited<ReturnType<typeof insertEvent>>;
let company: Awaited<ReturnType<typeof insertParticipationType>>;

beforeAll(async () => {
  t = await createTestPlatform();
  organiser = await signedInUser(t, 'reg.organiser@example.org', [{ role: 'org_editor', organisationSlug: 'iate-mephi' }]);
  french = await signedInUser(t, 'reg.french@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
  await setLanguage(t, 'reg.french@example.org', 'fr');
  russian = await signedInUser(t, 'reg.russian@example.org', [{ role: 'member', organisationSlug: 'iate-mephi' }]);
  await setLanguage(t, 'reg.russian@example.org', 'ru');
  typed = await signedInUser(t, 'reg.typed@example.org');
  event = await insertEvent(t, ['iate-mephi'], {
    title: { original: 'ru', ru: 'Круглый стол в Обнинске', fr: 'Table ronde à Obninsk', en: 'Round table in Obninsk' },
  });
  company = await insertParticipationType(t, event.id, {
    name: { original: 'en', en: 'Company', fr: 'Entreprise', ru: 'Компания' },
    questions: [
      {
        id: 'diet',
        label: { original: 'en', en: 'Diet' },
        kind: 'choice',
        required: true,
        choices: [{ id: 'any', label: { original: 'en', en: 'Any' } }],
      },
      { id: 'needs', label: { original: 'en', en: 'Needs' }, kind: 'text', required: false },
    ],
  });
});
afterAll(() => t.close());

const url = () => `/api/v1/events/${event.slug}/registrations`;

describe('registering oneself', () => {
  it('confirms, copies the organisation’s sector and region, and e-mails in French', async () => {
    const res = await french.send('POST', url(), {
      participationTypeId: company.id,
      organisationSlug: 'ardl',
      jobTitle: ' Chargée de mission ',
      answers: { diet: 'any', needs: ' ' },
    });
    expect(res.statusCode, res.body).toBe(201);
    const registration = res.json<Registration>();
    expect(registration).toMatchObject({
      eventSlug: event.slug,
      status: 'confirmed',
      sector: 'government',
      regionCode: 'FR-87',
      organisation: { slug: 'ardl' },
      jobTitle: 'Chargée de mission',
      answers: { diet: 'any' },
      participationType: { id: company.id, kind: 'company' },
      version: 1,
      checkedInAt: null,
    });
    expect(res.headers.etag).toBe('"1"');
    const mail = await lastMail(t, 'reg.french@example.org');
    expect(mail.subject).toContain('Votre inscription est confirmée');
    expect(mail.subject).toContain('Table ronde à Obninsk');
    expect(mail.text).toContain(`/events/${event.slug}`);

    const mine = await french.get(`${url()}/mine`);
    expect(mine.statusCode).toBe(200);
    expect(mine.json().id).toBe(registration.id);
    const all = await french.get('/api/v1/my/registrations');
    expect(all.json().items).toEqual([
      expect.objectContaining({ id: registration.id, event: expect.objectContaining({ slug: event.slug, timeZone: 'Europe/Moscow' }) }),
    ]);

    const twice = await french.send('POST', url(), { participationTypeId: company.id, answers: { diet: 'any' } });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('already_registered');
  });

  it('takes a typed organisation, sector and region; a waiting list and approval e-mail in Russian', async () => {
    const res = await typed.send('POST', url(), {
      participationTypeId: company.id,
      organisationName: 'Kaluga Ceramics',
      sector: 'business',
      regionCode: 'RU-KLU',
      answers: { diet: 'any' },
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ organisation: null, organisationName: 'Kaluga Ceramics', sector: 'business', regionCode: 'RU-KLU' });

    const approval = await insertParticipationType(t, event.id, {
      kind: 'speaker',
      name: { original: 'ru', ru: 'Докладчик' },
      requiresApproval: true,
    });
    const pending = await russian.send('POST', url(), { participationTypeId: approval.id, organisationSlug: 'iate-mephi' });
    expect(pending.json()).toMatchObject({ status: 'pending', sector: 'science' });
    const mail = await lastMail(t, 'reg.russian@example.org');
    expect(mail.subject).toContain('ожидает одобрения');
    expect(mail.subject).toContain('Круглый стол в Обнинске');
  });

  it('puts people on the waiting list once the type is full, with their place in it', async () => {
    const small = await insertParticipationType(t, event.id, { kind: 'visitor', capacity: 1 });
    const a = await signedInUser(t, 'reg.wait.a@example.org');
    const b = await signedInUser(t, 'reg.wait.b@example.org');
    const c = await signedInUser(t, 'reg.wait.c@example.org');
    expect((await a.send('POST', url(), { participationTypeId: small.id })).json().status).toBe('confirmed');
    const second = (await b.send('POST', url(), { participationTypeId: small.id })).json();
    expect(second).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await c.send('POST', url(), { participationTypeId: small.id })).json()).toMatchObject({
      status: 'waitlisted',
      waitlistPosition: 2,
    });
    const mail = await lastMail(t, 'reg.wait.c@example.org');
    expect(mail.subject).toContain('On the waiting list');
    expect(mail.text).toContain('number 2');
    const types = (await t.app.inject({ method: 'GET', url: `/api/v1/events/${event.slug}/participation-types` })).json().items;
    expect(types.find((x: { id: string }) => x.id === small.id)).toMatchObject({ confirmedCount: 1, waitlistedCount: 2, placesLeft: 0 });
  });

  it('checks the answers against the questions, naming body.answers.<id>', async () => {
    const someone = await signedInUser(t, 'reg.answers@example.org');
    const missing = await someone.send('POST', url(), { participationTypeId: company.id, answers: {} });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'invalid_answer', field: 'body.answers.diet', reason: 'required' });
    const unknownChoice = await someone.send('POST', url(), { participationTypeId: company.id, answers: { diet: 'caviar' } });
    expect(unknownChoice.json().error).toMatchObject({ code: 'invalid_answer', field: 'body.answers.diet', reason: 'unknown_value' });
    const noQuestion = await someone.send('POST', url(), { participationTypeId: company.id, answers: { diet: 'any', shoe: 'size 42' } });
    expect(noQuestion.json().error).toMatchObject({ code: 'invalid_answer', field: 'body.answers.shoe' });
    const wrongType = await someone.send('POST', url(), { participationTypeId: company.id, answers: { diet: true } });
    expect(wrongType.json().error).toMatchObject({ code: 'invalid_answer', field: 'body.answers.diet' });
    expect((await someone.get(`${url()}/mine`)).statusCode).toBe(404);
  });

  it('refuses an organisation one is not a member of, an unknown one or region, and another event’s type', async () => {
    const someone = await signedInUser(t, 'reg.orgs@example.org', [{ role: 'member', organisationSlug: 'ardl' }]);
    const other = await someone.send('POST', url(), {
      participationTypeId: company.id,
      organisationSlug: 'airko',
      answers: { diet: 'any' },
    });
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toMatchObject({ code: 'not_a_member', field: 'body.organisationSlug' });
    const unknown = await someone.send('POST', url(), {
      participationTypeId: company.id,
      organisationSlug: 'no-such-org',
      answers: { diet: 'any' },
    });
    expect(unknown.json().error).toMatchObject({ code: 'unknown_value', field: 'body.organisationSlug' });
    const region = await someone.send('POST', url(), { participationTypeId: company.id, regionCode: 'XX-ZZ', answers: { diet: 'any' } });
    expect(region.json().error).toMatchObject({ code: 'unknown_value', field: 'body.regionCode' });
    const elsewhere = await insertEvent(t, ['iate-mephi']);
    const foreign = await insertParticipationType(t, elsewhere.id);
    const wrong = await someone.send('POST', url(), { participationTypeId: foreign.id });
    expect(wrong.statusCode).toBe(404);
    expect(wrong.json().error.field).toBe('body.participationTypeId');
    const bad = await someone.send('POST', url(), { participationTypeId: 'not-a-uuid' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('body.participationTypeId');
  });

  it('refuses registration when closed, cancelled, a draft, or without a confirmed e-mail', async () => {
    const someone = await signedInUser(t, 'reg.closed@example.org');
    const cases = [
      await insertEvent(t, ['iate-mephi'], { status: 'cancelled', cancelledReason: 'Storm' }),
      await insertEvent(t, ['iate-mephi'], { registrationOpen: false }),
      await insertEvent(t, ['iate-mephi'], { registrationClosesAt: new Date(Date.now() - 60_000) }),
    ];
    for (const closed of cases) {
      const type = await insertParticipationType(t, closed.id);
      const res = await someone.send('POST', `/api/v1/events/${closed.slug}/registrations`, { participationTypeId: type.id });
      expect(res.statusCode, closed.status).toBe(422);
      expect(res.json().error.code).toBe('registration_closed');
    }
    const draft = await insertEvent(t, ['iate-mephi'], { status: 'draft' });
    const draftType = await insertParticipationType(t, draft.id);
    const asOrganiser = await organiser.send('POST', `/api/v1/events/${draft.slug}/registrations`, { participationTypeId: draftType.id });
    expect(asOrganiser.json().error.code).toBe('registration_closed');
    expect((await t.app.inject({ method: 'POST', url: url(), payload: { participationTypeId: company.id } })).statusCode).toBe(401);
    const unconfirmed = await signedInUser(t, 'reg.unconfirmed@example.org');
    await t.database.db.update(users).set({ emailConfirmedAt: null }).where(eq(users.id, unconfirmed.id));
    const refused = await unconfirmed.send('POST', url(), { participationTypeId: company.id, answers: { diet: 'any' } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('email_not_confirmed');
  });
});
