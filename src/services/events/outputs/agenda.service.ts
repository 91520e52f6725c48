import type { Repositories } from '../../../repositories/index.js';
import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { RegistrationRow } from '../../../repositories/events/agenda.repository.js';
import type { Language } from '../../../shared/languages.js';
import type { Agenda } from '../../../shared/schemas/events/outputs.js';
import { requireActor, type Actor } from '../../access.js';
import { notFound } from '../../errors.js';
import type { MailSettings } from '../../mailer.js';
import { readableEvent } from '../events/event-guard.js';
import { agendaCalendar } from './agenda-ics.js';
import { agendaContent } from './agenda-content.js';
import { agendaPdf } from './agenda-pdf.js';
import { feedToken, feedTokenMatches } from './feed-token.js';

/** The API's paths of a participant's agenda files. */
export const agendaPaths = (slug: string) => ({
  ics: `/api/v1/events/${slug}/agenda/mine.ics`,
  pdf: `/api/v1/events/${slug}/agenda/mine.pdf`,
  feed: (registrationId: string, token: string) => `/api/v1/events/${slug}/agenda/feed/${registrationId}/${token}.ics`,
});

/**
 * A participant's agenda: on the web (JSON), as an iCalendar file, as a calendar subscription (no sign-in;
 * an HMAC token in the address), as a printable PDF. Only a confirmed registration has one.
 */
export class AgendaService {
  constructor(
    private readonly repos: Repositories,
    private readonly mail: MailSettings,
  ) {}

  private get host() {
    return new URL(this.mail.publicUrl).host;
  }

  /** The reader's event and confirmed registration there, else a 404 (as if there were none). */
  private async mine(actor: Actor | null, slug: string): Promise<{ event: EventAccessRow; registration: RegistrationRow }> {
    const user = requireActor(actor);
    const event = await readableEvent(this.repos, user, slug);
    const registration = await this.repos.events.agenda.confirmedRegistrationOf(event.id, user.user.id);
    if (!registration) throw notFound('Your confirmed registration for this event');
    return { event, registration };
  }

  async agenda(actor: Actor | null, slug: string, language: Language): Promise<Agenda> {
    const { event, registration } = await this.mine(actor, slug);
    const content = await agendaContent(this.repos, event, registration, language);
    const paths = agendaPaths(event.slug);
    return {
      timeZone: event.timeZone,
      registrationId: registration.id,
      scheduleState: event.scheduleState,
      items: content.items.map((i) => ({
        kind: i.kind,
        id: i.id,
        startsAt: i.startsAt.toISOString(),
        endsAt: i.endsAt.toISOString(),
        title: i.title,
        ...(i.tableNumber !== undefined ? { tableNumber: i.tableNumber } : {}),
        ...(i.counterpart ? { counterpart: i.counterpart } : {}),
        ...(i.kind === 'session' ? { room: i.room ?? null, sessionKind: i.sessionKind } : {}),
        ...(i.status ? { status: i.status } : {}),
      })),
      feedUrl: `${this.mail.publicUrl}${paths.feed(registration.id, feedToken(event.feedSecret, registration.id))}`,
      icsUrl: paths.ics,
      pdfUrl: paths.pdf,
    };
  }

  async calendar(actor: Actor | null, slug: string, language: Language): Promise<string> {
    const { event, registration } = await this.mine(actor, slug);
    return agendaCalendar(await agendaContent(this.repos, event, registration, language), language, this.host);
  }

  /**
   * The subscription feed: no sign-in, the token is the key. A wrong token, a registration of another event
   * or one no longer confirmed, an unknown or draft event: 404, all alike.
   */
  async feed(slug: string, registrationId: string, token: string): Promise<string> {
    const missing = () => notFound('The calendar');
    const event = await this.repos.events.access.findBySlug(slug);
    if (!event || event.status === 'draft') throw missing();
    if (!feedTokenMatches(event.feedSecret, registrationId, token)) throw missing();
    const registration = await this.repos.events.agenda.registration(registrationId);
    if (!registration || registration.eventId !== event.id || registration.status !== 'confirmed') throw missing();
    return agendaCalendar(await agendaContent(this.repos, event, registration, registration.language), registration.language, this.host);
  }

  async pdf(actor: Actor | null, slug: string, language: Language): Promise<Buffer> {
    const { event, registration } = await this.mine(actor, slug);
    return agendaPdf(await agendaContent(this.repos, event, registration, language), language);
  }
}
