import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { MeetingRegistrationRow } from '../../../repositories/events/meeting-grid.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import { sendMail, type MailSettings } from '../../mailer.js';
import { addressOf, agendaPagePath, eventTitle, organisationOf } from './meeting-mail.js';

const TABLE = { en: 'table', fr: 'table', ru: 'стол' } as const;

/**
 * The final schedule, e-mailed to each participant with confirmed meetings: their meetings in time order,
 * times in the event's time zone written the recipient's way. The reminders before the event are the
 * agenda's (outputs); this is the one e-mail that says the schedule is final.
 */
export async function tellPublished(
  repos: Repositories,
  mail: MailSettings,
  event: EventAccessRow,
  /** Only these participants (the two sides of a request placed after the final schedule): their meetings, with the new one. */
  only?: ReadonlySet<string>,
): Promise<void> {
  const meetings = (await repos.events.meetingSchedule.ofEvent(event.id)).filter((m) => m.status === 'confirmed');
  const requests = new Map((await repos.events.meetingRequests.byIds(meetings.map((m) => m.requestId))).map((r) => [r.id, r]));
  const people = new Map(
    (
      await repos.events.meetingGrid.registrationsByIds([...new Set([...requests.values()].flatMap((r) => [r.requesterId, r.recipientId]))])
    ).map((p) => [p.id, p]),
  );
  const byPerson = new Map<string, { startsAt: Date; table: number; other: MeetingRegistrationRow }[]>();
  for (const m of meetings) {
    const r = requests.get(m.requestId);
    if (!r) continue;
    for (const [me, other] of [
      [r.requesterId, r.recipientId],
      [r.recipientId, r.requesterId],
    ] as const) {
      const list = byPerson.get(me) ?? byPerson.set(me, []).get(me)!;
      list.push({ startsAt: m.startsAt, table: m.tableNumber, other: people.get(other)! });
    }
  }
  for (const [id, list] of byPerson) {
    if (only && !only.has(id)) continue;
    const person = people.get(id);
    if (!person) continue;
    const address = await addressOf(repos, person);
    if (!address) continue;
    const format = new Intl.DateTimeFormat(address.language, { timeZone: event.timeZone, dateStyle: 'medium', timeStyle: 'short' });
    const lines = list.map((x) => {
      const org = organisationOf(x.other, address.language);
      return `${format.format(x.startsAt)}, ${TABLE[address.language]} ${x.table}: ${x.other.name}${org ? ` (${org})` : ''}`;
    });
    await sendMail(repos, mail, address, 'meeting_schedule_published', {
      event: eventTitle(event, address.language),
      timeZone: event.timeZone,
      meetings: lines.join('\n'),
      link: agendaPagePath(event.slug),
    });
  }
}
