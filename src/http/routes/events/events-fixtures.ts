import type { TestPlatform } from '../../../test/test-platform.js';
import { signedInUser, type TestUser } from '../../../test/users.js';

/** People of the founding case as the events' tests need them. */
export interface EventPeople {
  /** An editor of the Obninsk city administration. */
  obninskEditor: TestUser;
  /** A plain member of the administration: reads, does not organise. */
  obninskMember: TestUser;
  /** The coordinator of the Kaluga region. */
  kalugaCoordinator: TestUser;
  /** An editor of ARDL (Limousin), not an organiser of Obninsk's events. */
  ardlEditor: TestUser;
}

export async function eventPeople(t: TestPlatform, tag: string): Promise<EventPeople> {
  return {
    obninskEditor: await signedInUser(t, `obninsk-editor-${tag}@example.org`, [
      { role: 'org_editor', organisationSlug: 'obninsk-administration' },
    ]),
    obninskMember: await signedInUser(t, `obninsk-member-${tag}@example.org`, [
      { role: 'member', organisationSlug: 'obninsk-administration' },
    ]),
    kalugaCoordinator: await signedInUser(t, `kaluga-coordinator-${tag}@example.org`, [
      { role: 'regional_coordinator', regionCode: 'RU-KLU' },
    ]),
    ardlEditor: await signedInUser(t, `ardl-editor-${tag}@example.org`, [{ role: 'org_editor', organisationSlug: 'ardl' }]),
  };
}

/** A brokerage event in Obninsk on a day `days` ahead, 10:00–18:00 Moscow time, as the editor types it. */
export function eventInput(days = 40, overrides: Record<string, unknown> = {}) {
  const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
  return {
    kind: 'brokerage_event',
    title: { original: 'ru', ru: 'Биржа контактов: керамика и фильтры', fr: 'Rencontres d’affaires : céramique et filtres' },
    timeZone: 'Europe/Moscow',
    startsAt: `${day}T10:00:00+03:00`,
    endsAt: `${day}T18:00:00+03:00`,
    venueOrganisationSlug: 'obninsk-house-of-scientists',
    regionCode: 'RU-KLU',
    languages: ['ru', 'fr'],
    organisers: [{ organisationSlug: 'obninsk-administration', role: 'organiser' }],
    ...overrides,
  };
}

/** Sends a request as a user (or a visitor), with If-Match when a version is given. */
export function send(t: TestPlatform, user: TestUser | null, method: string, url: string, body?: unknown, version?: number) {
  const headers: Record<string, string> = {};
  if (user) {
    headers.cookie = `cb_session=${user.cookie}`;
    headers['x-csrf-token'] = user.csrf;
  }
  if (version !== undefined) headers['if-match'] = `"${version}"`;
  return t.app.inject({
    method: method as 'GET',
    url,
    headers,
    ...(body === undefined ? {} : { payload: body as object }),
  });
}
