import { describe, expect, it } from 'vitest';
import { registrationClosed } from './registration-open';

const event = {
  status: 'published' as const,
  registrationOpen: true,
  registrationClosesAt: '2026-05-01T10:00:00Z',
  startsAt: '2026-05-10T08:00:00Z',
};

describe('registrationClosed', () => {
  it('is open before the closing, closed from it on', () => {
    expect(registrationClosed(event, new Date('2026-05-01T09:59:00Z'))).toBe(false);
    expect(registrationClosed(event, new Date('2026-05-01T10:00:00Z'))).toBe(true);
  });
  it('closes at the start when no closing is set', () => {
    const noClosing = { ...event, registrationClosesAt: null };
    expect(registrationClosed(noClosing, new Date('2026-05-09T00:00:00Z'))).toBe(false);
    expect(registrationClosed(noClosing, new Date('2026-05-10T08:00:00Z'))).toBe(true);
  });
  it('is closed when the organisers closed it', () => {
    expect(registrationClosed({ ...event, registrationOpen: false }, new Date('2026-04-01T00:00:00Z'))).toBe(true);
  });
});
