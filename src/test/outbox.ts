import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** One .eml file of the outbox folder, decoded: what the recipient reads, links and all. */
export interface DeliveredMail {
  to: string;
  subject: string;
  text: string;
  replyTo?: string;
  /** Every header, by its lower-case name (unfolded). */
  headers: Map<string, string>;
}

/**
 * The messages in an outbox folder, oldest first. Tests read links here, as a recipient would, never in
 * the e-mail record administrators see (which keeps links without their tokens).
 */
export function readOutbox(folder: string): DeliveredMail[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.eml'))
    .sort()
    .map((name) => parseEml(readFileSync(join(folder, name), 'utf8')));
}

/** The first link of the newest message to an address, or undefined. */
export function lastLink(folder: string, to: string): string | undefined {
  const mail = readOutbox(folder)
    .reverse()
    .find((m) => m.to.toLowerCase() === to.toLowerCase());
  return mail && /https?:\/\/\S+/.exec(mail.text)?.[0];
}

function parseEml(file: string): DeliveredMail {
  const raw = file.replace(/\r\n/g, '\n');
  const split = raw.indexOf('\n\n');
  const headers = new Map<string, string>();
  for (const line of raw.slice(0, split).replace(/\n[ \t]+/g, ' ').split('\n')) {
    const colon = line.indexOf(':');
    headers.set(line.slice(0, colon).toLowerCase(), line.slice(colon + 1).trim());
  }
  const body = raw.slice(split + 2);
  const encoding = headers.get('content-transfer-encoding')?.toLowerCase();
  const text =
    encoding === 'base64'
      ? Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
      : encoding === 'quoted-printable'
        ? decodeQuotedPrintable(body)
        : body;
  const replyTo = headers.get('reply-to');
  return {
    headers,
    to: headers.get('to') ?? '',
    subject: decodeWords(headers.get('subject') ?? ''),
    text: text.replace(/\n$/, ''),
    ...(replyTo ? { replyTo } : {}),
  };
}

function decodeQuotedPrintable(body: string): string {
  const soft = body.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i]!, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function decodeWords(header: string): string {
  return header.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, kind: string, data: string) =>
    kind.toUpperCase() === 'B'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQuotedPrintable(data.replace(/_/g, ' ')),
  );
}
