import type { Repositories } from '../../../repositories/index.js';
import type { DueMeetingRow } from '../../../repositories/events/agenda.repository.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import { resolveText } from '../../../shared/multilingual.js';
import type { JobRunner } from '../../jobs/job-runner.js';
import { sendMail, type MailSettings } from '../../mailer.js';
import { organisationOf } from './agenda-content.js';
import { OUTPUT_LABELS } from './labels.js';
import { dayIn, spanIn } from './times.js';

export const EVENT_REMINDER_JOB = 'events.meeting_reminders';
/** How often the job looks for meetings coming within the window: a meeting is told of at most this late. */
export const EVENT_REMINDER_EVERY_MS = 15 * 60_000;
/** The window before a meeting its participants are reminded in (EVENT_REMINDER_HOURS). */
export const DEFAULT_EVENT_REMINDER_HOURS = 24;

/**
 * Reminders of one-to-one meetings: every quarter hour, each participant with confirmed meetings starting
 * within the window (24 hours by default) that no reminder went for gets one e-mail listing them, in their
 * language, times in the event's zone with its name. Once per meeting: the meetings are locked (a second
 * process skips them), marked reminded and the e-mails recorded in one transaction, so that a rerun sends
 * nothing twice; a meeting confirmed later (a late request) gets its own reminder at the next run. An
 * address the mail server refuses loses its reminder rather than have the others sent twice at a retry.
 */
export class EventReminderService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
    private readonly hours: number = DEFAULT_EVENT_REMINDER_HOURS,
  ) {}

  register(runner: JobRunner): void {
    runner.define(EVENT_REMINDER_JOB, () => this.run()).every(EVENT_REMINDER_JOB, EVENT_REMINDER_EVERY_MS, { maxAttempts: 3 });
  }

  /** One pass: how many e-mails went and how many meetings they covered. */
  async run(): Promise<{ mails: number; failed: number; meetings: number }> {
    const now = this.repos.clock.now();
    const until = new Date(now.getTime() + this.hours * 3_600_000);
    return this.repos.transaction(async (tx) => {
      const due = await tx.events.agenda.dueReminders(now, until, { lock: true });
      const events = new Map<string, EventAccessRow | null>();
      const eventOf = async (id: string) => {
        if (!events.has(id)) events.set(id, await tx.events.access.findById(id));
        return events.get(id)!;
      };
      // each participant's due meetings, by event
      const byPerson = new Map<
        string,
        { side: DueMeetingRow['sides'][number]; eventId: string; meetings: { row: DueMeetingRow; other: DueMeetingRow['sides'][number] }[] }
      >();
      for (const row of due)
        for (const [i, side] of row.sides.entries()) {
          const key = `${row.eventId}:${side.registrationId}`;
          const entry = byPerson.get(key) ?? { side, eventId: row.eventId, meetings: [] };
          entry.meetings.push({ row, other: row.sides[1 - i]! });
          byPerson.set(key, entry);
        }
      let mails = 0;
      let failed = 0;
      for (const { side, eventId, meetings } of byPerson.values()) {
        const event = await eventOf(eventId);
        if (!event || event.status !== 'published' || !side.email) continue;
        const language = side.language;
        const labels = OUTPUT_LABELS[language];
        const list = meetings
          .map(({ row, other }) => {
            const organisation = organisationOf(other, language);
            return `• ${dayIn(row.startsAt, event.timeZone, language)}, ${spanIn(row.startsAt, row.endsAt, event.timeZone, language)} — ${labels.table(row.tableNumber)} — ${other.name}${organisation ? ` (${organisation})` : ''}`;
          })
          .join('\n');
        // one address that fails does not send the others' again at a retry: it is lost (and counted), as digests do
        try {
          await sendMail(tx, this.mail, { email: side.email, language }, 'event_meetings_reminder', {
            name: side.name,
            event: resolveText(event.title, language)?.text ?? event.slug,
            list,
            link: `/events/${event.slug}/agenda`,
          });
          mails++;
        } catch (error) {
          failed++;
          console.error('A meeting reminder could not be sent:', error);
        }
      }
      await tx.events.agenda.markReminded(
        due.map((d) => d.id),
        now,
      );
      return { mails, failed, meetings: due.length };
    });
  }
}
