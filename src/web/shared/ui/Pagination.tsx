import { useI18n } from '../i18n/I18nProvider';

/**
 * The site's page turner, the same for every list (the directory, the registry, the marketplace). With an
 * estimated total the last page is not known: `hasNext` (a full page came) says whether there is another,
 * and the page is named without "of".
 */
export function Pagination({
  page,
  pageCount,
  onPage,
  hasNext,
}: {
  page: number;
  pageCount: number;
  onPage(page: number): void;
  hasNext?: boolean;
}) {
  const { t } = useI18n();
  const openEnded = hasNext !== undefined;
  const next = openEnded ? hasNext : page < pageCount;
  if (page <= 1 && !next) return null;
  return (
    <nav className="pagination" aria-label={t('directory.pagination')}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        {t('directory.previous')}
      </button>
      <span aria-current="page">{openEnded ? t('directory.pageOpen', { page }) : t('directory.page', { page, pageCount })}</span>
      <button type="button" disabled={!next} onClick={() => onPage(page + 1)}>
        {t('directory.next')}
      </button>
    </nav>
  );
}
