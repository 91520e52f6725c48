import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { recordLinks } from '../../../db/schema/index.js';
import { formatKnownDate } from '../../../shared/event-dates.js';
import type { Delegation, Event } from '../../../shared/schemas/events/events.js';
import { createTestPlatform, type TestPlatform } from '../../../test/test-platform.js';
import { seedDemoEvents } from './seed-events.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform();
});
afterAll(() => t.close());

describe('the founding round table in the demo data', () => {
  it('reads back through the API as the source tells it: 18 April, no year, the House of Scientists, about 35 participants', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/events/founding-round-table-obninsk' });
    expect(res.statusCode).toBe(200);
    const event = res.json() as Event;
    expect(event).toMatchObject({
      kind: 'round_table',
      status: 'published',
      knownDate: '--04-18',
      startsAt: null,
      endsAt: null,
      timeZone: 'Europe/Moscow',
      regionCode: 'RU-KLU',
      venue: { organisation: { slug: 'obninsk-house-of-scientists', kind: 'venue' } },
      organisers: [{ organisation: { slug: 'obninsk-administration' }, role: 'organiser' }],
      reportedAttendance: 35,
      reportedAttendanceApproximate: true,
      reportedSectors: ['government', 'science', 'business'],
    });
    expect(event.title.ru && event.title.fr && event.title.en).toBeTruthy();
    expect(formatKnownDate(event.knownDate!, 'en-GB')).toBe('18 April');
    expect(formatKnownDate(event.knownDate!, 'en')).toBe('April 18');
    expect(formatKnownDate(event.knownDate!, 'fr')).toBe('18 avril');
    expect(formatKnownDate(event.knownDate!, 'ru')).toBe('18 апреля');

    const delegations = (await t.app.inject({ method: 'GET', url: `/api/v1/events/${event.slug}/delegations` })).json()
      .items as Delegation[];
    expect(delegations).toHaveLength(1);
    expect(delegations[0]).toMatchObject({
      fromRegionCode: 'FR-87',
      members: [{ name: null, role: 'head', organisation: { slug: 'limousin-regional-council' } }],
    });
    expect(delegations[0]!.members[0]!.position?.en).toBe('Vice-president of the Limousin regional council');

    // the registry's initiative links to it
    const record = await t.services.repos.recordAccess.find('round-table-joint-cluster-initiatives');
    const links = await t.database.db
      .select()
      .from(recordLinks)
      .where(and(eq(recordLinks.recordId, record!.id), eq(recordLinks.targetKind, 'event')));
    expect(links.map((l) => l.targetId)).toEqual([event.id]);
  });

  it('is loaded once: seeding again adds nothing', async () => {
    expect(await t.services.repos.transaction((tx) => seedDemoEvents(tx))).toBe(0);
  });
});
