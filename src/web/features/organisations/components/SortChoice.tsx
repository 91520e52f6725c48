import { useId } from 'react';
import type { DirectorySort } from '../../../../shared/domain';
import { useI18n } from '../../../shared/i18n/I18nProvider';

/**
 * The directory's order, beside the result count: relevance only when there are words (it is their
 * order), by name (the name the reader sees, in their language's order) and newest first.
 */
export function SortChoice({
  value,
  withWords,
  onChange,
}: {
  value: DirectorySort;
  withWords: boolean;
  onChange(sort: DirectorySort): void;
}) {
  const { t } = useI18n();
  const id = useId();
  const sorts: DirectorySort[] = withWords ? ['relevance', 'name', 'newest'] : ['name', 'newest'];
  return (
    <div className="sort-choice">
      <label htmlFor={id}>{t('directorySort.label')}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as DirectorySort)}>
        {sorts.map((sort) => (
          <option key={sort} value={sort}>
            {t(`directorySort.${sort}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
