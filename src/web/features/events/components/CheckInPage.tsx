import '../events.css';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useErrorText } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { checkIn, checkInBadge, useCheckInSearch, useEvent } from '../api/events';
import type { Event, Registration } from '../api/contracts';
import { eventPath, Named } from './event-words';

/**
 * Check-in at the door, on a phone: find a person by name and check them in with a big button; a badge's
 * QR code opens this page with `?badge=`, which checks that badge in at once and says who it is.
 */
export function CheckInPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const event = useEvent(slug);
  useTitle(t('events.checkIn.title'));
  if (!event.data) return <Status state={event} />;
  if (!event.data.can.manage) return <p className="notice">{t('events.attendees.notOrganiser')}</p>;
  return <CheckIn event={event.data} />;
}

function CheckIn({ event }: { event: Event }) {
  const { t, lang } = useI18n();
  const errorText = useErrorText();
  const [params, setParams] = useSearchParams();
  const badge = params.get('badge');
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const found = useCheckInSearch(event.slug, q);
  const [last, setLast] = useState<{ registration: Registration; fromBadge: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const badgeDone = useRef<string | null>(null);
  useEffect(() => {
    // the badge is checked in once, even when the page is drawn again
    if (!badge || badgeDone.current === badge) return;
    badgeDone.current = badge;
    setError(null);
    checkInBadge(event.slug, badge).then(
      (registration) => {
        setLast({ registration, fromBadge: true });
        setParams({}, { replace: true });
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [badge, event.slug, errorText, setParams]);
  useEffect(() => {
    const timer = setTimeout(() => setQ(typed.trim()), 250);
    return () => clearTimeout(timer);
  }, [typed]);
  const checkOne = (r: Registration) => {
    setError(null);
    checkIn(r.id).then(
      (registration) => {
        setLast({ registration, fromBadge: false });
        found.reload();
      },
      (e: unknown) => setError(errorText(e)),
    );
  };
  return (
    <div className="stack check-in-page">
      <p>
        <Link to={eventPath(event.slug)}>
          ← <MlText value={event.title} />
        </Link>
      </p>
      <h1>{t('events.checkIn.title')}</h1>
      {last && (
        <p role="status" className="success check-in-done">
          {t('events.checkIn.done', { name: last.registration.name })} <Named value={last.registration.participationType.name} />
          {last.registration.checkedInAt &&
            ` · ${new Date(last.registration.checkedInAt).toLocaleTimeString(lang, { timeStyle: 'short' })}`}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="field big-field">
        <label htmlFor="check-in-q">{t('events.checkIn.search')}</label>
        <input id="check-in-q" type="search" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
      </div>
      <Status state={found} />
      <ul className="check-in-list">
        {(found.data?.items ?? []).map((r) => (
          <li key={r.id} className="card check-in-person">
            <div>
              <strong className="person-name">{r.name}</strong>
              <span className="meta">
                {' '}
                {r.organisation ? <Named value={r.organisation.name} /> : r.organisationName} · <Named value={r.participationType.name} />
              </span>
            </div>
            {r.checkedInAt ? (
              <span className="badge checked-in">
                {t('events.checkIn.checkedInAt', { time: new Date(r.checkedInAt).toLocaleTimeString(lang, { timeStyle: 'short' }) })}
              </span>
            ) : (
              <button
                type="button"
                className="big"
                aria-label={t('events.checkIn.checkInName', { name: r.name })}
                onClick={() => checkOne(r)}
              >
                {t('events.checkIn.checkIn')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {found.data && found.data.items.length === 0 && <p className="muted">{t('events.checkIn.none')}</p>}
    </div>
  );
}
