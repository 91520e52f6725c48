import type { Repositories } from '../../../repositories/index.js';
import type { BadgeRow } from '../../../repositories/events/agenda.repository.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { Language } from '../../../shared/languages.js';
import { resolveText } from '../../../shared/multilingual.js';
import { requireActor, type Actor } from '../../access.js';
import { notFound } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { isOrganiser, organisedEvent, readableEvent } from '../events/event-guard.js';
import { organisationOf } from './agenda-content.js';
import { badgesPdf, checkInUrl } from './badges-pdf.js';
import { schedulePdf } from './schedule-pdf.js';
import { eventDatesIn } from './times.js';

const textIn = (value: Parameters<typeof resolveText>[0], language: Language) => resolveText(value, language)?.text ?? '';

/**
 * Printed outputs: badges (organisers print every confirmed participant's, or one; a participant their
 * own) and the organisers' grid of all tables and slots.
 */
export class PrintService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  /** The organisers' badges: every confirmed registration, or the one asked for (a 404 unless confirmed). */
  async eventBadges(actor: Actor | null, slug: string, registrationId: string | undefined, language: Language): Promise<Buffer> {
    const event = await organisedEvent(this.repos, actor, slug);
    const rows = await this.repos.events.agenda.badges(event.id, registrationId);
    if (registrationId && rows.length === 0) throw notFound('A confirmed registration with this id', 'querystring.registration');
    return this.print(event, rows, language);
  }

  /** A participant's own badge (or, for organisers, anyone's): a confirmed registration only. */
  async registrationBadge(actor: Actor | null, registrationId: string, language: Language): Promise<Buffer> {
    const user = requireActor(actor);
    const missing = () => notFound('The registration', 'params.id');
    const registration = await this.repos.events.agenda.registration(registrationId);
    if (!registration) throw missing();
    const event = await this.repos.events.access.findById(registration.eventId);
    if (!event) throw missing();
    const own = registration.userId === user.user.id;
    if (!own && !(await isOrganiser(this.repos, user, event))) throw missing();
    await readableEvent(this.repos, user, event.slug).catch(() => {
      throw missing();
    });
    const rows = await this.repos.events.agenda.badges(event.id, registration.id);
    if (rows.length === 0) throw missing();
    return this.print(event, rows, language);
  }

  private print(event: EventAccessRow, rows: BadgeRow[], language: Language): Promise<Buffer> {
    return badgesPdf(
      rows.map((r) => ({
        name: r.name,
        organisation: organisationOf(r, language),
        participationType: textIn(r.participationType, language),
        checkInUrl: checkInUrl(this.mail.publicUrl, event.slug, r.badgeToken),
      })),
      {
        title: textIn(event.title, language),
        dates: eventDatesIn(event.startsAt, event.endsAt, event.knownDate, event.timeZone, language),
      },
      language,
    );
  }

  /** The grid of all tables and slots with the two people of each meeting (organisers). */
  async schedule(actor: Actor | null, slug: string, language: Language): Promise<Buffer> {
    const event = await organisedEvent(this.repos, actor, slug);
    const [slots, meetings] = await Promise.all([
      this.repos.events.agenda.slots(event.id),
      this.repos.events.agenda.gridMeetings(event.id),
    ]);
    return schedulePdf(
      { title: textIn(event.title, language), timeZone: event.timeZone, preliminary: event.scheduleState !== 'final', slots, meetings },
      language,
    );
  }
}
