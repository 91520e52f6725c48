import { useI18n } from '../i18n/I18nProvider';

/** The site's page turner, the same for every list (the directory, the registry, the marketplace). */
export function Pagination({ page, pageCount, onPage }: { page: number; pageCount: number; onPage(page: number): void }) {
  const { t } = useI18n();
  if (pageCount <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('directory.pagination')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('directory.previous')}
      </button>
      <span aria-current="page">{t('directory.page', { page, pageCount })}</span>
      <button type="button" disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
        {t('directory.next')}
      </button>
    </nav>
  );
}
