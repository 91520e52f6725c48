import { describe, expect, it } from 'vitest';
import { offsetMinutes, vtimezone, wallClock } from './vtimezone.js';

describe('a VTIMEZONE from Intl', () => {
  it('gives Europe/Paris its summer and winter offsets at the exact changes around the event', () => {
    const text = vtimezone('Europe/Paris', new Date('2027-04-18T08:00:00Z'), new Date('2027-04-18T16:00:00Z'));
    expect(text.startsWith('BEGIN:VTIMEZONE\r\nTZID:Europe/Paris\r\n')).toBe(true);
    // last Sunday of March 2027, 02:00 local: +01:00 → +02:00; last Sunday of October, 03:00: back
    expect(text).toContain('BEGIN:DAYLIGHT\r\nDTSTART:20270328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\nEND:DAYLIGHT');
    expect(text).toContain('BEGIN:STANDARD\r\nDTSTART:20271031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nEND:STANDARD');
  });

  it('gives Europe/Moscow its one offset, and wall-clock times in the zone', () => {
    const text = vtimezone('Europe/Moscow', new Date('2027-04-18T08:00:00Z'), new Date('2027-04-18T09:00:00Z'));
    expect(text).not.toContain('DAYLIGHT');
    expect(text).toContain('TZOFFSETTO:+0300');
    expect(offsetMinutes('Asia/Kolkata', new Date('2027-01-01T00:00:00Z'))).toBe(330);
    expect(wallClock(new Date('2027-04-18T07:00:00Z'), 'Europe/Moscow')).toBe('2027-04-18T10:00:00');
    expect(wallClock(new Date('2027-04-18T07:00:00Z'), 'Europe/Paris')).toBe('2027-04-18T09:00:00');
  });
});
