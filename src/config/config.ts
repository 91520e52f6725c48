import { isIP } from 'node:net';
import { OFFER_EXPIRY_WARNING_DAYS } from '../shared/offers.js';
import { resolve } from 'node:path';
import { DOCUMENT_MAX_BYTES_DEFAULT } from '../shared/registry.js';

/**
 * Which X-Forwarded-For hops to believe: none (false), the nearest N proxies, or the proxies at these
 * addresses or ranges (Fastify's `trustProxy` takes each form as it is).
 */
export type TrustProxy = false | number | string[];

/**
 * TrustProxy as Fastify's `trustProxy` option. A hop count becomes a function: Fastify 5 reads a bare
 * number as "trust nothing", since a client that reaches the platform directly can send hops of its own;
 * an operator who gives a count says every request comes through the proxies.
 */
export function fastifyTrustProxy(trust: TrustProxy): false | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return trust === 0 ? false : (_address, hop) => hop < trust;
  return trust;
}

/** Every setting the platform reads from its environment, parsed once at start. */
export interface Config {
  /** PORT: TCP port of the web server. Default 3000. */
  port: number;
  /** HOST: address to listen on. Default 127.0.0.1 (0.0.0.0 to accept other machines). */
  host: string;
  /** DATA_DIR: folder of the embedded PostgreSQL (PGlite) data. Default ./data. Unused with DATABASE_URL. */
  dataDir: string;
  /** DATABASE_URL: postgres://… of a PostgreSQL server; when set, used instead of PGlite. */
  databaseUrl: string | null;
  /** SNAPSHOT_DIR: folder of the search indexes' snapshots, which processes of one database start from and share. Default DATA_DIR/snapshots, with PGlite or DATABASE_URL alike. */
  snapshotDir: string;
  /** LOG_LEVEL: fatal, error, warn, info, debug, trace or silent. Default info. */
  logLevel: LogLevel;
  /** SEED_DEMO: load the demo data on first start when the database is empty (true/false). Default true. */
  seedDemo: boolean;
  /** SEED_EXAMPLES: with the demo data, also load the invented example organisations (src/reference/demo/example-organisations.json) that show search and matchmaking (true/false). Default true. */
  seedExamples: boolean;
  /** PUBLIC_URL: the address users reach the platform at, for links in e-mails. Default http://localhost:PORT. */
  publicUrl: string;
  /** SMTP_URL: smtp(s)://user:password@host:port of the mail server; unset writes e-mails to the outbox. */
  smtpUrl: string | null;
  /** MAIL_FROM: sender of the platform's e-mails. Default Clusterbridge <no-reply@localhost>. */
  mailFrom: string;
  /** OUTBOX_DIR: folder of the .eml files written without SMTP. Default DATA_DIR/outbox. */
  outboxDir: string;
  /** TRUST_PROXY: behind reverse proxies, the number of proxy hops (1, 2) or their addresses/CIDRs (127.0.0.1,10.0.0.0/8) whose X-Forwarded-For/-Proto headers are believed. Default false: none. */
  trustProxy: TrustProxy;
  /**
   * SEARCH_SERVICE_URL: the search processes this web process sends the index routes to (comma-separated
   * base URLs; http/plugins/search-forwarding.ts, docs/scaling.md). Empty: it holds the indexes itself.
   */
  searchServiceUrls: string[];
  /** SEARCH_RATE_LIMIT: directory searches and listings a client address may make a minute (a burst of that many, then that many a minute); 0 turns the limit off. Default 300. */
  searchRateLimit: number;
  /** AGREEMENT_REMINDER_DAYS: days before an agreement's validity ends that its parties' administrators are e-mailed, comma-separated. Default 60,7. */
  agreementReminderDays: number[];
  /** REMINDER_SCAN_SECONDS: how often the registry is looked through for due reminders, in seconds. Default 3600 (hourly); shorter for trials and browser tests. */
  reminderScanSeconds: number;
  /** OFFER_EXPIRY_WARNING_DAYS: days before a marketplace offer's expiry that its organisation's administrators and editors are e-mailed, comma-separated. Default 14,3. */
  offerExpiryWarningDays: number[];
  /** DOCUMENT_MAX_BYTES: the largest document a registry record takes, in bytes. Default 20 MiB (20971520). */
  documentMaxBytes: number;
  /** EVENT_REMINDER_HOURS: hours before a one-to-one meeting at an event that its participants are e-mailed their meetings. Default 24. */
  eventReminderHours: number;
  /** FEED_RETENTION_HOURS: how long the change feed the in-memory indexes follow keeps its rows, in hours. Default 168 (a week). */
  feedRetentionHours: number;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads the whole environment and reports every problem at once, not just the first. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const problems: string[] = [];
  const value = (name: string) => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  let port = 3000;
  const rawPort = value('PORT');
  if (rawPort !== undefined) {
    port = Number(rawPort);
    if (!/^\d+$/.test(rawPort) || port < 1 || port > 65535) problems.push(`PORT must be a whole number from 1 to 65535, got "${rawPort}"`);
  }

  let databaseUrl = value('DATABASE_URL') ?? null;
  if (databaseUrl !== null) {
    try {
      const url = new URL(databaseUrl);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(`DATABASE_URL must start with postgres:// or postgresql://, got "${url.protocol}//"`);
      }
    } catch {
      problems.push('DATABASE_URL is not a valid URL (expected postgres://user:password@host:5432/database)');
      databaseUrl = null;
    }
  }

  const logLevel = (value('LOG_LEVEL') ?? 'info').toLowerCase();
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, got "${logLevel}"`);

  const rawSeed = (value('SEED_DEMO') ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(rawSeed)) problems.push(`SEED_DEMO must be true or false, got "${rawSeed}"`);

  const rawExamples = (value('SEED_EXAMPLES') ?? 'true').toLowerCase();
  if (!['true', 'false', '1', '0'].includes(rawExamples)) problems.push(`SEED_EXAMPLES must be true or false, got "${rawExamples}"`);

  const publicUrl = value('PUBLIC_URL') ?? `http://localhost:${port}`;
  if (!/^https?:\/\/[^/]+/.test(publicUrl)) problems.push(`PUBLIC_URL must be an http:// or https:// address, got "${publicUrl}"`);
  const smtpUrl = value('SMTP_URL') ?? null;
  if (smtpUrl !== null && !/^smtps?:\/\//.test(smtpUrl)) problems.push('SMTP_URL must start with smtp:// or smtps://');

  const trustProxy = parseTrustProxy(value('TRUST_PROXY'), problems);
  const rawSearchLimit = value('SEARCH_RATE_LIMIT');
  const searchRateLimit = rawSearchLimit === undefined ? 300 : Number(rawSearchLimit);
  if (rawSearchLimit !== undefined && !/^\d+$/.test(rawSearchLimit))
    problems.push(`SEARCH_RATE_LIMIT must be a whole number of requests a minute (0 for no limit), got "${rawSearchLimit}"`);

  const rawReminderDays = value('AGREEMENT_REMINDER_DAYS');
  const agreementReminderDays = rawReminderDays === undefined ? [60, 7] : rawReminderDays.split(',').map((d) => d.trim());
  if (rawReminderDays !== undefined && !agreementReminderDays.every((d) => /^\d{1,3}$/.test(String(d)) && Number(d) > 0))
    problems.push(
      `AGREEMENT_REMINDER_DAYS must be whole numbers of days from 1 to 999, separated by commas (60,7), got "${rawReminderDays}"`,
    );
  const rawScan = value('REMINDER_SCAN_SECONDS');
  const reminderScanSeconds = rawScan === undefined ? 3600 : Number(rawScan);
  if (rawScan !== undefined && (!/^\d+$/.test(rawScan) || reminderScanSeconds < 1))
    problems.push(`REMINDER_SCAN_SECONDS must be a whole number of seconds above 0 (3600 for hourly), got "${rawScan}"`);
  const rawOfferDays = value('OFFER_EXPIRY_WARNING_DAYS');
  const offerExpiryWarningDays = rawOfferDays === undefined ? [...OFFER_EXPIRY_WARNING_DAYS] : rawOfferDays.split(',').map((d) => d.trim());
  if (rawOfferDays !== undefined && !offerExpiryWarningDays.every((d) => /^\d{1,3}$/.test(String(d)) && Number(d) > 0))
    problems.push(
      `OFFER_EXPIRY_WARNING_DAYS must be whole numbers of days from 1 to 999, separated by commas (14,3), got "${rawOfferDays}"`,
    );
  const rawDocumentMax = value('DOCUMENT_MAX_BYTES');
  const documentMaxBytes = rawDocumentMax === undefined ? DOCUMENT_MAX_BYTES_DEFAULT : Number(rawDocumentMax);
  if (rawDocumentMax !== undefined && (!/^\d+$/.test(rawDocumentMax) || documentMaxBytes < 1))
    problems.push(`DOCUMENT_MAX_BYTES must be a whole number of bytes above 0, got "${rawDocumentMax}"`);

  const rawEventReminder = value('EVENT_REMINDER_HOURS');
  const eventReminderHours = rawEventReminder === undefined ? 24 : Number(rawEventReminder);
  if (rawEventReminder !== undefined && (!/^\d{1,4}$/.test(rawEventReminder) || eventReminderHours < 1))
    problems.push(`EVENT_REMINDER_HOURS must be a whole number of hours from 1 to 9999 (24 for a day), got "${rawEventReminder}"`);

  // a follower (or a snapshot) that has not read the feed for longer loads again from the tables
  const rawRetention = value('FEED_RETENTION_HOURS') ?? '168';
  if (!/^[1-9]\d{0,5}$/.test(rawRetention))
    problems.push(`FEED_RETENTION_HOURS must be a whole number of hours above 0 (168 for a week), got "${rawRetention}"`);
  const searchServiceUrls = (value('SEARCH_SERVICE_URL') ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  for (const url of searchServiceUrls)
    if (!/^https?:\/\/[^/\s]+\/?$/.test(url))
      problems.push(`SEARCH_SERVICE_URL must be base URLs such as http://127.0.0.1:3101, separated by commas, got "${url}"`);
  if (searchServiceUrls.length > 0 && !databaseUrl)
    problems.push('SEARCH_SERVICE_URL needs DATABASE_URL: search processes and web processes share a PostgreSQL server (PGlite has one process)');

  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = resolve(value('DATA_DIR') ?? './data');
  return {
    port,
    host: value('HOST') ?? '127.0.0.1',
    dataDir,
    databaseUrl,
    snapshotDir: resolve(value('SNAPSHOT_DIR') ?? `${dataDir}/snapshots`),
    logLevel: logLevel as LogLevel,
    seedDemo: rawSeed === 'true' || rawSeed === '1',
    seedExamples: rawExamples === 'true' || rawExamples === '1',
    publicUrl: publicUrl.replace(/\/+$/, ''),
    smtpUrl,
    mailFrom: value('MAIL_FROM') ?? 'Clusterbridge <no-reply@localhost>',
    outboxDir: resolve(value('OUTBOX_DIR') ?? `${dataDir}/outbox`),
    searchRateLimit,
    searchServiceUrls,
    documentMaxBytes,
    trustProxy,
    agreementReminderDays: [...new Set(agreementReminderDays.map(Number))].sort((a, b) => b - a),
    reminderScanSeconds,
    offerExpiryWarningDays: [...new Set(offerExpiryWarningDays.map(Number))].sort((a, b) => b - a),
    eventReminderHours,
    feedRetentionHours: Number(rawRetention),
  };
}

// proxy-addr's names for the usual private ranges, accepted as Fastify accepts them
const RANGE_NAMES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * `true` is refused rather than guessed: it used to trust every X-Forwarded-For entry, so a client could
 * choose its own address; whether one hop or two are right only the operator knows.
 */
function parseTrustProxy(raw: string | undefined, problems: string[]): TrustProxy {
  if (raw === undefined || ['false', '0'].includes(raw.toLowerCase())) return false;
  if (raw.toLowerCase() === 'true') {
    problems.push(
      'TRUST_PROXY=true would believe any X-Forwarded-For a client sends; give the number of proxies in front of the platform (1 for one reverse proxy) or their addresses (127.0.0.1,10.0.0.0/8)',
    );
    return false;
  }
  if (/^\d+$/.test(raw)) {
    const hops = Number(raw);
    if (hops > 10) problems.push(`TRUST_PROXY must be a number of proxy hops from 0 to 10, got "${raw}"`);
    return hops;
  }
  const entries = raw
    .split(',')
    .map((e) => (RANGE_NAMES.includes(e.trim().toLowerCase()) ? e.trim().toLowerCase() : e.trim()))
    .filter((e) => e !== '');
  const bad = entries.filter((e) => !isAddressOrRange(e));
  if (bad.length > 0 || entries.length === 0)
    problems.push(
      `TRUST_PROXY must be false, a number of proxy hops, or a comma-separated list of IP addresses or CIDR ranges; not an address or range: ${bad.map((b) => `"${b}"`).join(', ') || '(empty)'}`,
    );
  return entries;
}

function isAddressOrRange(entry: string): boolean {
  if (RANGE_NAMES.includes(entry.toLowerCase())) return true;
  const [address, prefix, ...rest] = entry.split('/');
  const version = isIP(address ?? '');
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d+$/.test(prefix) && Number(prefix) <= (version === 4 ? 32 : 128);
}
