import { useState } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { hasRole, useSession } from '../../../shared/session/SessionProvider';
import { SearchBox } from '../../../shared/ui/SearchBox';
import { Status } from '../../../shared/ui/Status';
import { useTitle } from '../../../shared/ui/useTitle';
import { useConcepts } from '../api/glossary';
import { ConceptCard } from './ConceptCard';
import { NewConceptForm } from './NewConceptForm';

/** The trilingual glossary behind cross-lingual search; coordinators and administrators extend it. */
export function GlossaryPage() {
  const { t, lang } = useI18n();
  const { session } = useSession();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const state = useConcepts(q, page, lang);
  const editable = hasRole(session, 'regional_coordinator') || hasRole(session, 'platform_admin');
  useTitle(t('glossary.title'));

  const meta = state.data?.meta;
  return (
    <>
      <h1>{t('glossary.title')}</h1>
      <p className="lead">{t('glossary.intro')}</p>
      <SearchBox
        id="glossary-q"
        label={t('glossary.searchLabel')}
        value={q}
        maxLength={200}
        onSearch={(text) => {
          setQ(text);
          setPage(1);
        }}
      />
      {editable && <NewConceptForm onCreated={state.reload} />}
      <Status state={state} />
      {meta && (
        <p role="status" className="result-count">
          {t('glossary.count', { count: meta.total })}
        </p>
      )}
      <ul className="cards">
        {(state.data?.items ?? []).map((c) => (
          <ConceptCard key={c.code} concept={c} editable={editable} onChange={state.reload} />
        ))}
      </ul>
      {meta && meta.pageCount > 1 && (
        <nav aria-label={t('directory.pagination')} className="pagination">
          <button type="button" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            {t('directory.previous')}
          </button>
          <span>{t('directory.page', { page, pageCount: meta.pageCount })}</span>
          <button type="button" disabled={page >= meta.pageCount} onClick={() => setPage(page + 1)}>
            {t('directory.next')}
          </button>
        </nav>
      )}
    </>
  );
}
