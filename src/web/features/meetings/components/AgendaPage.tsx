import '../meetings.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import type { AgendaItem } from '../api/contracts';
import { agendaIcsPath, agendaPdfPath, useAgenda } from '../api/meetings';
import { readerTimeZone, sameClock, timeRange } from '../hooks/event-time';
import { MeetingOutcomeForm } from './MeetingOutcomeForm';

/** The subscription address in both forms calendars take: webcal:// (opens the calendar app) and https://. */
function feedAddresses(feedUrl: string): { webcal: string; https: string } {
  const absolute = new URL(feedUrl, window.location.origin).toString();
  return { https: absolute, webcal: absolute.replace(/^https?:\/\//, 'webcal://') };
}

/**
 * My agenda at an event: my meetings (table, counterpart) and the programme in time order, in the event's
 * time zone and mine; the iCalendar file, the subscription address, the printable PDF; after a meeting has
 * started, what came of it.
 */
export function AgendaPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const agenda = useAgenda(slug, lang);
  useTitle(t('meetings.agenda.title'));
  if (!agenda.data) return <Status state={agenda} />;
  const { timeZone, items, feedUrl, scheduleState } = agenda.data;
  const feed = feedAddresses(feedUrl);
  return (
    <div className="agenda-page stack">
      <p>
        <Link to={`/events/${encodeURIComponent(slug)}`}>{t('meetings.page.event')}</Link> ·{' '}
        <Link to={`/events/${encodeURIComponent(slug)}/meetings`}>{t('meetings.page.title')}</Link>
      </p>
      <h1>{t('meetings.agenda.title')}</h1>
      <div className="row agenda-downloads">
        <a className="button" href={agendaIcsPath(slug, lang)} download>
          {t('meetings.agenda.ics')}
        </a>
        <a className="button secondary" href={agendaPdfPath(slug, lang)} download>
          {t('meetings.agenda.pdf')}
        </a>
      </div>
      <section aria-labelledby="agenda-feed" className="agenda-feed">
        <h2 id="agenda-feed">{t('meetings.agenda.subscribe')}</h2>
        <p className="muted">{t('meetings.agenda.subscribeHint')}</p>
        <CopyField id="agenda-webcal" label={t('meetings.agenda.webcal')} value={feed.webcal} />
        <CopyField id="agenda-https" label={t('meetings.agenda.https')} value={feed.https} />
      </section>
      <p className="muted">{t('meetings.agenda.zone', { zone: timeZone })}</p>
      {scheduleState !== undefined && scheduleState !== 'final' && <p className="notice">{t('meetings.agenda.notFinal')}</p>}
      {items.length === 0 && <p>{t('meetings.agenda.empty')}</p>}
      <ol className="agenda-items">
        {items.map((item, i) => (
          <AgendaEntry key={`${item.kind}-${item.id}-${i}`} item={item} timeZone={timeZone} onChanged={agenda.reload} />
        ))}
      </ol>
    </div>
  );
}

function AgendaEntry({ item, timeZone, onChanged }: { item: AgendaItem; timeZone: string; onChanged(): void }) {
  const { t, lang } = useI18n();
  const mine = readerTimeZone();
  const started = Date.parse(item.startsAt) <= Date.now();
  return (
    <li className={`card agenda-item agenda-${item.kind}`}>
      <p className="agenda-time">
        <time dateTime={item.startsAt}>{timeRange(lang, item.startsAt, item.endsAt, timeZone)}</time>
        {!sameClock(item.startsAt, timeZone, mine) && (
          <span className="muted"> ({t('meetings.agenda.yourTime', { time: timeRange(lang, item.startsAt, item.endsAt, mine) })})</span>
        )}
      </p>
      <h2 className="card-title">
        {item.kind === 'meeting' && item.counterpart ? t('meetings.agenda.meetingWith', { name: item.counterpart.name }) : item.title}
      </h2>
      <p className="meta">
        {item.kind === 'meeting' && item.tableNumber != null && (
          <span className="badge">{t('meetings.agenda.table', { table: item.tableNumber })}</span>
        )}
        {item.counterpart?.organisationName && <span>{item.counterpart.organisationName}</span>}
        {item.room && <span>{t('meetings.agenda.room', { room: item.room })}</span>}
        {item.status && item.kind === 'meeting' && (
          <span className={`badge meeting-${item.status}`}>{t(`meetings.meetingStatus.${item.status}`)}</span>
        )}
      </p>
      {item.kind === 'meeting' && started && item.status !== 'cancelled' && <MeetingOutcomeForm meetingId={item.id} onSaved={onChanged} />}
    </li>
  );
}

/** An address to copy into a calendar: shown whole (selectable), and a button that copies it. */
function CopyField({ id, label, value }: { id: string; label: string; value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = () => {
    navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="field copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="row">
        <input id={id} readOnly value={value} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="secondary" onClick={copy}>
          {t('meetings.agenda.copy')}
        </button>
      </div>
      {copied && (
        <p role="status" className="success">
          {t('meetings.agenda.copied')}
        </p>
      )}
    </div>
  );
}
