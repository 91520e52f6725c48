import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';

export interface TextSpec {
  key: string;
  label: string;
  maxLength: number;
  rows?: number;
  /** Sent even when empty, so that the API names it when it is missing (a title). */
  required?: boolean;
}

/**
 * Texts in three languages side by side (stacked on a phone), the original's column marked: the event's, a
 * session's, a delegation's. `prefix` keeps the inputs' ids apart when several editors share a page.
 */
export function EventTexts({
  prefix,
  fields,
  values,
  original,
  onChange,
  errors,
}: {
  prefix: string;
  fields: TextSpec[];
  values: Record<string, MultilingualText | null>;
  original: Language;
  onChange(key: string, value: MultilingualText | null): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const set = (f: TextSpec, lang: Language, input: string) => {
    const next: MultilingualText = { ...(values[f.key] ?? { original }), original, [lang]: input || undefined };
    onChange(f.key, !f.required && LANGUAGES.every((l) => !next[l]) ? null : next);
  };
  return (
    <fieldset className="languages">
      <legend>{t('events.editor.texts')}</legend>
      <div className="language-grid">
        {LANGUAGES.map((l) => (
          <div key={l} className={`language-column${l === original ? ' original' : ''}`} lang={l}>
            <h3>
              {t(`language.names.${l}`)}
              {l === original && <span className="badge">{t('events.editor.original')}</span>}
            </h3>
            {fields.map((f) => {
              const id = `${prefix}-${f.key}-${l}`;
              const field = `body.${f.key}.${l}`;
              const props = { id, maxLength: f.maxLength, value: values[f.key]?.[l] ?? '', ...invalidProps(errors, field, `${id}-error`) };
              return (
                <div key={f.key} className="field">
                  <label htmlFor={id}>{`${f.label} (${l})`}</label>
                  {f.rows ? (
                    <textarea rows={f.rows} {...props} onChange={(e) => set(f, l, e.target.value)} />
                  ) : (
                    <input {...props} onChange={(e) => set(f, l, e.target.value)} />
                  )}
                  <FieldError errors={errors} field={field} id={`${id}-error`} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {fields.map((f) => (
        <FieldError key={f.key} exact errors={errors} field={`body.${f.key}`} id={`${prefix}-${f.key}-error`} />
      ))}
    </fieldset>
  );
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
