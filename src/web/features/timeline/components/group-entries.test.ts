import { describe, expect, it } from 'vitest';
import { partialDate } from '../../../../shared/partial-date';
import type { TimelineEntry } from '../../../../shared/schemas/timeline';
import { groupByPeriod } from './group-entries';

const entry = (value: string): TimelineEntry => ({
  kind: 'agreement',
  slug: value,
  title: { original: 'en', en: value },
  type: null,
  stage: 'signed',
  date: partialDate(value),
  parties: [],
  areas: [],
});

describe('groupByPeriod', () => {
  it('puts a year-only entry under its year, a month-only one under its month, and days under their month', () => {
    const groups = groupByPeriod(['2005-03-02', '2004', '2004-12-31', '2004-06', '2004-06-15', '2004-01-01'].map(entry));
    expect(groups.map((g) => g.year)).toEqual(['2005', '2004']);
    const y2004 = groups[1]!;
    expect(y2004.whole.map((e) => e.slug)).toEqual(['2004']);
    expect(y2004.months.map((m) => m.key)).toEqual(['2004-12', '2004-06', '2004-01']);
    const june = y2004.months[1]!;
    expect(june.whole.map((e) => e.slug)).toEqual(['2004-06']);
    expect(june.days.map((e) => e.slug)).toEqual(['2004-06-15']);
    // never on 1 January: the year-only record is in no month
    expect(y2004.months[2]!.days.map((e) => e.slug)).toEqual(['2004-01-01']);
  });
});
