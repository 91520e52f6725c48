import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { useI18n } from '../shared/i18n/I18nProvider';

/**
 * The header's navigation behind a "Menu" disclosure button on narrow screens (styles.css hides the
 * button and always shows the menu on wider ones). It closes on navigation and on Escape, which
 * gives the focus back to the button.
 */
export function SiteMenu({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const { pathname, search } = useLocation();
  useEffect(() => setOpen(false), [pathname, search]);

  return (
    <>
      <button ref={button} type="button" className="menu-button" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        <span aria-hidden="true">☰</span> {t('layout.menu')}
      </button>
      <div
        id={id}
        className={open ? 'site-menu open' : 'site-menu'}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && open) {
            setOpen(false);
            button.current?.focus();
          }
        }}
      >
        {children}
      </div>
    </>
  );
}
