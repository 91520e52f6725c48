import { Link } from 'react-router';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { useTitle } from '../../../shared/ui/useTitle';

/**
 * What an address the app has no page for shows. The server answers the app's HTML for every path it does
 * not serve itself, so the router is what tells a mistyped or outdated link from a page.
 */
export function NotFoundPage() {
  const { t } = useI18n();
  useTitle(t('directoryPaging.notFoundTitle'));
  return (
    <section className="not-found">
      <h1>{t('directoryPaging.notFoundTitle')}</h1>
      <p>{t('directoryPaging.notFoundText')}</p>
      <ul>
        <li>
          <Link to="/">{t('directoryPaging.home')}</Link>
        </li>
        <li>
          <Link to="/organisations">{t('directoryPaging.directory')}</Link>
        </li>
      </ul>
    </section>
  );
}
