import { useId, useState, type ReactNode } from 'react';
import { useI18n } from '../../../shared/i18n/I18nProvider';

/**
 * On a phone the filters fold away behind a button that counts the active ones, so that the results
 * come first; styles.css hides the button and always shows the filters on wider screens.
 */
export function FiltersDisclosure({ active, children }: { active: number; children: ReactNode }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="filters-disclosure">
      <button type="button" className="filters-button secondary" aria-expanded={open} aria-controls={id} onClick={() => setOpen((o) => !o)}>
        {active ? t('layout.filtersActive', { count: active }) : t('layout.filters')}
      </button>
      <div id={id} className={open ? 'filters-panel open' : 'filters-panel'}>
        {children}
      </div>
    </div>
  );
}
