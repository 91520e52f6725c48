import type { EventAccessRow } from '../../../repositories/events/event-access.repository.js';
import type { MeetingRegistrationRow } from '../../../repositories/events/meeting-grid.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { Language } from '../../../shared/languages.js';
import { resolveText } from '../../../shared/multilingual.js';
import { sendMail, type MailSettings } from '../../mailer.js';
import type { MEETING_MESSAGES } from './mail-messages.js';

export const meetingsPagePath = (slug: string) => `/events/${slug}/meetings`;
export const agendaPagePath = (slug: string) => `/events/${slug}/agenda`;

/** Where a participant is written to: their account's address, else the one an organiser gave; in their language. */
export async function addressOf(repos: Repositories, r: MeetingRegistrationRow): Promise<{ email: string; language: Language } | null> {
  if (r.userId) {
    const [user] = await repos.accounts.usersByIds([r.userId]);
    if (user) return { email: user.email, language: user.language };
  }
  return r.email ? { email: r.email, language: r.language } : null;
}

export const eventTitle = (event: EventAccessRow, language: Language) => resolveText(event.title, language)?.text ?? event.slug;
export const organisationOf = (r: MeetingRegistrationRow, language: Language) =>
  r.organisationName ?? (r.organisation ? (resolveText(r.organisation.name, language)?.text ?? '') : '');

/** One e-mail about a request to one side, in their language. */
export async function tellSide(
  tx: Repositories,
  mail: MailSettings,
  message: keyof typeof MEETING_MESSAGES,
  {
    event,
    to,
    other,
    vars = {},
  }: { event: EventAccessRow; to: MeetingRegistrationRow; other: MeetingRegistrationRow; vars?: Record<string, string> },
): Promise<void> {
  const address = await addressOf(tx, to);
  if (!address) return;
  const organisation = organisationOf(other, address.language);
  await sendMail(tx, mail, address, message, {
    event: eventTitle(event, address.language),
    requester: other.name,
    other: organisation ? `${other.name} (${organisation})` : other.name,
    organisation,
    link: meetingsPagePath(event.slug),
    ...vars,
  });
}
