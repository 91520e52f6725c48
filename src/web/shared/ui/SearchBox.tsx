import { useEffect, useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';

/** A search form: a labelled search field and a button; submits the trimmed text. */
export function SearchBox({
  id,
  label,
  placeholder,
  value,
  maxLength,
  onSearch,
}: {
  id: string;
  label: string;
  placeholder?: string;
  value: string;
  maxLength: number;
  onSearch(text: string): void;
}) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value);
  useEffect(() => setDraft(value), [value]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim());
  };
  return (
    <form role="search" className="search" onSubmit={submit}>
      <label htmlFor={id} className="visually-hidden">
        {label}
      </label>
      <input
        id={id}
        type="search"
        name="q"
        value={draft}
        maxLength={maxLength}
        placeholder={placeholder ?? label}
        onChange={(e) => setDraft(e.target.value)}
      />
      <button type="submit">{t('directory.searchButton')}</button>
    </form>
  );
}
