import { describe, expect, it } from 'vitest';
import en from './en.json';
import fr from './fr.json';
import ru from './ru.json';

/** Every key path whose value is a string; plural forms count as one key. */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix];
  const entries = Object.entries(node as Record<string, unknown>);
  if (entries.some(([k]) => k === 'other')) return [prefix];
  return entries.flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('translation files', () => {
  it('have the same labels in Russian, French and English', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort());
    expect(keys(ru).sort()).toEqual(keys(en).sort());
  });

  it('give Russian the plural forms it needs', () => {
    expect(Object.keys(ru.directory.results).sort()).toEqual(['few', 'many', 'one', 'other']);
  });
});
