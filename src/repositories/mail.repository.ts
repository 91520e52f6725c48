import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Transporter } from 'nodemailer';

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  language: string;
  /** Where an answer by e-mail goes (the person who wrote on the platform), when not to the platform's address. */
  replyTo?: string;
  /**
   * Further headers, written alike by both transports (the outbox's .eml too): a digest's RFC 8058
   * `List-Unsubscribe` and `List-Unsubscribe-Post`. The transport's own (Content-Language) come first.
   */
  headers?: Record<string, string>;
}

export interface MailTransport {
  readonly kind: 'smtp' | 'outbox';
  /** The outbox's folder of .eml files (the messages as sent, links and all). */
  readonly folder?: string;
  send(mail: OutgoingMail): Promise<void>;
}

/**
 * nodemailer's transport, made at the first message: the module is loaded then, not with the server (an
 * eighth of a second of each start, for a server that may send nothing for hours).
 */
function lazyTransport(make: (mailer: typeof import('nodemailer')) => Transporter): () => Promise<Transporter> {
  let made: Promise<Transporter> | undefined;
  return () => (made ??= import('nodemailer').then((m) => make(m.default)));
}

/** Sends through an SMTP server (SMTP_URL). */
export function smtpTransport(url: string): MailTransport {
  const transporter = lazyTransport((mailer) => mailer.createTransport(url));
  return {
    kind: 'smtp',
    send: async (mail) => {
      await (await transporter()).sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        headers: { ...mail.headers, 'Content-Language': mail.language },
      });
    },
  };
}

/** Without SMTP, each message is written as an .eml file in a folder, so a local user still reads it. */
export function outboxTransport(folder: string): MailTransport {
  const composer = lazyTransport((mailer) => mailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' }));
  let written = 0;
  return {
    kind: 'outbox',
    folder,
    send: async (mail) => {
      mkdirSync(folder, { recursive: true });
      const info = (await (await composer()).sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        headers: { ...mail.headers, 'Content-Language': mail.language },
      })) as unknown as { message: Buffer };
      // the counter keeps the files of one millisecond in the order they were written
      written += 1;
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${String(written).padStart(6, '0')}-${Math.random().toString(36).slice(2, 8)}.eml`;
      writeFileSync(join(folder, name), info.message);
    },
  };
}

/** The time, from one place, so that services can be tested at any moment. */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };
