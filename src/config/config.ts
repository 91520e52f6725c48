import { resolve } from 'node:path';

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
  /** TRUST_PROXY: behind a reverse proxy, trust its X-Forwarded-For/-Proto headers (true/false). Default false. */
  trustProxy: boolean;
  /** SEARCH_RATE_LIMIT: directory searches and listings a client address may make a minute (a burst of that many, then that many a minute); 0 turns the limit off. Default 300. */
  searchRateLimit: number;
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

  const rawSearchLimit = value('SEARCH_RATE_LIMIT');
  const searchRateLimit = rawSearchLimit === undefined ? 300 : Number(rawSearchLimit);
  if (rawSearchLimit !== undefined && !/^\d+$/.test(rawSearchLimit))
    problems.push(`SEARCH_RATE_LIMIT must be a whole number of requests a minute (0 for no limit), got "${rawSearchLimit}"`);

  if (problems.length > 0) throw new ConfigError(problems);
  const dataDir = resolve(value('DATA_DIR') ?? './data');
  return {
    port,
    host: value('HOST') ?? '127.0.0.1',
    dataDir,
    databaseUrl,
    logLevel: logLevel as LogLevel,
    seedDemo: rawSeed === 'true' || rawSeed === '1',
    seedExamples: rawExamples === 'true' || rawExamples === '1',
    publicUrl: publicUrl.replace(/\/+$/, ''),
    smtpUrl,
    mailFrom: value('MAIL_FROM') ?? 'Clusterbridge <no-reply@localhost>',
    outboxDir: resolve(value('OUTBOX_DIR') ?? `${dataDir}/outbox`),
    searchRateLimit,
    trustProxy: ['true', '1'].includes((value('TRUST_PROXY') ?? 'false').toLowerCase()),
  };
}
