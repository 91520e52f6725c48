import { describe, expect, it } from 'vitest';
import { AFTER_SIGN_IN, safeNext } from './safe-next';

const origin = 'https://cb.example.org';

describe('safeNext', () => {
  it('follows paths of this site', () => {
    expect(safeNext('/invitation?token=abc', origin)).toBe('/invitation?token=abc');
    expect(safeNext('/my/organisations/iate-mephi#members', origin)).toBe('/my/organisations/iate-mephi#members');
    expect(safeNext(null, origin)).toBe(AFTER_SIGN_IN);
  });

  it.each(['//other-host', '//other-host/path', '/\\other', '/\\/other', 'https://x', 'javascript:alert(1)', '/\t/other-host', 'other', ' //x'])(
    'sends %j home',
    (next) => {
      expect(safeNext(next, origin)).toBe('/');
    },
  );
});
