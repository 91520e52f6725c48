import type { Repositories } from '../repositories/index.js';
import type { Language } from '../shared/languages.js';
import { MESSAGES } from './mail-messages.js';

export interface MailSettings {
  publicUrl: string;
  mailFrom: string;
}

/** Sends one of the platform's messages in the recipient's language and keeps a record of it. */
export async function sendMail(
  repos: Repositories,
  settings: MailSettings,
  to: { email: string; language: Language },
  message: keyof typeof MESSAGES,
  vars: Record<string, string>,
): Promise<void> {
  const { subject, text } = MESSAGES[message]![to.language]({ ...vars, link: vars.link ? `${settings.publicUrl}${vars.link}` : '' });
  await repos.mail.send({ from: settings.mailFrom, to: to.email, subject, text, language: to.language });
  await repos.audit.recordEmail({ to: to.email, subject, text, language: to.language, transport: repos.mail.kind });
}
