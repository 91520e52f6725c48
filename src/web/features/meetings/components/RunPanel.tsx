import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { ScheduleRun } from '../api/contracts';
import { gapFigure } from '../hooks/gap-figure';

/** The scheduler's algorithm in the reader's words; one without words yet keeps the name the API gives. */
function algorithmName(t: (key: string) => string, algorithm: string): string {
  const key = `meetings.algorithms.${algorithm}`;
  const words = t(key);
  return words === key ? algorithm : words;
}

/** The last scheduler run in words: the gap between what it placed and what at most can be, and how it got there. */
export function RunFigures({ run }: { run: ScheduleRun }) {
  const { t, lang, dateTime } = useI18n();
  const figure = gapFigure(t, lang, run);
  return (
    <div className="run-figures" role="status">
      <p className="gap-figure">
        <strong>{figure.count}</strong>
      </p>
      <p className="gap-weight">{figure.weight}</p>
      {figure.share && <p className="muted">{figure.share}</p>}
      <p className="muted">
        {t('meetings.schedule.runInfo', {
          kind: t(`meetings.runKinds.${run.kind}`),
          when: dateTime(run.ranAt),
          pinned: t('meetings.schedule.pinnedCount', { count: run.pinnedCount }),
          ms: run.durationMs.toLocaleString(lang),
          algorithm: algorithmName(t, run.algorithm),
        })}
      </p>
    </div>
  );
}
