import { describe, expect, it } from 'vitest';
import { readPartialDate } from './partial-date-input';

describe('a partial date as typed', () => {
  it('keeps a year alone as a year, never as 1 January', () => {
    expect(readPartialDate('2004')).toEqual({ value: '2004' });
    expect(readPartialDate(' 2004 ')).toEqual({ value: '2004' });
  });

  it('reads ISO months and days, padding single digits', () => {
    expect(readPartialDate('2004-06')).toEqual({ value: '2004-06' });
    expect(readPartialDate('2004-6-5')).toEqual({ value: '2004-06-05' });
    expect(readPartialDate('2004-06-15')).toEqual({ value: '2004-06-15' });
  });

  it('reads the day-first forms French and Russian letters use', () => {
    expect(readPartialDate('15/06/2004')).toEqual({ value: '2004-06-15' });
    expect(readPartialDate('15.06.2004')).toEqual({ value: '2004-06-15' });
    expect(readPartialDate('06/2004')).toEqual({ value: '2004-06' });
    expect(readPartialDate('6.2004')).toEqual({ value: '2004-06' });
  });

  it('is empty when nothing is typed', () => {
    expect(readPartialDate('')).toEqual({ value: null });
    expect(readPartialDate('   ')).toEqual({ value: null });
  });

  it('says a day that does not exist is not a day, and anything else is not a date', () => {
    expect(readPartialDate('2023-02-30')).toEqual({ problem: 'no_such_day' });
    expect(readPartialDate('30.02.2023')).toEqual({ problem: 'no_such_day' });
    expect(readPartialDate('2023-13')).toEqual({ problem: 'shape' });
    expect(readPartialDate('04')).toEqual({ problem: 'shape' });
    expect(readPartialDate('juin 2004')).toEqual({ problem: 'shape' });
  });
});
