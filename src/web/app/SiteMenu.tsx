import { Burger, Drawer } from '@mantine/core';
import '@mantine/core/styles/Burger.css';
import '@mantine/core/styles/CloseButton.css';
import '@mantine/core/styles/Drawer.css';
import '@mantine/core/styles/ModalBase.css';
import '@mantine/core/styles/Overlay.css';
import '@mantine/core/styles/Paper.css';
import '@mantine/core/styles/UnstyledButton.css';
import { useMediaQuery } from '@mantine/hooks';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../shared/i18n/I18nProvider';

// styles.css's phone width, below which the header folds
const PHONE = '(max-width: 48rem)';

/**
 * The header's navigation: inline on wider screens; on phones behind a Menu button that opens it in a
 * drawer (Mantine's), which keeps the focus inside while open, closes on navigation and on Escape, and
 * gives the focus back to the button.
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const phone = useMediaQuery(PHONE, typeof window !== 'undefined' && window.matchMedia(PHONE).matches, { getInitialValueInEffect: false });
  const [open, setOpen] = useState(false);
  const id = useId();
  const { pathname, search } = useLocation();
  useEffect(() => setOpen(false), [pathname, search, phone]);

  if (!phone) return <div className="site-menu">{children}</div>;
  return (
    <>
      <Burger
        className="menu-button"
        opened={open}
        size="sm"
        aria-expanded={open}
        // the drawer's body, there while it is open (when closed, aria-expanded says there is none)
        aria-controls={`${id}-body`}
        onClick={() => setOpen((o) => !o)}
      >
        <span className="menu-button-label">{t('layout.menu')}</span>
      </Burger>
      <Drawer
        id={id}
        opened={open}
        onClose={() => setOpen(false)}
        position="right"
        size="85%"
        title={t('layout.menu')}
        closeButtonProps={{ 'aria-label': t('layout.closeMenu') }}
        // it opens and closes at once: what is hidden is gone as soon as it says so (aria-expanded)
        transitionProps={{ duration: 0 }}
        // no dimming of the page beside it: dimmed text would fail the contrast it has (axe checks it)
        withOverlay={false}
        shadow="xl"
      >
        <div className="site-menu open">{children}</div>
      </Drawer>
    </>
  );
}
