import { Link } from 'react-router';
import type { TimelineEntry } from '../../../../shared/schemas/timeline';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { recordPath } from '../api/timeline';

/** A glyph for each kind of entry, beside its name (the name is what a screen reader reads). */
const ICON: Record<TimelineEntry['kind'], string> = {
  agreement: '✍',
  initiative: '◆',
  academic_partnership: '🎓',
  residency: '⌂',
  milestone: '⚑',
};

/** The entry's date where its heading does not say it all: the day of a dated entry, or "the whole year/month". */
function DateLabel({ entry }: { entry: TimelineEntry }) {
  const { t, lang } = useI18n();
  const { value, precision } = entry.date;
  if (precision === 'year') return <span className="timeline-date">{t('timeline.wholeYear', { year: value })}</span>;
  if (precision === 'month') return <span className="timeline-date">{t('timeline.wholeMonth')}</span>;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const day = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, d)));
  return (
    <time className="timeline-date" dateTime={value}>
      {day}
    </time>
  );
}

/** A milestone not done whose day has passed (days are UTC, as the server's reminders count them). */
const isOverdue = (dueOn: string | null) => dueOn !== null && dueOn < new Date().toISOString().slice(0, 10);

export function TimelineEntryItem({ entry }: { entry: TimelineEntry }) {
  const { t } = useI18n();
  const text = useMlString();
  const names = useReferenceNames();
  const milestone = entry.milestone;
  return (
    <li className={`timeline-entry kind-${entry.kind}`}>
      <DateLabel entry={entry} />
      <div className="timeline-body">
        <p className="timeline-title">
          <span className={`badge timeline-kind kind-${entry.kind}`}>
            <span aria-hidden="true">{ICON[entry.kind]}</span> {t(`timeline.kinds.${entry.kind}`)}
          </span>{' '}
          <Link to={recordPath(entry.kind, entry.slug)}>
            <MlText value={entry.title} />
          </Link>
        </p>
        {milestone ? (
          <p className="timeline-meta">
            {t('timeline.ofInitiative', { initiative: text(milestone.initiative) })} ·{' '}
            {t(milestone.doneOn ? 'timeline.done' : isOverdue(milestone.dueOn) ? 'timeline.overdue' : 'timeline.due')}
          </p>
        ) : (
          <p className="timeline-meta">
            {entry.type && <>{t(`timeline.types.${entry.type}`)} · </>}
            {t(`timeline.stages.${entry.stage}`)}
            {entry.parties.length > 0 && <> · {entry.parties.map((p) => text(p.name)).join(', ')}</>}
          </p>
        )}
        {!milestone && entry.areas.length > 0 && <p className="timeline-areas muted">{entry.areas.map(names.area).join(' · ')}</p>}
      </div>
    </li>
  );
}
