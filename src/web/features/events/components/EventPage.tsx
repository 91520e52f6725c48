import '../events.css';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { useTitle } from '../../../shared/ui/useTitle';
import { useDelegations, useEvent, useSessions } from '../api/events';
import type { Event } from '../api/contracts';
import { AttendanceCounts } from './AttendanceCounts';
import { DelegationView } from './DelegationsView';
import { EventDocuments } from './EventDocuments';
import { eventPath, EventStatusBadge, EventWhen, KindBadge, Named } from './event-words';
import { ProgrammeByDay } from './ProgrammeView';
import { RegistrationPanel } from './RegistrationPanel';

/** An event as an attendee reads it: when (in both zones), where, who organises, the programme, delegations, documents, who comes; registration. */
export function EventPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const text = useMlString();
  const state = useEvent(slug);
  const event = state.data;
  useTitle(event ? text(event.title) : t('events.title'));
  if (!event) return <Status state={state} />;
  return (
    <article className="event-page stack">
      <p>
        <Link to="/events">← {t('events.title')}</Link>
      </p>
      <p className="meta">
        <KindBadge kind={event.kind} />
        <EventStatusBadge status={event.status} />
      </p>
      <h1>
        <MlText value={event.title} />
      </h1>
      {event.status === 'cancelled' && (
        <p className="notice" role="status">
          {t('events.page.cancelled')} {event.cancelledReason}
        </p>
      )}
      <EventFacts event={event} />
      <EventLinks event={event} />
      {event.description && <MlText as="div" className="event-description" value={event.description} />}
      <RegistrationPanel event={event} onChanged={state.reload} />
      <Programme event={event} />
      <Delegations event={event} />
      <AttendanceCounts event={event} />
      <EventDocuments event={event} />
    </article>
  );
}

function EventFacts({ event }: { event: Event }) {
  const { t } = useI18n();
  const names = useReferenceNames();
  const venue = event.venue.organisation ? (
    <Link to={`/organisations/${encodeURIComponent(event.venue.organisation.slug)}`}>
      <MlText value={event.venue.organisation.name} />
    </Link>
  ) : (
    <Named value={event.venue.name ?? event.venueLabel} />
  );
  return (
    <dl className="event-facts">
      <div>
        <dt>{t('events.page.when')}</dt>
        <dd>
          <EventWhen event={event} />
        </dd>
      </div>
      {(event.venue.organisation || event.venue.name || event.venueLabel) && (
        <div>
          <dt>{t('events.page.where')}</dt>
          <dd>
            {venue}
            {event.venue.address && <span className="venue-address">, {event.venue.address}</span>}
            {' · '}
            {names.region(event.regionCode)}
          </dd>
        </div>
      )}
      {event.organisers.length > 0 && (
        <div>
          <dt>{t('events.page.organisers')}</dt>
          <dd>
            <ul className="inline-list">
              {event.organisers.map((o) => (
                <li key={o.organisation.slug}>
                  <Link to={`/organisations/${encodeURIComponent(o.organisation.slug)}`}>
                    <MlText value={o.organisation.name} />
                  </Link>{' '}
                  {o.role !== 'organiser' && <span className="muted">({t(`events.organiserRoles.${o.role}`)})</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {event.languages.length > 0 && (
        <div>
          <dt>{t('events.fields.languages')}</dt>
          <dd>{event.languages.map((l) => t(`language.names.${l}`)).join(', ')}</dd>
        </div>
      )}
    </dl>
  );
}

/** Where an attendee and an organiser go on from the page: meetings, my agenda; the editor, attendees, check-in, the schedule. */
function EventLinks({ event }: { event: Event }) {
  const { t } = useI18n();
  const base = eventPath(event.slug);
  return (
    <nav className="row event-links" aria-label={t('events.page.links')}>
      {event.meetingsEnabled && <Link to={`${base}/meetings`}>{t('events.page.meetings')}</Link>}
      {event.meetingsEnabled && <Link to={`${base}/agenda`}>{t('events.page.agenda')}</Link>}
      {event.can.edit && (
        <Link className="button" to={`${base}/edit`}>
          {t('events.page.edit')}
        </Link>
      )}
      {event.can.manage && <Link to={`${base}/attendees`}>{t('events.attendees.title')}</Link>}
      {event.can.manage && <Link to={`${base}/check-in`}>{t('events.checkIn.title')}</Link>}
      {event.can.runSchedule && event.meetingsEnabled && <Link to={`${base}/schedule`}>{t('events.page.schedule')}</Link>}
    </nav>
  );
}

function Programme({ event }: { event: Event }) {
  const { t } = useI18n();
  const sessions = useSessions(event.slug).data?.items ?? [];
  if (sessions.length === 0) return null;
  return (
    <section className="programme" aria-labelledby="programme-title">
      <h2 id="programme-title">{t('events.programme.title')}</h2>
      <ProgrammeByDay sessions={sessions} zone={event.timeZone} />
    </section>
  );
}

function Delegations({ event }: { event: Event }) {
  const { t } = useI18n();
  const delegations = useDelegations(event.slug).data?.items ?? [];
  if (delegations.length === 0) return null;
  return (
    <section className="delegations" aria-labelledby="delegations-title">
      <h2 id="delegations-title">{t('events.delegations.title')}</h2>
      <ul className="cards">
        {delegations.map((d) => (
          <li key={d.id} className="card">
            <DelegationView delegation={d} zone={event.timeZone} />
          </li>
        ))}
      </ul>
    </section>
  );
}
