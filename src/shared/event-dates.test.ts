import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, formatKnownDate, knownDateProblem, timeZoneOffset } from './event-dates.js';

describe('an event’s known date', () => {
  it('takes a day and month without a year when the day exists in some year', () => {
    expect(knownDateProblem('--04-18')).toBeNull();
    expect(knownDateProblem('--02-29')).toBeNull();
    expect(knownDateProblem('--02-30')).toBe('no_such_day');
    expect(knownDateProblem('--04-31')).toBe('no_such_day');
    expect(knownDateProblem('--13-01')).toBe('shape');
  });

  it('takes the registry’s partial dates as the registry does', () => {
    expect(knownDateProblem('2004')).toBeNull();
    expect(knownDateProblem('2004-04')).toBeNull();
    expect(knownDateProblem('2023-02-29')).toBe('no_such_day');
    expect(formatKnownDate('2004-04-18', 'en')).toBe('April 18, 2004');
  });

  it('writes a day and month as its readers do, with no year', () => {
    expect(formatKnownDate('--02-29', 'fr')).toBe('29 février');
  });
});

describe('time zones', () => {
  it('knows IANA zones, spelt as Intl spells them, and nothing else', () => {
    expect(canonicalTimeZone('Europe/Moscow')).toBe('Europe/Moscow');
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
    expect(canonicalTimeZone('+03:00')).toBeNull();
    expect(canonicalTimeZone('')).toBeNull();
    expect(timeZoneOffset('Europe/Moscow')).toBe('+03:00');
    expect(timeZoneOffset('Europe/Paris', new Date('2026-07-01T12:00:00Z'))).toBe('+02:00');
    expect(timeZoneOffset('UTC')).toBe('+00:00');
  });
});
