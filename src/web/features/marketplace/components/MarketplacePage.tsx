import '../marketplace.css';
import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useSession } from '../../../shared/session/SessionProvider';
import { SearchBox } from '../../../shared/ui/SearchBox';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useOfferSearch } from '../api/marketplace';
import { useMarketQuery } from '../hooks/useMarketQuery';
import { OfferCard } from './OfferCard';
import { OfferFilters } from './OfferFilters';
import { Pagination } from '../../../shared/ui/Pagination';
import { SaveSearch } from './SaveSearch';

const PAGE_SIZE = 20;

/** The marketplace: the one search box (any of the three languages), filters with their counts, the offers found and why. */
export function MarketplacePage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const { query, update } = useMarketQuery();
  const result = useOfferSearch(query, PAGE_SIZE, lang);
  useTitle(t('marketplace.title'));
  const data = result.data;
  const pageCount = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  return (
    <>
      <h1>{t('marketplace.title')}</h1>
      <p className="lead">{t('marketplace.lead')}</p>
      <SearchBox
        id="marketplace-q"
        label={t('marketplace.search')}
        placeholder={t('marketplace.searchPlaceholder')}
        value={query.q ?? ''}
        maxLength={500}
        onSearch={(q) => update({ q: q || undefined })}
      />
      {session?.user && (
        <p className="row marketplace-links">
          <Link className="button" to="/my/offers/new">
            {t('marketplace.newOffer')}
          </Link>
          <Link to="/my/offers">{t('marketplace.myOffers.title')}</Link>
          <Link to="/my/interests">{t('marketplace.myInterests.title')}</Link>
          <Link to="/my/saved-searches">{t('marketplace.savedSearches.title')}</Link>
        </p>
      )}
      <p>
        <Link to="/marketplace/outcomes">{t('marketplace.outcomes.title')}</Link>
      </p>
      <OfferFilters query={query} facets={data?.facets} onChange={update} />
      {session?.user && <SaveSearch query={query} />}
      <section className="results" aria-busy={result.status === 'loading'} aria-label={t('marketplace.results')}>
        <Status state={result} />
        {data && (
          <>
            <p className="result-count" role="status">
              {t('marketplace.count', { count: data.total })}
            </p>
            {data.items.length === 0 ? (
              <p>{t('marketplace.none')}</p>
            ) : (
              <ul className="cards offer-list">
                {data.items.map((o) => (
                  <OfferCard key={o.id} offer={o} />
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
