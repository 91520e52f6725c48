import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/I18nProvider';
import type { Language } from '../../../../shared/languages';
import type { ScheduleRun } from '../api/contracts';
import { gapFigure } from './gap-figure';

const run: ScheduleRun = {
  id: 'r',
  kind: 'preliminary',
  acceptedCount: 640,
  scheduledCount: 612,
  upperBoundCount: 618,
  acceptedWeight: 1_350,
  scheduledWeight: 1_290,
  upperBoundWeight: 1_302,
  pinnedCount: 1,
  algorithm: 'test',
  durationMs: 12,
  ranAt: '2027-04-18T07:00:00Z',
};
const figure = (lang: Language, r = run) => gapFigure((key, vars) => translate(lang, key, vars), lang, r);

describe('the scheduler’s gap figure in words', () => {
  it('says how many accepted meetings are scheduled and how many at most can be, in each language', () => {
    expect(figure('en').count).toBe('612 of 640 accepted meetings scheduled; at most 618 can be');
    expect(figure('fr').count).toBe('612 rendez-vous planifiés sur 640 acceptés\u00a0; au plus 618 peuvent l’être');
    expect(figure('ru').count).toBe('Запланировано 612 из 640 принятых встреч; возможно не более 618');
    expect(figure('fr', { ...run, acceptedCount: 1, scheduledCount: 1, upperBoundCount: 1 }).count).toBe(
      '1 rendez-vous planifié sur 1 accepté\u00a0; au plus 1 peut l’être',
    );
    expect(figure('ru', { ...run, acceptedCount: 1, scheduledCount: 1, upperBoundCount: 1 }).count).toBe(
      'Запланировано 1 из 1 принятой встречи; возможно не более 1',
    );
  });

  it('gives the weighted figures with numbers as the reader writes them', () => {
    expect(figure('en').weight).toBe('Weighted by priority: 1,290 of 1,350; at most 1,302 can be.');
    expect(figure('ru').weight).toMatch(/^С учётом приоритетов: 1\s290 из 1\s350; возможно не более 1\s302\.$/);
    expect(figure('en').share).toBe('99.1% of the most that can be scheduled.');
  });
});
