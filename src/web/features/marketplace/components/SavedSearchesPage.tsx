import '../marketplace.css';
import { Link } from 'react-router';
import { queryString } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { deleteSavedSearch, useSavedSearches } from '../api/marketplace';
import type { SavedSearch } from '../api/contracts';

/** My saved searches: what each looks for, how often its digest comes, a way to run it and to delete it. */
export function SavedSearchesPage() {
  const { t } = useI18n();
  const searches = useSavedSearches();
  const { error, run } = useAction();
  useTitle(t('marketplace.savedSearches.title'));
  return (
    <>
      <h1>{t('marketplace.savedSearches.title')}</h1>
      <Status state={searches} />
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {searches.data && searches.data.items.length === 0 && <p>{t('marketplace.savedSearches.none')}</p>}
      <ul className="cards">
        {(searches.data?.items ?? []).map((s) => (
          <li key={s.id} className="card saved-search">
            <h2 className="card-title">
              <Link to={`/marketplace${searchAddress(s)}`}>{describe(s, t)}</Link>
            </h2>
            <p className="meta">{t(`marketplace.savedSearches.frequencies.${s.frequency}`)}</p>
            <button type="button" className="secondary" onClick={() => run(() => deleteSavedSearch(s.id), searches.reload)}>
              {t('marketplace.savedSearches.delete')}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

const searchAddress = (s: SavedSearch) => queryString(s.query as Record<string, string | string[]>);

function describe(s: SavedSearch, t: (key: string, vars?: Record<string, string | number>) => string): string {
  if (s.name) return s.name;
  const q = typeof s.query.q === 'string' ? s.query.q : '';
  return q ? t('marketplace.savedSearches.quoted', { q }) : t('marketplace.savedSearches.everything');
}
