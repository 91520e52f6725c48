import { useEffect, useRef } from 'react';
import { QUERY_MAX_LENGTH } from '../../../../shared/domain';
import { useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { SearchBox } from '../../../shared/ui/SearchBox';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useOrganisationSearch } from '../api/organisations';
import { FILTERS, useDirectoryQuery } from '../hooks/useDirectoryQuery';
import { DirectoryFilters } from './DirectoryFilters';
import { FiltersDisclosure } from './FiltersDisclosure';
import { OrganisationCard } from './OrganisationCard';
import { Pagination } from '../../../shared/ui/Pagination';
import { SortChoice } from './SortChoice';
import { resultCount } from '../result-count';
import { directoryFieldLabels } from '../filter-labels';
import { RecordResults } from '../../registry-search/components/RecordResults';

export function DirectoryPage() {
  const { t, lang } = useI18n();
  const text = useMlString();
  const { query, update } = useDirectoryQuery();
  const result = useOrganisationSearch(query, lang);
  const regions = new Map((useRegions().data?.items ?? []).map((r) => [r.code, text(r.name)]));
  useTitle(t('directory.title'));

  const data = result.data;
  // a page change moves the reader to the top of the new page's results, as a new page would
  const count = useRef<HTMLParagraphElement>(null);
  const pageTurned = useRef(false);
  const turnPage = (page: number) => {
    pageTurned.current = true;
    update({ page });
  };
  useEffect(() => {
    if (!pageTurned.current || result.status !== 'ready') return;
    pageTurned.current = false;
    const element = count.current;
    if (!element) return;
    element.focus({ preventScroll: true });
    // a little room above the count, so that it does not sit against the window's edge
    window.scrollTo({ top: Math.max(0, element.getBoundingClientRect().top + window.scrollY - 16) });
  }, [result.status, data]);
  // an estimated total gives no last page: the pages go on while they come full (result-count.ts)
  const estimated = data?.meta.totalEstimated === true;
  const pastEnd = data && !estimated && data.meta.total > 0 && data.meta.page > data.meta.pageCount;
  const beyondEstimate = data && estimated && data.items.length === 0 && data.meta.page > 1;

  return (
    <>
      <h1>{t('directory.title')}</h1>
      <SearchBox
        id="directory-q"
        label={t('directory.searchLabel')}
        placeholder={t('directory.searchPlaceholder')}
        value={query.q}
        maxLength={QUERY_MAX_LENGTH}
        // the same words again ask again (after "search unavailable", say)
        onSearch={(q) => (q === query.q ? result.reload() : update({ q }))}
      />
      {/* the same words find the registry's agreements, initiatives, partnerships and residencies */}
      <RecordResults q={query.q} />
      <div className="directory">
        <FiltersDisclosure active={FILTERS.filter((f) => query[f]?.length).length}>
          <DirectoryFilters query={query} onChange={update} facets={data?.facets} />
        </FiltersDisclosure>
        <section className="results" aria-busy={result.status === 'loading'}>
          <Status state={result} fieldLabels={directoryFieldLabels(t)} />
          {data && (
            <>
              <div className="result-bar">
                <p className="result-count" role="status" tabIndex={-1} ref={count}>
                  {resultCount(lang, data.meta.total, data.meta.totalEstimated === true)}
                </p>
                <SortChoice
                  value={query.sort ?? (query.q ? 'relevance' : 'name')}
                  withWords={!!query.q}
                  onChange={(sort) => update({ sort })}
                />
              </div>
              {data.partial && data.items.length > 0 && <p className="partial-notice">{t('directory.partial')}</p>}
              {pastEnd ? (
                <p className="past-end">
                  {t('directoryPaging.pastEnd', { page: data.meta.page, pageCount: data.meta.pageCount })}{' '}
                  <button type="button" className="link-button" onClick={() => turnPage(data.meta.pageCount)}>
                    {t('directoryPaging.lastPage', { pageCount: data.meta.pageCount })}
                  </button>
                </p>
              ) : beyondEstimate ? (
                <p className="past-end">{t('directoryPaging.beyondEstimate', { page: data.meta.page })}</p>
              ) : data.items.length === 0 ? (
                <p>{t('directory.noResults')}</p>
              ) : (
                <ul className="cards">
                  {data.items.map((o) => (
                    <OrganisationCard key={o.id} organisation={o} regionName={regions.get(o.regionCode) ?? o.regionCode} />
                  ))}
                </ul>
              )}
              {!pastEnd && (
                <Pagination
                  page={data.meta.page}
                  pageCount={data.meta.pageCount}
                  onPage={turnPage}
                  {...(estimated ? { hasNext: data.items.length === data.meta.pageSize } : {})}
                />
              )}
            </>
          )}
        </section>
      </div>
    </>
  );
}
