import { LANGUAGES, type Language } from '../../../shared/languages';
import type { MultilingualText } from '../../../shared/multilingual';
import { useI18n } from '../i18n/I18nProvider';
import { FieldError, invalidProps } from './FieldError';
import type { FieldErrors } from './useFieldErrors';

export interface TextSpec<K extends string = string> {
  key: K;
  label: string;
  maxLength: number;
  rows?: number;
  /** Sent even when empty, so that the API names it when it is missing (a title). */
  required?: boolean;
}

/**
 * Texts in three languages side by side (stacked on a phone), the original's column marked: an offer's, an
 * event's, a session's, a delegation's. A text with no language filled is null, unless it is required (sent so
 * that the API names it when missing). `prefix` keeps the inputs' ids apart when several editors share a page.
 */
export function LanguageColumns<K extends string>({
  legend,
  originalLabel,
  prefix,
  fields,
  values,
  original,
  onChange,
  errors,
}: {
  /** The fieldset's legend and the original column's badge, in the reader's language. */
  legend: string;
  originalLabel: string;
  prefix: string;
  fields: TextSpec<K>[];
  values: Record<K, MultilingualText | null>;
  original: Language;
  onChange(key: K, value: MultilingualText | null): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const set = (f: TextSpec<K>, lang: Language, input: string) => {
    const next: MultilingualText = { ...(values[f.key] ?? { original }), original, [lang]: input || undefined };
    onChange(f.key, !f.required && LANGUAGES.every((l) => !next[l]) ? null : next);
  };
  return (
    <fieldset className="languages">
      <legend>{legend}</legend>
      <div className="language-grid">
        {LANGUAGES.map((l) => (
          <div key={l} className={`language-column${l === original ? ' original' : ''}`} lang={l}>
            <h3>
              {t(`language.names.${l}`)}
              {l === original && <span className="badge">{originalLabel}</span>}
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
