import { describe, expect, it } from 'vitest';
import { dayOf, hours, instantOf, sameClock, timeRange, wallClock } from './event-time';

describe('an event’s times', () => {
  it('turns a time typed in the event’s zone into the instant, across a change of offset', () => {
    expect(instantOf('2027-04-18', '10:00', 'Europe/Moscow')).toBe('2027-04-18T07:00:00.000Z');
    expect(instantOf('2027-04-18', '10:00', 'Europe/Paris')).toBe('2027-04-18T08:00:00.000Z');
    expect(instantOf('2027-01-18', '10:00', 'Europe/Paris')).toBe('2027-01-18T09:00:00.000Z');
    expect(instantOf('2027-04-18', '', 'Europe/Paris')).toBeNull();
  });

  it('shows an instant back as the wall clock of the zone', () => {
    expect(wallClock('2027-04-18T07:00:00.000Z', 'Europe/Moscow')).toEqual({ date: '2027-04-18', time: '10:00' });
    expect(wallClock('2027-04-18T22:30:00.000Z', 'Europe/Moscow')).toEqual({ date: '2027-04-19', time: '01:30' });
  });

  it('writes a meeting’s time in the reader’s language and the zone asked', () => {
    expect(hours('ru', '2027-04-18T07:00:00Z', '2027-04-18T07:20:00Z', 'Europe/Moscow')).toBe('10:00–10:20');
    expect(hours('fr', '2027-04-18T07:00:00Z', '2027-04-18T07:20:00Z', 'Europe/Paris')).toBe('09:00–09:20');
    expect(timeRange('fr', '2027-04-18T07:00:00Z', '2027-04-18T07:20:00Z', 'Europe/Paris')).toMatch(/^18 avr\. 2027, 09:00–09:20$/);
    expect(dayOf('ru', '2027-04-18T22:30:00Z', 'Europe/Moscow').key).toBe('2027-04-19');
  });

  it('tells whether the reader’s clock differs from the event’s', () => {
    expect(sameClock('2027-04-18T07:00:00Z', 'Europe/Moscow', 'Europe/Paris')).toBe(false);
    expect(sameClock('2027-04-18T07:00:00Z', 'Europe/Moscow', 'Europe/Istanbul')).toBe(true);
  });
});
