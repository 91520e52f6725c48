import type { ScheduleRun } from '../api/contracts';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * A scheduler run's figures in words: how many accepted meetings it placed, how many at most can be (the
 * bound docs/scheduling.md states), and the same weighted by priority. Numbers as the reader writes them.
 */
export function gapFigure(t: Translate, lang: string, run: ScheduleRun): { count: string; weight: string; share: string | null } {
  const n = (value: number) => value.toLocaleString(lang);
  // "at most N can be" agrees with N ("au plus 1 peut l’être"), not with the accepted meetings
  const atMost = (bound: number) => t('meetings.schedule.gap.atMost', { count: bound, bound: n(bound) });
  const count = t('meetings.schedule.gap.count', {
    count: run.acceptedCount,
    scheduled: n(run.scheduledCount),
    accepted: n(run.acceptedCount),
    atMost: atMost(run.upperBoundCount),
  });
  const weight = t('meetings.schedule.gap.weight', {
    scheduled: n(run.scheduledWeight),
    accepted: n(run.acceptedWeight),
    atMost: atMost(run.upperBoundWeight),
  });
  const share =
    run.upperBoundWeight > 0
      ? t('meetings.schedule.gap.share', {
          share: (run.scheduledWeight / run.upperBoundWeight).toLocaleString(lang, { style: 'percent', maximumFractionDigits: 1 }),
        })
      : null;
  return { count, weight, share };
}
