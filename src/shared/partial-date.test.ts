import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  comparePartialDates,
  endsBeforeStart,
  formatPartialDate,
  overlapsPeriod,
  parsePartialDate,
  partialDateProblem,
} from './partial-date.js';

describe('partial dates', () => {
  it('keeps a year as a year: its period is the whole year, never 1 January alone', () => {
    expect(parsePartialDate('2004')).toEqual({ value: '2004', precision: 'year', first: '2004-01-01', last: '2004-12-31' });
    expect(parsePartialDate('2024-02')).toMatchObject({ precision: 'month', first: '2024-02-01', last: '2024-02-29' });
    expect(parsePartialDate('2023-02')).toMatchObject({ last: '2023-02-28' });
    expect(parsePartialDate('2004-06-15')).toMatchObject({ precision: 'day', first: '2004-06-15', last: '2004-06-15' });
  });

  it('refuses days that do not exist and shapes that are not dates', () => {
    expect(partialDateProblem('2023-02-30')).toBe('no_such_day');
    expect(partialDateProblem('2023-04-31')).toBe('no_such_day');
    expect(partialDateProblem('2024-02-29')).toBeNull();
    for (const bad of ['2023-13', '2023-00', '23', '2023-1-5', '2023/01/05', '', '0999', '2023-02-30T00:00'])
      expect(partialDateProblem(bad)).not.toBeNull();
  });

  it('orders a year before the days of that year, and days in order', () => {
    const sorted = ['2004-06-15', '2005', '2004-01-01', '2004', '2004-06', '2003-12-31'].sort(comparePartialDates);
    expect(sorted).toEqual(['2003-12-31', '2004', '2004-01-01', '2004-06', '2004-06-15', '2005']);
  });

  it('sees an end before a start only when the whole end period is before it', () => {
    expect(endsBeforeStart('2004', '2004-03')).toBe(false);
    expect(endsBeforeStart('2004-06-15', '2004-06')).toBe(false);
    expect(endsBeforeStart('2004-06-15', '2004-05')).toBe(true);
    expect(endsBeforeStart('2005', '2004-12-31')).toBe(true);
  });

  it('filters a year-only date by the period it covers', () => {
    expect(overlapsPeriod('2004', '2004-06-01', '2004-06-30')).toBe(true);
    expect(overlapsPeriod('2004', '2005')).toBe(false);
    expect(overlapsPeriod('2004-03', undefined, '2004-02-28')).toBe(false);
  });

  it('is written at its own precision in each language', () => {
    expect(formatPartialDate('2004', 'fr')).toBe('2004');
    expect(formatPartialDate('2004-06', 'fr')).toBe('juin 2004');
    expect(formatPartialDate('2004-06-15', 'ru')).toMatch(/^15 июня 2004/);
  });

  it('covers every day it names, and only those (any valid day)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }), (d) => {
        const day = d.toISOString().slice(0, 10);
        for (const value of [day.slice(0, 4), day.slice(0, 7), day]) {
          const p = parsePartialDate(value)!;
          expect(p.first <= day && day <= p.last).toBe(true);
        }
      }),
    );
  });
});
