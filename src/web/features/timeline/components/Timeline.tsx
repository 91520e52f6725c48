import '../timeline.css';
import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useErrorText } from '../../../shared/i18n/error-text';
import { NO_FILTERS, type TimelineFilters, type TimelineSource } from '../api/timeline';
import { useTimeline } from '../hooks/useTimeline';
import { groupByPeriod } from './group-entries';
import { TimelineEntryItem } from './TimelineEntryItem';
import { TimelineFiltersForm } from './TimelineFiltersForm';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A timeline of the registry (a partnership's, an organisation's, an area's): entries under their year's
 * heading and, when known to a month or a day, their month's; a record known only to its year sits under
 * the year, never on 1 January. Filters by kind, area and period; "load more" adds the next page.
 */
export function Timeline({ source, title, id = 'timeline' }: { source: TimelineSource; title: string; id?: string }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [filters, setFilters] = useState<TimelineFilters>(NO_FILTERS);
  const timeline = useTimeline(source, filters);
  const monthName = (key: string) =>
    capitalise(
      new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
        new Date(Date.UTC(Number(key.slice(0, 4)), Number(key.slice(5, 7)) - 1, 1)),
      ),
    );
  const groups = groupByPeriod(timeline.entries);

  return (
    <section className="timeline" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <TimelineFiltersForm filters={filters} onChange={(changes) => setFilters((f) => ({ ...f, ...changes }))} />
      {timeline.status === 'error' && (
        <p role="alert" className="error">
          {errorText(timeline.error)}
        </p>
      )}
      {timeline.status === 'ready' && timeline.entries.length === 0 && <p className="muted">{t('timeline.empty')}</p>}
      <ol className="timeline-years">
        {groups.map((year) => (
          <li key={year.year} className="timeline-year">
            <h3>{year.year}</h3>
            {year.whole.length > 0 && (
              <ul className="timeline-entries">
                {year.whole.map((e, i) => (
                  <TimelineEntryItem key={`${e.kind}:${e.slug}:${i}`} entry={e} />
                ))}
              </ul>
            )}
            {year.months.map((month) => (
              <section key={month.key} className="timeline-month" aria-label={monthName(month.key)}>
                <h4>{monthName(month.key)}</h4>
                <ul className="timeline-entries">
                  {[...month.whole, ...month.days].map((e, i) => (
                    <TimelineEntryItem key={`${e.kind}:${e.slug}:${i}`} entry={e} />
                  ))}
                </ul>
              </section>
            ))}
          </li>
        ))}
      </ol>
      {timeline.loading && <p role="status">{t('app.loading')}</p>}
      {timeline.nextCursor && !timeline.loading && (
        <button type="button" className="timeline-more" onClick={timeline.loadMore}>
          {t('timeline.loadMore')}
        </button>
      )}
    </section>
  );
}
