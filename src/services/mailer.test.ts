import { describe, expect, it } from 'vitest';
import { redactTokens } from './mailer.js';

describe('redactTokens', () => {
  it('removes the token of every kind of link, and leaves other links alone', () => {
    const text = [
      'http://cb.test/confirm-email?token=Abc_-123',
      'http://cb.test/reset-password?token=Abc_-123.',
      'http://cb.test/confirm-email-change?token=Abc_-123&x=1',
      'http://cb.test/invitation?token=Abc_-123',
      'http://cb.test/organisations/airko',
    ].join('\n');
    expect(redactTokens(text)).toBe(
      [
        'http://cb.test/confirm-email?token=[redacted]',
        'http://cb.test/reset-password?token=[redacted]',
        'http://cb.test/confirm-email-change?token=[redacted]&x=1',
        'http://cb.test/invitation?token=[redacted]',
        'http://cb.test/organisations/airko',
      ].join('\n'),
    );
  });
});
