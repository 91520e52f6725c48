import { MEETING_OUTCOMES } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import type { useMeetingStats } from '../api/meetings';

/**
 * The event's one-to-one meetings in numbers: requested, scheduled, held, and what came of them. The page
 * holds the figures, to read them again after each request or schedule it changes.
 */
export function MeetingStatsPanel({ stats }: { stats: ReturnType<typeof useMeetingStats> }) {
  const { t, lang } = useI18n();
  const text = useMlString();
  if (!stats.data) return null;
  const s = stats.data;
  const n = (v: number) => v.toLocaleString(lang);
  return (
    <section aria-labelledby="meeting-stats" className="meeting-stats">
      <h2 id="meeting-stats">{t('meetings.stats.title')}</h2>
      <dl className="meeting-figures">
        {(['requested', 'accepted', 'scheduled', 'held'] as const).map((k) => (
          <div key={k}>
            <dt>{t(`meetings.stats.${k}`)}</dt>
            <dd>{n(s[k])}</dd>
          </div>
        ))}
        {MEETING_OUTCOMES.map((o) => (
          <div key={o}>
            <dt>{t(`meetings.outcomes.${o}`)}</dt>
            <dd>{n(s.outcomes[o] ?? 0)}</dd>
          </div>
        ))}
      </dl>
      {s.agreements.length > 0 && (
        <ul>
          {s.agreements.map((a) => (
            <li key={a.slug}>
              <a href={`/cooperation/agreements/${encodeURIComponent(a.slug)}`}>{typeof a.title === 'string' ? a.title : text(a.title)}</a>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
