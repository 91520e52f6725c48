import '../meetings.css';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { MlText, useMlString } from '../../../shared/ui/MlText';
import { Pagination } from '../../../shared/ui/Pagination';
import { SearchBox } from '../../../shared/ui/SearchBox';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import {
  useMeetingEvent,
  useMeetingParticipants,
  useMeetingSlots,
  useMeetingStats,
  useMyMeetings,
  useMyRegistration,
  useMyRequests,
  useSuggestions,
} from '../api/meetings';
import { MeetingStatsPanel } from './MeetingStatsPanel';
import { ParticipantCard } from './ParticipantCard';
import { ProfileForm } from './ProfileForm';
import { RequestItem } from './RequestItem';

/**
 * A confirmed participant's one-to-one meetings at an event: taking part and what I bring, the times I am
 * away, people suggested to me and everyone else, the requests I sent and received, and the event's figures.
 */
export function MeetingsPage() {
  const { slug = '' } = useParams();
  const { t, lang } = useI18n();
  const text = useMlString();
  const event = useMeetingEvent(slug);
  const registration = useMyRegistration(slug);
  const confirmed = registration.data?.status === 'confirmed';
  const mine = useMyMeetings(slug, confirmed);
  const slots = useMeetingSlots(slug);
  const enabled = confirmed && mine.data?.meetingsEnabled === true;
  const requests = useMyRequests(slug, confirmed);
  const suggestions = useSuggestions(slug, enabled);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const people = useMeetingParticipants(slug, q, page, enabled);
  const stats = useMeetingStats(slug);
  useTitle(event.data ? `${t('meetings.page.title')} · ${text(event.data.title)}` : t('meetings.page.title'));
  if (!event.data) return <Status state={event} />;
  const timeZone = event.data.timeZone;
  const refresh = () => {
    requests.reload();
    people.reload();
    suggestions.reload();
    stats.reload();
  };
  const canRequest = enabled && event.data.can.requestMeetings !== false;
  const total = people.data?.total;
  return (
    <div className="meetings-page stack">
      <p>
        <Link to={`/events/${encodeURIComponent(slug)}`}>
          <MlText value={event.data.title} />
        </Link>
      </p>
      <h1>{t('meetings.page.title')}</h1>
      <nav className="row" aria-label={t('meetings.page.links')}>
        <Link to={`/events/${encodeURIComponent(slug)}/agenda`}>{t('meetings.agenda.title')}</Link>
        {event.data.can.runSchedule && <Link to={`/events/${encodeURIComponent(slug)}/schedule`}>{t('meetings.schedule.title')}</Link>}
      </nav>
      {event.data.meetingRequestsCloseAt && (
        <p className="muted">
          {t('meetings.page.closes', {
            when: new Date(event.data.meetingRequestsCloseAt).toLocaleString(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
          })}
        </p>
      )}
      {registration.status === 'error' && <p className="notice">{t('meetings.page.notRegistered')}</p>}
      {registration.data && !confirmed && <p className="notice">{t('meetings.page.notConfirmed')}</p>}
      {confirmed && mine.data && (
        <section aria-labelledby="meeting-profile">
          <h2 id="meeting-profile">{t('meetings.profile.title')}</h2>
          <ProfileForm
            slug={slug}
            mine={mine.data}
            slots={slots.data?.items ?? []}
            timeZone={timeZone}
            onSaved={() => {
              mine.reload();
              refresh();
            }}
          />
        </section>
      )}
      {confirmed && <Status state={mine} />}
      {enabled && (
        <section aria-labelledby="meeting-suggestions">
          <h2 id="meeting-suggestions">{t('meetings.suggestions.title')}</h2>
          <Status state={suggestions} />
          {suggestions.data && suggestions.data.items.length === 0 && <p className="muted">{t('meetings.suggestions.none')}</p>}
          <ul className="cards">
            {(suggestions.data?.items ?? []).map((p) => (
              <ParticipantCard key={p.registrationId} slug={slug} person={p} reasons={p.reasons} canRequest={canRequest} onSent={refresh} />
            ))}
          </ul>
        </section>
      )}
      {enabled && (
        <section aria-labelledby="meeting-people">
          <h2 id="meeting-people">{t('meetings.people.title')}</h2>
          <SearchBox
            id="meeting-people-q"
            label={t('meetings.people.search')}
            value={q}
            maxLength={200}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
          />
          <Status state={people} />
          {people.data && people.data.items.length === 0 && <p className="muted">{t('meetings.people.none')}</p>}
          <ul className="cards">
            {(people.data?.items ?? []).map((p) => (
              <ParticipantCard key={p.registrationId} slug={slug} person={p} canRequest={canRequest} onSent={refresh} />
            ))}
          </ul>
          {total !== undefined && <Pagination page={page} pageCount={Math.ceil(total / (people.data?.pageSize ?? 20))} onPage={setPage} />}
        </section>
      )}
      {confirmed && (
        <section aria-labelledby="meeting-received">
          <h2 id="meeting-received">{t('meetings.requests.received')}</h2>
          <Status state={requests} />
          {requests.data && requests.data.received.length === 0 && <p className="muted">{t('meetings.requests.none')}</p>}
          <ul className="cards">
            {(requests.data?.received ?? []).map((r) => (
              <RequestItem key={r.id} request={r} side="received" onChanged={refresh} />
            ))}
          </ul>
          <h2 id="meeting-sent">{t('meetings.requests.sent')}</h2>
          {requests.data && requests.data.sent.length === 0 && <p className="muted">{t('meetings.requests.none')}</p>}
          <ul className="cards" aria-labelledby="meeting-sent">
            {(requests.data?.sent ?? []).map((r) => (
              <RequestItem key={r.id} request={r} side="sent" onChanged={refresh} />
            ))}
          </ul>
        </section>
      )}
      <MeetingStatsPanel stats={stats} />
    </div>
  );
}
