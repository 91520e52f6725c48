import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import { LanguageColumns, type TextSpec } from '../../../shared/ui/LanguageColumns';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';

export type { TextSpec };

/** The events' texts in three languages (the event's, a session's, a delegation's): the shared columns. */
export function EventTexts(props: {
  prefix: string;
  fields: TextSpec[];
  values: Record<string, MultilingualText | null>;
  original: Language;
  onChange(key: string, value: MultilingualText | null): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return <LanguageColumns legend={t('events.editor.texts')} originalLabel={t('events.editor.original')} {...props} />;
}

/** A labelled input with its error from the API beside it. */
export function ErrField({
  id,
  label,
  field,
  errors,
  hint,
  ...input
}: { id: string; label: string; field: string; errors: FieldErrors; hint?: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} {...input} {...invalidProps(errors, field, errorId)} />
      {hint && <small className="muted">{hint}</small>}
      <FieldError errors={errors} field={field} id={errorId} />
    </div>
  );
}

/** A labelled select with its error beside it. */
export function ErrSelect({
  id,
  label,
  field,
  errors,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  field: string;
  errors: FieldErrors;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...invalidProps(errors, field, errorId)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError errors={errors} field={field} id={errorId} />
    </div>
  );
}
