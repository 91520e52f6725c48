import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { useAttendance } from '../api/events';
import type { Event } from '../api/contracts';

const SECTORS = ['government', 'science', 'business', 'unknown'] as const;

/**
 * Who comes, in numbers only: confirmed participants by sector and by region, and what a source reported
 * ("about 35 participants from government, science and business") shown as reported, beside the counts.
 */
export function AttendanceCounts({ event }: { event: Event }) {
  const { t } = useI18n();
  const names = useReferenceNames();
  const data = useAttendance(event.slug).data;
  const reported =
    data?.reported ??
    (event.reportedAttendance
      ? { count: event.reportedAttendance, approximate: event.reportedAttendanceApproximate, sectors: event.reportedSectors }
      : null);
  // before anyone is confirmed (and with nothing reported) there is nothing to say: no heading alone
  if (!reported && !(data && data.confirmed > 0)) return null;
  const sectorList = (sectors: string[]) => sectors.map((s) => t(`events.sectors.${s}`)).join(', ');
  return (
    <section className="attendance stack" aria-labelledby="attendance-title">
      <h2 id="attendance-title">{t('events.attendance.title')}</h2>
      {reported && (
        <p className="reported">
          {t(reported.approximate ? 'events.attendance.reportedAbout' : 'events.attendance.reported', {
            count: reported.count,
            sectors: sectorList(reported.sectors),
          })}
        </p>
      )}
      {data && data.confirmed > 0 && (
        <>
          <p>
            {t('events.attendance.confirmed', { count: data.confirmed })}
            {data.checkedIn > 0 && ` · ${t('events.attendance.checkedIn', { count: data.checkedIn })}`}
          </p>
          <dl className="counts">
            {SECTORS.filter((s) => data.bySector[s] > 0).map((s) => (
              <div key={s}>
                <dt>{t(`events.sectors.${s}`)}</dt>
                <dd>{data.bySector[s]}</dd>
              </div>
            ))}
          </dl>
          {data.byRegion.length > 0 && (
            <dl className="counts">
              {data.byRegion.map((r) => (
                <div key={r.regionCode}>
                  <dt>{names.region(r.regionCode)}</dt>
                  <dd>{r.count}</dd>
                </div>
              ))}
            </dl>
          )}
        </>
      )}
    </section>
  );
}
