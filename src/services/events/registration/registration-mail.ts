import type { EventRow } from '../../../repositories/events/event-access.repository.js';
import type { RegistrationRow } from '../../../repositories/events/registration.repository.js';
import type { ParticipationTypeRow } from '../../../repositories/events/registration-types.repository.js';
import type { Repositories } from '../../../repositories/index.js';
import type { Language } from '../../../shared/languages.js';
import { resolveText } from '../../../shared/multilingual.js';
import { sendMail, type MailSettings } from '../../mailer.js';
import type { REGISTRATION_MESSAGES } from './mail-messages.js';

const LOCALES: Record<Language, string> = { en: 'en-GB', fr: 'fr-FR', ru: 'ru-RU' };

/** The event's start in its own time zone, in the reader's words (or the date a source knows, as it knows it). */
export function eventWhen(event: Pick<EventRow, 'startsAt' | 'timeZone' | 'knownDate'>, language: Language): string {
  if (!event.startsAt) return event.knownDate ?? '';
  return new Intl.DateTimeFormat(LOCALES[language], {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: event.timeZone,
    timeZoneName: 'short',
  }).format(event.startsAt);
}

/** The web app's page of an event. */
export const eventPagePath = (slug: string) => `/events/${encodeURIComponent(slug)}`;

/**
 * Tells the registrant what became of their registration, in their language (the one their registration
 * keeps: their account's, or the organiser's choice for someone without one). A person registered without
 * an e-mail address is told at the desk, not here.
 */
export async function tellRegistrant(
  tx: Repositories,
  mail: MailSettings,
  message: keyof typeof REGISTRATION_MESSAGES,
  {
    event,
    registration,
    type,
    reason,
    position,
  }: {
    event: EventRow;
    registration: RegistrationRow;
    type: ParticipationTypeRow;
    reason?: string | null;
    position?: number | null;
  },
): Promise<void> {
  if (!registration.email) return;
  const language = registration.language;
  await sendMail(tx, mail, { email: registration.email, language }, message, {
    name: registration.name,
    event: resolveText(event.title, language)?.text ?? event.slug,
    type: resolveText(type.name, language)?.text ?? type.kind,
    when: eventWhen(event, language),
    reason: reason ?? '',
    position: String(position ?? ''),
    link: eventPagePath(event.slug),
  });
}
