import { describe, expect, it } from 'vitest';
import { pageNumber, withoutBadValues } from './list-address';

const SORTS = ['relevance', 'name', 'newest'];
const cleaned = (search: string, sorts?: readonly string[]) => withoutBadValues(new URLSearchParams(search), sorts)?.toString() ?? null;

describe('a list’s address', () => {
  it('reads a page as a whole number from 1, and nothing else', () => {
    expect(pageNumber('2')).toBe(2);
    expect(pageNumber('10000')).toBe(10000);
    expect(pageNumber('02')).toBe(2);
    for (const bad of ['-3', '0', '2.5', 'abc', '', ' 2', '1e3', '00']) expect(pageNumber(bad), bad).toBeNull();
    expect(pageNumber(null)).toBeNull();
  });

  it('takes out a bad page or order and keeps the rest as it was', () => {
    expect(cleaned('kind=university&page=-3&sort=nonsense', SORTS)).toBe('kind=university');
    expect(cleaned('region=FR-19&page=abc&region=FR-23', SORTS)).toBe('region=FR-19&region=FR-23');
    expect(cleaned('q=x&sort=nonsense&page=2', SORTS)).toBe('q=x&page=2');
  });

  it('leaves a good address alone, and an order on a list that has no choice of them', () => {
    expect(cleaned('q=x&sort=newest&page=2', SORTS)).toBeNull();
    expect(cleaned('')).toBeNull();
    expect(cleaned('page=99')).toBeNull();
    expect(cleaned('sort=whatever')).toBeNull();
    expect(cleaned('sort=whatever&page=0')).toBe('sort=whatever');
  });
});
