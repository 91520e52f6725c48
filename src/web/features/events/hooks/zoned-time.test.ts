import { describe, expect, it } from 'vitest';
import { formatKnownDate, instantToLocal, localToInstant, sameClock, zoneOffsetMinutes } from './zoned-time';

describe("an event's times in its own zone", () => {
  it('reads 18:00 in Moscow as 15:00 UTC, and back', () => {
    expect(localToInstant('2026-04-18T18:00', 'Europe/Moscow')).toBe('2026-04-18T15:00:00.000Z');
    expect(instantToLocal('2026-04-18T15:00:00.000Z', 'Europe/Moscow')).toBe('2026-04-18T18:00');
  });

  it('takes the offset in force that day in Paris (summer and winter time)', () => {
    expect(localToInstant('2026-07-01T09:30', 'Europe/Paris')).toBe('2026-07-01T07:30:00.000Z');
    expect(localToInstant('2026-01-15T09:30', 'Europe/Paris')).toBe('2026-01-15T08:30:00.000Z');
    // the morning the clocks go forward: 03:30 exists, in summer time
    expect(localToInstant('2026-03-29T03:30', 'Europe/Paris')).toBe('2026-03-29T01:30:00.000Z');
  });

  it('refuses what is not a time or not a zone', () => {
    expect(localToInstant('18:00', 'Europe/Moscow')).toBeNull();
    expect(localToInstant('2026-04-18T18:00', 'Europe/Atlantis')).toBeNull();
  });

  it('knows when two zones read the same clock', () => {
    const april = Date.parse('2026-04-18T15:00:00Z');
    expect(zoneOffsetMinutes(april, 'Europe/Moscow')).toBe(180);
    expect(sameClock(april, 'Europe/Paris', 'Europe/Brussels')).toBe(true);
    expect(sameClock(april, 'Europe/Paris', 'Europe/Moscow')).toBe(false);
  });

  it("shows a day known without its year with no year, in the reader's language", () => {
    expect(formatKnownDate('--04-18', 'fr')).toBe('18 avril');
    expect(formatKnownDate('--04-18', 'ru')).toBe('18 апреля');
    expect(formatKnownDate('--04-18', 'en')).toBe('April 18');
    expect(formatKnownDate('2026-04', 'fr')).toBe('avril 2026');
  });
});
