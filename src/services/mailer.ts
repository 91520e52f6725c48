import type { Repositories } from '../repositories/index.js';
import type { Language } from '../shared/languages.js';
import { MESSAGES } from './mail-messages.js';

export interface MailSettings {
  publicUrl: string;
  mailFrom: string;
}

/**
 * Every token in the platform's links (confirmation, reset, e-mail change, invitation) is a secret that
 * acts for its recipient; the e-mail record keeps the link with the token replaced, so that whoever reads
 * the record (administrators, on the outbox page) cannot follow it.
 */
export const redactTokens = (text: string) => text.replace(/([?&]token=)[^\s&#]+/g, '$1[redacted]');

/**
 * Sends one of the platform's messages in the recipient's language and keeps a record of it (without the
 * links' tokens). Variables named `link` or `…Link` are paths, made absolute with the public address.
 */
export async function sendMail(
  repos: Repositories,
  settings: MailSettings,
  to: { email: string; language: Language },
  message: keyof typeof MESSAGES,
  vars: Record<string, string>,
  options: { replyTo?: string; headers?: Record<string, string> } = {},
): Promise<void> {
  const absolute = Object.fromEntries(
    Object.entries(vars).map(([name, value]) => [name, /^link$|Link$/.test(name) && value ? `${settings.publicUrl}${value}` : value]),
  );
  const { subject, text } = MESSAGES[message]![to.language]({ link: '', ...absolute });
  await repos.mail.send({ from: settings.mailFrom, to: to.email, subject, text, language: to.language, ...options });
  await repos.audit.recordEmail({ to: to.email, subject, text: redactTokens(text), language: to.language, transport: repos.mail.kind });
}

/**
 * Work done after the answer has gone (looking an address up, writing, e-mailing), so that the answer
 * takes the same time whether or not the address has an account. A failure is logged: nobody waits for it.
 */
export class AfterAnswer {
  private readonly pending = new Set<Promise<void>>();

  run(work: () => Promise<void>): void {
    const done: Promise<void> = new Promise<void>((resolve) => setImmediate(resolve))
      .then(work)
      .catch((error: unknown) => console.error('Work after an answer failed:', error))
      .finally(() => this.pending.delete(done));
    this.pending.add(done);
  }

  /** Resolves once everything queued so far (and anything it queued) is done: for tests and shutdown. */
  async settled(): Promise<void> {
    while (this.pending.size > 0) await Promise.all([...this.pending]);
  }
}
