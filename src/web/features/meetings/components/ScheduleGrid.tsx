import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { MeetingSlot, ScheduledMeeting } from '../api/contracts';
import { dayOf, hours } from '../hooks/event-time';

/**
 * Every slot × table of the event with each meeting's two names: a row per slot (under its day), a column
 * per table. On a phone the grid scrolls sideways inside its own frame; the page never does.
 */
export function ScheduleGrid({
  slots,
  meetings,
  timeZone,
  onMove,
  onPin,
}: {
  slots: MeetingSlot[];
  meetings: ScheduledMeeting[];
  timeZone: string;
  onMove(meeting: ScheduledMeeting): void;
  onPin(meeting: ScheduledMeeting, pinned: boolean): void;
}) {
  const { t, lang } = useI18n();
  const sorted = [...slots].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const tables = Math.max(0, ...sorted.map((s) => s.tableCount));
  const at = new Map(meetings.filter((m) => m.status !== 'cancelled').map((m) => [`${m.slotId}/${m.tableNumber}`, m]));
  let lastDay = '';
  if (sorted.length === 0) return <p>{t('meetings.grid.none')}</p>;
  return (
    <div className="schedule-grid-wrap" role="region" aria-label={t('meetings.schedule.grid')} tabIndex={0}>
      <table className="table schedule-grid">
        <thead>
          <tr>
            <th scope="col">{t('meetings.schedule.slot')}</th>
            {Array.from({ length: tables }, (_, i) => (
              <th key={i} scope="col">
                {t('meetings.agenda.table', { table: i + 1 })}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sorted.flatMap((s) => {
            const day = dayOf(lang, s.startsAt, timeZone);
            const rows = [];
            if (day.key !== lastDay) {
              lastDay = day.key;
              rows.push(
                <tr key={`day-${day.key}`} className="grid-day">
                  <th scope="colgroup" colSpan={tables + 1}>
                    {day.label}
                  </th>
                </tr>,
              );
            }
            rows.push(
              <tr key={s.id}>
                <th scope="row" className="grid-slot">
                  {hours(lang, s.startsAt, s.endsAt, timeZone)}
                </th>
                {Array.from({ length: tables }, (_, i) => {
                  const table = i + 1;
                  if (table > s.tableCount) return <td key={table} className="grid-closed" aria-label={t('meetings.schedule.noTable')} />;
                  const m = at.get(`${s.id}/${table}`);
                  if (!m) return <td key={table} className="grid-free" />;
                  return (
                    <td key={table} className={`grid-meeting meeting-${m.status}${m.pinned ? ' pinned' : ''}`}>
                      <span className="grid-names">
                        <span>{m.a.name}</span>
                        <span>{m.b.name}</span>
                      </span>
                      {m.pinned && <span className="badge">{t('meetings.schedule.pinned')}</span>}
                      <span className="grid-actions">
                        <button type="button" className="link-button" onClick={() => onMove(m)}>
                          {t('meetings.schedule.move')}
                          <span className="visually-hidden"> {t('meetings.schedule.meetingOf', { a: m.a.name, b: m.b.name })}</span>
                        </button>
                        <button type="button" className="link-button" onClick={() => onPin(m, !m.pinned)}>
                          {t(m.pinned ? 'meetings.schedule.unpin' : 'meetings.schedule.pin')}
                          <span className="visually-hidden"> {t('meetings.schedule.meetingOf', { a: m.a.name, b: m.b.name })}</span>
                        </button>
                      </span>
                    </td>
                  );
                })}
              </tr>,
            );
            return rows;
          })}
        </tbody>
      </table>
    </div>
  );
}
