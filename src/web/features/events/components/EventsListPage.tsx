import '../events.css';
import { Link } from 'react-router';
import { EVENT_KINDS } from '../../../../shared/events';
import { useApi } from '../../../shared/api/useApi';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { Pagination } from '../../../shared/ui/Pagination';
import { REGION_CHOICES_SHOWN, useRegionGroups } from '../../../shared/ui/region-choices';
import { SearchBox } from '../../../shared/ui/SearchBox';
import { Status } from '../../../shared/ui/Status';
import { TypeaheadSelect } from '../../../shared/ui/Typeahead';
import { useTitle } from '../../../shared/ui/useTitle';
import { useEvents } from '../api/events';
import { useEventQuery } from '../hooks/useEventQuery';
import { EventCard } from './EventCard';

const PAGE_SIZE = 20;

/** The events: upcoming first, filtered by kind, region, period and words; "New event" for members who may create one. */
export function EventsListPage() {
  const { t } = useI18n();
  const { session } = useSession();
  const { query, update } = useEventQuery();
  const result = useEvents(query, PAGE_SIZE);
  const regions = useRegionGroups();
  const mine = useApi<{ items: { myRole: string }[] }>(session?.user ? '/me/organisations' : null).data?.items ?? [];
  const mayCreate = mine.some((o) => o.myRole === 'org_admin' || o.myRole === 'org_editor');
  useTitle(t('events.title'));
  const data = result.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <h1>{t('events.title')}</h1>
      <p className="lead">{t('events.lead')}</p>
      {session?.user && (
        <p className="row">
          {mayCreate && (
            <Link className="button" to="/events/new">
              {t('events.newEvent')}
            </Link>
          )}
          <Link to="/my/events">{t('events.myEvents.title')}</Link>
          {mayCreate && (
            <Link to={query.mine ? '/events' : '/events?mine=true'}>{query.mine ? t('events.allEvents') : t('events.iOrganise')}</Link>
          )}
        </p>
      )}
      <SearchBox
        id="events-q"
        label={t('events.search')}
        value={query.q ?? ''}
        maxLength={200}
        onSearch={(q) => update({ q: q || undefined })}
      />
      <fieldset className="filters event-filters">
        <legend>{t('events.filters')}</legend>
        <div className="row">
          <div className="field">
            <label htmlFor="events-kind">{t('events.fields.kind')}</label>
            <select
              id="events-kind"
              value={query.kind?.[0] ?? ''}
              onChange={(e) => update({ kind: e.target.value ? [e.target.value] : undefined })}
            >
              <option value="">{t('events.anyKind')}</option>
              {EVENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`events.kinds.${k}`)}
                </option>
              ))}
            </select>
          </div>
          <TypeaheadSelect
            id="events-region"
            className="field region-field"
            label={t('events.fields.regionCode')}
            data={regions.groups}
            searchText={regions.searchText}
            limit={REGION_CHOICES_SHOWN}
            value={query.region?.[0] ?? null}
            onChange={(code) => update({ region: code ? [code] : undefined })}
            clearable
          />
          <div className="field">
            <label htmlFor="events-from">{t('events.from')}</label>
            <input id="events-from" type="date" value={query.from ?? ''} onChange={(e) => update({ from: e.target.value || undefined })} />
          </div>
          <div className="field">
            <label htmlFor="events-to">{t('events.to')}</label>
            <input id="events-to" type="date" value={query.to ?? ''} onChange={(e) => update({ to: e.target.value || undefined })} />
          </div>
        </div>
      </fieldset>
      <section className="results" aria-busy={result.status === 'loading'} aria-label={t('events.results')}>
        <Status state={result} />
        {data && (
          <>
            <p className="result-count" role="status">
              {t('events.count', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('events.none')}</p>
            ) : (
              <ul className="cards event-list">
                {data.items.map((e) => (
                  <EventCard key={e.id} event={e} />
                ))}
              </ul>
            )}
            <Pagination page={data.page} pageCount={pageCount} onPage={(page) => update({ page })} />
          </>
        )}
      </section>
    </>
  );
}
