import '../meetings.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import type { ScheduledMeeting, UnscheduledRequest } from '../api/contracts';
import {
  moveMeeting,
  pinMeeting,
  placeRequest,
  publishSchedule,
  runScheduler,
  schedulePdfPath,
  useMeetingEvent,
  useMeetingStats,
  useSchedule,
} from '../api/meetings';
import { wallClock } from '../hooks/event-time';
import { GridEditor } from './GridEditor';
import { MeetingStatsPanel } from './MeetingStatsPanel';
import { PlaceForm, useConflictText } from './PlaceForm';
import { RunFigures } from './RunPanel';
import { ScheduleGrid } from './ScheduleGrid';
import { SettingsForm } from './SettingsForm';

type Placing = { kind: 'move'; meeting: ScheduledMeeting } | { kind: 'place'; request: UnscheduledRequest };

/**
 * The organisers' schedule of one-to-one meetings: the rules and the grid, the scheduler's runs with the
 * gap it reports, every slot × table, moving, pinning and placing by hand, and publishing the final schedule.
 */
export function SchedulePage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const text = useMlString();
  const event = useMeetingEvent(slug);
  const schedule = useSchedule(slug);
  const stats = useMeetingStats(slug);
  const { error, run } = useAction();
  const conflictText = useConflictText();
  const [busy, setBusy] = useState(false);
  const [placing, setPlacing] = useState<Placing | null>(null);
  const [placeError, setPlaceError] = useState<string | null>(null);
  useTitle(event.data ? `${t('meetings.schedule.title')} · ${text(event.data.title)}` : t('meetings.schedule.title'));
  if (!event.data) return <Status state={event} />;
  const e = event.data;
  const reload = () => {
    schedule.reload();
    event.reload();
    stats.reload();
  };
  const act = (work: () => Promise<unknown>) => {
    setBusy(true);
    run(() => work().finally(() => setBusy(false)), reload);
  };
  const place = async (slotId: string, tableNumber: number) => {
    if (!placing) return;
    setBusy(true);
    setPlaceError(null);
    try {
      if (placing.kind === 'move') await moveMeeting(placing.meeting, slotId, tableNumber);
      else await placeRequest(placing.request.requestId, slotId, tableNumber);
      setPlacing(null);
      reload();
    } catch (err) {
      setPlaceError(conflictText(err, tableNumber));
    } finally {
      setBusy(false);
    }
  };
  const s = schedule.data;
  const state = s?.scheduleState ?? e.scheduleState;
  const slots = s?.slots ?? [];
  return (
    <div className="schedule-page stack">
      <p>
        <Link to={`/events/${encodeURIComponent(slug)}`}>
          <MlText value={e.title} />
        </Link>
      </p>
      <h1>{t('meetings.schedule.title')}</h1>
      <p>
        <span className={`badge schedule-${state}`}>{t(`meetings.scheduleState.${state}`)}</span>
      </p>
      <section aria-labelledby="schedule-settings">
        <h2 id="schedule-settings">{t('meetings.settings.title')}</h2>
        <SettingsForm event={e} onSaved={reload} />
      </section>
      <section aria-labelledby="schedule-grid-editor">
        <h2 id="schedule-grid-editor">{t('meetings.grid.title')}</h2>
        <GridEditor
          slug={slug}
          slots={slots}
          timeZone={e.timeZone}
          defaultDate={e.startsAt ? wallClock(e.startsAt, e.timeZone).date : ''}
          onSaved={reload}
        />
      </section>
      <section aria-labelledby="schedule-run">
        <h2 id="schedule-run">{t('meetings.schedule.run')}</h2>
        <Status state={schedule} />
        {s?.lastRun ? <RunFigures run={s.lastRun} /> : <p className="muted">{t('meetings.schedule.noRun')}</p>}
        <div className="row">
          {state !== 'final' && (
            <button type="button" disabled={busy} onClick={() => act(() => runScheduler(slug, 'preliminary'))}>
              {t('meetings.schedule.runPreliminary')}
            </button>
          )}
          {state === 'preliminary' && (
            <button type="button" disabled={busy} onClick={() => act(() => publishSchedule(slug))}>
              {t('meetings.schedule.publish')}
            </button>
          )}
          {state !== 'final' && (
            <button type="button" className="secondary" disabled={busy} onClick={() => act(() => runScheduler(slug, 'final'))}>
              {t('meetings.schedule.runFinal')}
            </button>
          )}
          {state === 'final' && (
            <button type="button" className="secondary" disabled={busy} onClick={() => act(() => runScheduler(slug, 'late_requests'))}>
              {t('meetings.schedule.runLate')}
            </button>
          )}
          <a className="button secondary" href={schedulePdfPath(slug, lang)} download>
            {t('meetings.schedule.pdf')}
          </a>
        </div>
        {busy && <p role="status">{t('meetings.schedule.working')}</p>}
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
      </section>
      <section aria-labelledby="schedule-grid" className="schedule-grid-section">
        <h2 id="schedule-grid">{t('meetings.schedule.grid')}</h2>
        {placing && (
          <PlaceForm
            key={placing.kind === 'move' ? placing.meeting.id : placing.request.requestId}
            title={t(placing.kind === 'move' ? 'meetings.schedule.moveTitle' : 'meetings.schedule.placeTitle')}
            a={placing.kind === 'move' ? placing.meeting.a : placing.request.a}
            b={placing.kind === 'move' ? placing.meeting.b : placing.request.b}
            slots={slots}
            timeZone={e.timeZone}
            initial={placing.kind === 'move' ? { slotId: placing.meeting.slotId, tableNumber: placing.meeting.tableNumber } : undefined}
            busy={busy}
            error={placeError}
            onPlace={(slotId, table) => void place(slotId, table)}
            onClose={() => {
              setPlacing(null);
              setPlaceError(null);
            }}
          />
        )}
        {s && (
          <ScheduleGrid
            slots={slots}
            meetings={s.meetings}
            timeZone={e.timeZone}
            onMove={(meeting) => {
              setPlaceError(null);
              setPlacing({ kind: 'move', meeting });
            }}
            onPin={(meeting, pinned) => act(() => pinMeeting(meeting, pinned))}
          />
        )}
      </section>
      <section aria-labelledby="schedule-unscheduled">
        <h2 id="schedule-unscheduled">{t('meetings.schedule.unscheduled', { count: s?.unscheduled.length ?? 0 })}</h2>
        {s && s.unscheduled.length === 0 && <p className="muted">{t('meetings.schedule.allPlaced')}</p>}
        <ul className="cards">
          {(s?.unscheduled ?? []).map((u) => (
            <li key={u.requestId} className="card unscheduled-request">
              <p>{t('meetings.schedule.meetingOf', { a: u.a.name, b: u.b.name })}</p>
              <p className="muted">{t('meetings.schedule.weight', { weight: u.weight })}</p>
              <button
                type="button"
                className="secondary"
                onClick={() => {
                  setPlaceError(null);
                  setPlacing({ kind: 'place', request: u });
                }}
              >
                {t('meetings.schedule.placeTitle')}
                <span className="visually-hidden"> {t('meetings.schedule.meetingOf', { a: u.a.name, b: u.b.name })}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <MeetingStatsPanel stats={stats} />
    </div>
  );
}
