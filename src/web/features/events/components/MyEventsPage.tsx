import '../events.css';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useMyRegistrations } from '../api/events';
import { EventCard, type CardEvent } from './EventCard';
import { Named, RegistrationStatusBadge } from './event-words';

/** The events I registered to, each with how I take part and where my registration stands. */
export function MyEventsPage() {
  const { t } = useI18n();
  const list = useMyRegistrations();
  useTitle(t('events.myEvents.title'));
  return (
    <>
      <p>
        <Link to="/events">← {t('events.title')}</Link>
      </p>
      <h1>{t('events.myEvents.title')}</h1>
      <Status state={list} />
      {list.data && list.data.items.length === 0 && <p>{t('events.myEvents.none')}</p>}
      <ul className="cards event-list">
        {(list.data?.items ?? []).map((r) => (
          <EventCard key={r.id} event={r.event as CardEvent}>
            <p>
              <Named value={r.participationType.name} /> <RegistrationStatusBadge status={r.status} position={r.waitlistPosition} />
            </p>
          </EventCard>
        ))}
      </ul>
    </>
  );
}
