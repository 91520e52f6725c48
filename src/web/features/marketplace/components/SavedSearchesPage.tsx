import '../marketplace.css';
import { Link } from 'react-router';
import { DIGEST_FREQUENCIES, type DigestFrequency } from '../../../../shared/offers';
import { queryString } from '../../../shared/api/client';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useAction } from '../../../shared/ui/forms';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useReferenceNames } from '../../../shared/ui/useReferenceNames';
import { deleteSavedSearch, updateSavedSearch, useMyFollows, useSavedSearches } from '../api/marketplace';
import { FollowButton } from './FollowButton';
import { OfferCard } from './OfferCard';
import type { SavedSearch } from '../api/contracts';

/** My saved searches (what each asks, how often its digest comes, changed here, and delete), and the offers I follow. */
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
            <SavedQuery search={s} />
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
      <FollowedOffers />
    </>
  );
}

/** What a saved search asks: its words and its filters, as the marketplace's filters name them. */
function SavedQuery({ search }: { search: SavedSearch }) {
  const { t } = useI18n();
  const names = useReferenceNames();
  const parts = [
    search.query.q ? t('marketplace.savedSearches.words', { q: search.query.q }) : null,
    ...(search.query.kind ?? []).map((k) => t(`marketplace.kinds.${k}`)),
    ...(search.query.area ?? []).map(names.area),
    ...(search.query.region ?? []).map(names.region),
  ].filter((p): p is string => !!p);
  return parts.length ? <p className="meta">{parts.join(' · ')}</p> : null;
}

/** The offers I follow (their updates come by e-mail), each with the button that stops it. */
function FollowedOffers() {
  const { t } = useI18n();
  const follows = useMyFollows(true);
  return (
    <section aria-labelledby="followed-offers">
      <h2 id="followed-offers">{t('marketplace.follow.mine')}</h2>
      <Status state={follows} />
      {follows.data && follows.data.items.length === 0 && <p>{t('marketplace.follow.none')}</p>}
      <ul className="cards">
        {(follows.data?.items ?? []).map((f) => (
          <OfferCard key={f.offer.id} offer={f.offer} headingLevel={3}>
            <FollowButton slug={f.offer.slug} />
          </OfferCard>
        ))}
      </ul>
    </section>
  );
}

const searchAddress = (s: SavedSearch) => queryString({ q: s.query.q, kind: s.query.kind, area: s.query.area, region: s.query.region });
