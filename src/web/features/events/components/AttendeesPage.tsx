import '../events.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { REGISTRATION_STATUSES } from '../../../../shared/events';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { MlText } from '../../../shared/ui/MlText';
import { SearchBox } from '../../../shared/ui/SearchBox';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { badgesPdf, decideRegistration, useEvent, useParticipationTypes, useRegistrations } from '../api/events';
import type { Event, Registration } from '../api/contracts';
import { AddAttendeeForm } from './AddAttendeeForm';
import { AttendanceCounts } from './AttendanceCounts';
import { eventPath, Named, RegistrationStatusBadge } from './event-words';
import { TypeLine } from './ParticipationTypesEditor';

/** The organisers' list of attendees: by status and name, approve or decline, add someone, counts, badges. */
export function AttendeesPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const event = useEvent(slug);
  useTitle(t('events.attendees.title'));
  if (!event.data) return <Status state={event} />;
  if (!event.data.can.manage) return <p className="notice">{t('events.attendees.notOrganiser')}</p>;
  return <Attendees event={event.data} />;
}

function Attendees({ event }: { event: Event }) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [q, setQ] = useState('');
  const list = useRegistrations(event.slug, { status: status || undefined, q: q || undefined });
  const types = useParticipationTypes(event.slug);
  const action = useAction();
  const decide = (r: Registration, how: 'approve' | 'decline') =>
    action.run(
      () => decideRegistration(r, how),
      () => {
        list.reload();
        types.reload();
      },
    );
  return (
    <div className="stack attendees-page">
      <p>
        <Link to={eventPath(event.slug)}>
          ← <MlText value={event.title} />
        </Link>
      </p>
      <h1>{t('events.attendees.title')}</h1>
      <p className="row">
        <a className="button" href={badgesPdf(event.slug)}>
          {t('events.attendees.allBadges')}
        </a>
        <Link to={`${eventPath(event.slug)}/check-in`}>{t('events.checkIn.title')}</Link>
      </p>
      <ul className="cards type-counts">
        {(types.data?.items ?? []).map((p) => (
          <li key={p.id} className="card">
            <TypeLine type={p} />
          </li>
        ))}
      </ul>
      <SearchBox id="attendees-q" label={t('events.attendees.search')} value={q} maxLength={200} onSearch={setQ} />
      <div className="field">
        <label htmlFor="attendees-status">{t('events.attendees.status')}</label>
        <select id="attendees-status" value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">{t('events.attendees.anyStatus')}</option>
          {REGISTRATION_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`events.registrationStatuses.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <Status state={list} />
      {list.data && <p role="status">{t('events.attendees.count', { count: list.data.total })}</p>}
      <ul className="cards attendee-list">
        {(list.data?.items ?? []).map((r) => (
          <li key={r.id} className="card attendee">
            <h2 className="card-title">{r.name}</h2>
            <p className="meta">
              {[r.organisation ? null : r.organisationName, r.jobTitle].filter(Boolean).join(', ')}
              {r.organisation && <Named value={r.organisation.name} />}
            </p>
            <p className="meta">
              <Named value={r.participationType.name} /> <RegistrationStatusBadge status={r.status} position={r.waitlistPosition} />
              {r.checkedInAt && <span className="badge checked-in">{t('events.checkIn.checkedIn')}</span>}
            </p>
            <div className="row">
              {r.status === 'pending' && (
                <>
                  <button type="button" onClick={() => decide(r, 'approve')}>
                    {t('events.attendees.approve')}
                  </button>
                  <button type="button" className="secondary" onClick={() => decide(r, 'decline')}>
                    {t('events.attendees.decline')}
                  </button>
                </>
              )}
              {r.status === 'confirmed' && <a href={badgesPdf(event.slug, r.id)}>{t('events.attendees.badge', { name: r.name })}</a>}
            </div>
          </li>
        ))}
      </ul>
      {action.error && (
        <p role="alert" className="error">
          {action.error}
        </p>
      )}
      <AddAttendeeForm
        event={event}
        types={types.data?.items ?? []}
        onAdded={() => {
          list.reload();
          types.reload();
        }}
      />
      <AttendanceCounts event={event} />
    </div>
  );
}
