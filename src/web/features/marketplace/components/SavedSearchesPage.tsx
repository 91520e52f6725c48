import '../marketplace.css';
import { Link } from 'react-router';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '../../../../shared/offers';
import { queryString } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { deleteSavedSearch, updateSavedSearch, useSavedSearches } from '../api/marketplace';
import type { SavedSearch } from '../api/contracts';

/** My saved searches: each with the way to run it, how often its digest comes (changed here), and delete. */
export function SavedSearchesPage() {
  const { t } = useI18n();
  const searches = useSavedSearches();
  const { error, run } = useAction();
  useTitle(t('marketplace.savedSearches.title'));
  return (
    <>
      <h1>{t('marketplace.savedSearches.title')}</h1>
      <p>
        <Link to="/marketplace">← {t('marketplace.title')}</Link>
      </p>
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
              <Link to={`/marketplace${searchAddress(s)}`}>{s.name}</Link>
            </h2>
            {!s.subscribed && <p className="meta">{t('marketplace.savedSearches.unsubscribed')}</p>}
            <div className="row">
              <div className="field">
                <label htmlFor={`saved-${s.id}-frequency`}>{t('marketplace.savedSearches.frequency')}</label>
                <select
                  id={`saved-${s.id}-frequency`}
                  value={s.frequency}
                  onChange={(e) => run(() => updateSavedSearch(s, { frequency: e.target.value as DigestFrequency }), searches.reload)}
                >
                  {DIGEST_FREQUENCIES.map((f) => (
                    <option key={f} value={f}>
                      {t(`marketplace.savedSearches.frequencies.${f}`)}
                    </option>
                  ))}
                </select>
              </div>
              {!s.subscribed && (
                <button
                  type="button"
                  className="secondary"
                  onClick={() => run(() => updateSavedSearch(s, { subscribed: true }), searches.reload)}
                >
                  {t('marketplace.savedSearches.resubscribe')}
                </button>
              )}
              <button type="button" className="secondary" onClick={() => run(() => deleteSavedSearch(s.id), searches.reload)}>
                {t('marketplace.savedSearches.delete')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </>
  );
}

const searchAddress = (s: SavedSearch) => queryString({ q: s.query.q, kind: s.query.kind, area: s.query.area, region: s.query.region });
