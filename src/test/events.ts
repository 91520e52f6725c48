import { randomBytes } from 'node:crypto';
import { eventOrganisers, events, meetingSlots, participationTypes, registrations } from '../db/schema/index.js';
import type { TestPlatform } from './test-platform.js';

type EventValues = Partial<typeof events.$inferInsert>;

/** An instant `days` from now at the given UTC hour, for events in the future by default. */
export const atDay = (days: number, hourUtc = 9) => {
  const d = new Date(Date.now() + days * 86_400_000);
  d.setUTCHours(hourUtc, 0, 0, 0);
  return d;
};

/**
 * An event written straight to the database, published, in Obninsk's time zone, a month from now, organised
 * by the given organisations: for tests of what reads events (registration, meetings, agendas) without the
 * events editor's rules.
 */
export async function insertEvent(
  t: TestPlatform,
  organiserSlugs: string[],
  values: EventValues = {},
): Promise<typeof events.$inferSelect> {
  const [row] = await t.database.db
    .insert(events)
    .values({
      slug: `event-${randomBytes(4).toString('hex')}`,
      kind: 'brokerage_event',
      status: 'published',
      title: { original: 'en', en: 'A brokerage event' },
      timeZone: 'Europe/Moscow',
      startsAt: atDay(30, 6),
      endsAt: atDay(30, 15),
      regionCode: 'RU-KLU',
      registrationOpen: true,
      feedSecret: randomBytes(24).toString('hex'),
      ...values,
    })
    .returning();
  for (const [position, slug] of organiserSlugs.entries()) {
    const organisation = await t.services.repos.organisations.getBySlug(slug);
    if (!organisation) throw new Error(`no organisation ${slug}`);
    await t.database.db.insert(eventOrganisers).values({ eventId: row!.id, organisationId: organisation.id, position });
  }
  return row!;
}

/** A participation type of the event (a company, unlimited, no approval, unless told otherwise). */
export async function insertParticipationType(
  t: TestPlatform,
  eventId: string,
  values: Partial<typeof participationTypes.$inferInsert> = {},
): Promise<typeof participationTypes.$inferSelect> {
  const [row] = await t.database.db
    .insert(participationTypes)
    .values({ eventId, kind: 'company', name: { original: 'en', en: 'Company' }, ...values })
    .returning();
  return row!;
}

/** A confirmed registration of a person (a user's when userId is given), taking part in meetings unless told otherwise. */
export async function insertRegistration(
  t: TestPlatform,
  eventId: string,
  participationTypeId: string,
  values: Partial<typeof registrations.$inferInsert> = {},
): Promise<typeof registrations.$inferSelect> {
  const [row] = await t.database.db
    .insert(registrations)
    .values({
      eventId,
      participationTypeId,
      name: `Participant ${randomBytes(3).toString('hex')}`,
      language: 'en',
      status: 'confirmed',
      meetingsEnabled: true,
      badgeToken: randomBytes(18).toString('hex'),
      ...values,
    })
    .returning();
  return row!;
}

/** A grid of `count` back-to-back slots of `minutes` from `start`, each with `tables` tables. */
export async function insertSlots(
  t: TestPlatform,
  eventId: string,
  start: Date,
  count: number,
  minutes: number,
  tables: number,
): Promise<(typeof meetingSlots.$inferSelect)[]> {
  const values = Array.from({ length: count }, (_, i) => ({
    eventId,
    startsAt: new Date(start.getTime() + i * minutes * 60_000),
    endsAt: new Date(start.getTime() + (i + 1) * minutes * 60_000),
    tableCount: tables,
  }));
  return t.database.db.insert(meetingSlots).values(values).returning();
}
