import { NavLink, Outlet } from 'react-router';
import { LanguageSwitcher } from '../features/language/components/LanguageSwitcher';
import { useI18n } from '../shared/i18n/I18nProvider';

export function Layout() {
  const { t } = useI18n();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="brand">
          <NavLink to="/" className="brand-name">
            {t('app.name')}
          </NavLink>
          <span className="tagline">{t('app.tagline')}</span>
        </div>
        <nav aria-label={t('app.mainNav')}>
          <NavLink to="/" end>
            {t('nav.home')}
          </NavLink>
          <NavLink to="/organisations">{t('nav.directory')}</NavLink>
        </nav>
        <LanguageSwitcher />
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <a href="/api/docs">{t('app.apiDocs')}</a>
      </footer>
    </>
  );
}
