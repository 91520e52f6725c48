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
import { Pagination } from './Pagination';

export function DirectoryPage() {
  const { t } = useI18n();
  const text = useMlString();
  const { query, update } = useDirectoryQuery();
  const result = useOrganisationSearch(query);
  const regions = new Map((useRegions().data?.items ?? []).map((r) => [r.code, text(r.name)]));
  useTitle(t('directory.title'));

  const data = result.data;

  return (
    <>
      <h1>{t('directory.title')}</h1>
      <SearchBox
        id="directory-q"
        label={t('directory.searchLabel')}
        placeholder={t('directory.searchPlaceholder')}
        value={query.q}
        maxLength={QUERY_MAX_LENGTH}
        onSearch={(q) => update({ q })}
      />
      <div className="directory">
        <FiltersDisclosure active={FILTERS.filter((f) => query[f]?.length).length}>
          <DirectoryFilters query={query} onChange={update} />
        </FiltersDisclosure>
        <section className="results" aria-busy={result.status === 'loading'}>
          <Status state={result} />
          {data && (
            <>
              <p className="result-count" role="status">
                {t('directory.results', { count: data.meta.total })}
              </p>
              {data.items.length === 0 ? (
                <p>{t('directory.noResults')}</p>
              ) : (
                <ul className="cards">
                  {data.items.map((o) => (
                    <OrganisationCard key={o.id} organisation={o} regionName={regions.get(o.regionCode) ?? o.regionCode} />
                  ))}
                </ul>
              )}
              <Pagination page={data.meta.page} pageCount={data.meta.pageCount} onPage={(page) => update({ page })} />
            </>
          )}
        </section>
      </div>
    </>
  );
}
