import { useEffect, useState, type FormEvent } from 'react';
import { QUERY_MAX_LENGTH } from '../../../../shared/domain';
import { useRegions } from '../../../shared/api/reference';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useMlString } from '../../../shared/ui/MlText';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useOrganisationSearch } from '../api/organisations';
import { useDirectoryQuery } from '../hooks/useDirectoryQuery';
import { DirectoryFilters } from './DirectoryFilters';
import { OrganisationCard } from './OrganisationCard';
import { Pagination } from './Pagination';

export function DirectoryPage() {
  const { t } = useI18n();
  const text = useMlString();
  const { query, update } = useDirectoryQuery();
  const [draft, setDraft] = useState(query.q);
  useEffect(() => setDraft(query.q), [query.q]);
  const result = useOrganisationSearch(query);
  const regions = new Map((useRegions().data?.items ?? []).map((r) => [r.code, text(r.name)]));
  useTitle(t('directory.title'));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    update({ q: draft.trim() });
  };
  const data = result.data;

  return (
    <>
      <h1>{t('directory.title')}</h1>
      <form role="search" className="search" onSubmit={submit}>
        <label htmlFor="directory-q" className="visually-hidden">
          {t('directory.searchLabel')}
        </label>
        <input
          id="directory-q"
          type="search"
          name="q"
          value={draft}
          maxLength={QUERY_MAX_LENGTH}
          placeholder={t('directory.searchPlaceholder')}
          onChange={(e) => setDraft(e.target.value)}
        />
        <button type="submit">{t('directory.searchButton')}</button>
      </form>
      <div className="directory">
        <DirectoryFilters query={query} onChange={update} />
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
