import { describe, expect, it } from 'vitest';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('uses the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.dataDir.endsWith('/data')).toBe(true);
    expect(config.databaseUrl).toBeNull();
    expect(config.logLevel).toBe('info');
    expect(config.seedDemo).toBe(true);
    expect(config.searchRateLimit).toBe(300);
  });

  it('keeps the search indexes\' snapshots in DATA_DIR, with PGlite or a PostgreSQL server, unless told', () => {
    expect(loadConfig({ DATA_DIR: '/srv/cb' }).snapshotDir).toBe('/srv/cb/snapshots');
    expect(loadConfig({ DATA_DIR: '/srv/cb', DATABASE_URL: 'postgres://h/db' }).snapshotDir).toBe('/srv/cb/snapshots');
    expect(loadConfig({ DATABASE_URL: 'postgres://h/db' }).snapshotDir).toBe(resolve('./data/snapshots'));
    expect(loadConfig({ SNAPSHOT_DIR: '/var/cache/cb' }).snapshotDir).toBe('/var/cache/cb');
  });

  it('reads the search rate limit, 0 turning it off, and refuses anything but a whole number', () => {
    expect(loadConfig({ SEARCH_RATE_LIMIT: '0' }).searchRateLimit).toBe(0);
    expect(loadConfig({ SEARCH_RATE_LIMIT: '1200' }).searchRateLimit).toBe(1200);
    expect(() => loadConfig({ SEARCH_RATE_LIMIT: '-5' })).toThrow(/SEARCH_RATE_LIMIT/);
  });

  it('reads the days before an agreement ends that its parties are reminded, 60 and 7 by default', () => {
    expect(loadConfig({}).agreementReminderDays).toEqual([60, 7]);
    expect(loadConfig({ AGREEMENT_REMINDER_DAYS: '30, 90,7,30' }).agreementReminderDays).toEqual([90, 30, 7]);
    expect(() => loadConfig({ AGREEMENT_REMINDER_DAYS: '60,soon' })).toThrow(/AGREEMENT_REMINDER_DAYS/);
    expect(() => loadConfig({ AGREEMENT_REMINDER_DAYS: '0' })).toThrow(/AGREEMENT_REMINDER_DAYS/);
  });

  it('reads how often the reminders are looked for, hourly by default, and refuses anything but a positive whole number', () => {
    expect(loadConfig({}).reminderScanSeconds).toBe(3600);
    expect(loadConfig({ REMINDER_SCAN_SECONDS: '5' }).reminderScanSeconds).toBe(5);
    expect(() => loadConfig({ REMINDER_SCAN_SECONDS: '0' })).toThrow(/REMINDER_SCAN_SECONDS/);
    expect(() => loadConfig({ REMINDER_SCAN_SECONDS: '1h' })).toThrow(/REMINDER_SCAN_SECONDS/);
  });

  it('reads the hours before a meeting at an event that its participants are reminded, 24 by default', () => {
    expect(loadConfig({}).eventReminderHours).toBe(24);
    expect(loadConfig({ EVENT_REMINDER_HOURS: '48' }).eventReminderHours).toBe(48);
    expect(() => loadConfig({ EVENT_REMINDER_HOURS: '0' })).toThrow(/EVENT_REMINDER_HOURS/);
    expect(() => loadConfig({ EVENT_REMINDER_HOURS: '1.5' })).toThrow(/EVENT_REMINDER_HOURS/);
  });

  it('reads how long the change feed keeps its rows, a week by default', () => {
    expect(loadConfig({}).feedRetentionHours).toBe(168);
    expect(loadConfig({ FEED_RETENTION_HOURS: '24' }).feedRetentionHours).toBe(24);
    expect(() => loadConfig({ FEED_RETENTION_HOURS: '0' })).toThrow(/FEED_RETENTION_HOURS/);
    expect(() => loadConfig({ FEED_RETENTION_HOURS: 'a week' })).toThrow(/FEED_RETENTION_HOURS/);
  });

  it('reads the document size limit, 20 MiB unless set, and refuses anything but a positive whole number', () => {
    expect(loadConfig({}).documentMaxBytes).toBe(20 * 1024 * 1024);
    expect(loadConfig({ DOCUMENT_MAX_BYTES: '1048576' }).documentMaxBytes).toBe(1048576);
    expect(() => loadConfig({ DOCUMENT_MAX_BYTES: '20MB' })).toThrow(/DOCUMENT_MAX_BYTES/);
    expect(() => loadConfig({ DOCUMENT_MAX_BYTES: '0' })).toThrow(/DOCUMENT_MAX_BYTES/);
  });

  it('reads every variable', () => {
    const config = loadConfig({
      PORT: '8080',
      HOST: '0.0.0.0',
      DATA_DIR: '/tmp/x',
      DATABASE_URL: 'postgres://u@h:5432/db',
      LOG_LEVEL: 'WARN',
      SEED_DEMO: 'false',
      SEED_EXAMPLES: 'false',
    });
    expect(config).toMatchObject({
      port: 8080,
      host: '0.0.0.0',
      dataDir: '/tmp/x',
      databaseUrl: 'postgres://u@h:5432/db',
      logLevel: 'warn',
      seedDemo: false,
      seedExamples: false,
    });
  });

  it('lists every problem at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: '70000', DATABASE_URL: 'mysql://x', LOG_LEVEL: 'loud', SEED_DEMO: 'maybe' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/PORT.*70000/);
    expect(problems.join('\n')).toMatch(/DATABASE_URL/);
    expect(problems.join('\n')).toMatch(/LOG_LEVEL.*loud/);
    expect(problems.join('\n')).toMatch(/SEED_DEMO/);
  });

  it('reads SEARCH_SERVICE_URL as base URLs, only beside DATABASE_URL', () => {
    const server = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' };
    expect(loadConfig({}).searchServiceUrls).toEqual([]);
    expect(loadConfig({ ...server, SEARCH_SERVICE_URL: 'http://127.0.0.1:3101, http://127.0.0.1:3102/' }).searchServiceUrls).toEqual([
      'http://127.0.0.1:3101',
      'http://127.0.0.1:3102/',
    ]);
    expect(() => loadConfig({ ...server, SEARCH_SERVICE_URL: 'http://127.0.0.1:3101/api/v1' })).toThrow(/SEARCH_SERVICE_URL must be base URLs/);
    expect(() => loadConfig({ SEARCH_SERVICE_URL: 'http://127.0.0.1:3101' })).toThrow(/SEARCH_SERVICE_URL needs DATABASE_URL/);
  });

  it('reads TRUST_PROXY as a number of hops or a list of proxy addresses, and refuses true', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1,Loopback' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
    for (const [raw, message] of [
      ['true', /TRUST_PROXY=true would believe any X-Forwarded-For.*number of proxies/],
      ['10.0.0.0/33', /TRUST_PROXY.*"10.0.0.0\/33"/],
      ['proxy.example.org', /TRUST_PROXY.*"proxy.example.org"/],
      ['99', /TRUST_PROXY.*hops/],
    ] as const) {
      let error: unknown;
      try {
        loadConfig({ TRUST_PROXY: raw });
      } catch (e) {
        error = e;
      }
      expect(error, raw).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).problems.join('\n')).toMatch(message);
    }
  });
});
