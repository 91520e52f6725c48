import { NavLink, Outlet } from 'react-router';
import { LanguageSwitcher } from '../features/language/components/LanguageSwitcher';
import { useI18n } from '../shared/i18n/I18nProvider';
import { hasRole, useSession } from '../shared/session/SessionProvider';
import { SiteMenu } from './SiteMenu';

export function Layout() {
  const { t } = useI18n();
  const { session, signOut } = useSession();
  const user = session?.user;
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
        <SiteMenu>
          <nav aria-label={t('app.mainNav')}>
            <NavLink to="/" end>
              {t('nav.home')}
            </NavLink>
            <NavLink to="/organisations">{t('nav.directory')}</NavLink>
            <NavLink to="/cooperation">{t('registry.nav')}</NavLink>
            <NavLink to="/marketplace">{t('marketplace.nav')}</NavLink>
            <NavLink to="/events">{t('events.nav')}</NavLink>
            <NavLink to="/glossary">{t('nav.glossary')}</NavLink>
            {user && <NavLink to="/my/organisations">{t('nav.myOrganisations')}</NavLink>}
            {user && <NavLink to="/messages">{t('nav.messages')}</NavLink>}
            {(hasRole(session, 'regional_coordinator') || hasRole(session, 'platform_admin')) && (
              <>
                <NavLink to="/validation">{t('nav.validation')}</NavLink>
                <NavLink to="/review/offers">{t('marketplace.reviewQueue.nav')}</NavLink>
                <NavLink to="/admin/audit">{t('nav.audit')}</NavLink>
              </>
            )}
            {hasRole(session, 'platform_admin') && (
              <>
                <NavLink to="/admin/outbox">{t('nav.outbox')}</NavLink>
                <NavLink to="/admin/jobs">{t('nav.jobs')}</NavLink>
              </>
            )}
          </nav>
          <div className="account-nav">
            {user ? (
              <>
                <NavLink to="/account">{user.displayName}</NavLink>
                <button type="button" className="link-button" onClick={() => void signOut()}>
                  {t('accounts.signOut')}
                </button>
              </>
            ) : (
              session && (
                <>
                  <NavLink to="/sign-in">{t('accounts.signIn')}</NavLink>
                  <NavLink to="/sign-up">{t('accounts.signUp')}</NavLink>
                </>
              )
            )}
          </div>
          <LanguageSwitcher />
        </SiteMenu>
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
