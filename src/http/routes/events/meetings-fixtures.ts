import type { LightMyRequestResponse } from 'fastify';
import { randomBytes } from 'node:crypto';
import { atDay, insertEvent, insertParticipationType, insertRegistration } from '../../../test/events.js';
import type { TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

/** A participant of the meetings' tests: a signed-in member with their registration. */
export interface Participant extends TestUser {
  registrationId: string;
}

/** The day of the test events: 06:00–15:00 UTC a month from now. */
export const eventStart = () => atDay(30, 6);
export const at = (hour: number, minute = 0) => new Date(eventStart().getTime() + ((hour - 6) * 60 + minute) * 60_000);

/** A write with If-Match from a test user. */
export function withIfMatch(
  t: TestPlatform,
  user: TestUser,
  method: 'POST' | 'PUT',
  url: string,
  version: number | string,
  body?: unknown,
): Promise<LightMyRequestResponse> {
  return t.app.inject({
    method,
    url,
    headers: { cookie: `cb_session=${user.cookie}`, 'x-csrf-token': user.csrf, 'if-match': `"${version}"` },
    ...(body === undefined ? {} : { payload: body as object }),
  });
}

/** A brokerage event with meetings of 20 minutes, organised by IATE MEPhI, with its organiser signed in. */
export async function meetingEvent(t: TestPlatform, values: Parameters<typeof insertEvent>[2] = {}) {
  const tag = randomBytes(3).toString('hex');
  const organiser = await signedInUser(t, `organiser-${tag}@example.org`, [{ role: 'org_admin', organisationSlug: 'iate-mephi' }]);
  const event = await insertEvent(t, ['iate-mephi'], { meetingsEnabled: true, meetingLengthMinutes: 20, ...values });
  const type = await insertParticipationType(t, event.id);
  return { event, type, organiser, tag };
}

/** A signed-in participant registered (confirmed, meetings on) for the event, of the given organisation. */
export async function participant(
  t: TestPlatform,
  eventId: string,
  typeId: string,
  organisationSlug: string | null,
  values: Parameters<typeof insertRegistration>[3] = {},
): Promise<Participant> {
  const email = `p-${randomBytes(4).toString('hex')}@example.org`;
  const user = await signedInUser(t, email, organisationSlug ? [{ role: 'member', organisationSlug }] : []);
  const organisation = organisationSlug ? await t.services.repos.organisations.getBySlug(organisationSlug) : null;
  const registration = await insertRegistration(t, eventId, typeId, {
    userId: user.id,
    email,
    organisationId: organisation?.id ?? null,
    organisationName: organisation ? null : 'A company not on the platform',
    ...values,
  });
  return { ...user, registrationId: registration.id };
}

/** Sends a request and has it accepted; the request's id. */
export async function acceptedRequest(
  slug: string,
  from: Participant,
  to: Participant,
  priorities: ['must_meet' | 'would_like', 'must_meet' | 'would_like'] = ['would_like', 'would_like'],
): Promise<string> {
  const sent = await from.send('POST', `/api/v1/events/${slug}/meeting-requests`, {
    recipientRegistrationId: to.registrationId,
    priority: priorities[0],
  });
  if (sent.statusCode !== 201) throw new Error(`request failed: ${sent.body}`);
  const accepted = await to.send('POST', `/api/v1/meeting-requests/${sent.json().id}/accept`, { priority: priorities[1] });
  if (accepted.statusCode !== 200) throw new Error(`accept failed: ${accepted.body}`);
  return sent.json().id;
}
