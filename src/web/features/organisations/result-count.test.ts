import { describe, expect, it } from 'vitest';
import { resultCount } from './result-count';

const NBSP = '\u00a0';

describe('the directory’s count of results', () => {
  it('says an estimate is one, with the number written as each language writes it', () => {
    expect(resultCount('en', 12000, true)).toBe('About 12,000 organisations found');
    expect(resultCount('fr', 12000, true)).toBe(`Environ 12${NBSP}000 organisations trouvées`);
    expect(resultCount('ru', 12000, true)).toBe(`Найдено около 12${NBSP}000 организаций`);
    expect(resultCount('ru', 1_200_000, true)).toBe(`Найдено около 1${NBSP}200${NBSP}000 организаций`);
  });

  it('gives an exact count with its thousands grouped as the estimates are', () => {
    expect(resultCount('en', 1, false)).toBe('1 organisation found');
    expect(resultCount('en', 100039, false)).toBe('100,039 organisations found');
    expect(resultCount('fr', 9534, false)).toBe(`9${NBSP}534 organisations trouvées`);
    expect(resultCount('ru', 3, false)).toBe('Найдено 3 организации');
    expect(resultCount('ru', 17153, false)).toBe(`Найдено 17${NBSP}153 организации`);
  });
});
