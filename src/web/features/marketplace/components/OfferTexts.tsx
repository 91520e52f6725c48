import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

export type TextKey = 'title' | 'summary' | 'description' | 'partnerRole';
export interface TextSpec {
  key: TextKey;
  label: string;
  maxLength: number;
  rows?: number;
}

/**
 * The offer's texts in three languages side by side (stacked on a phone), the original's column marked. A
 * text with no language filled is null, except the title, always sent so that the API names it when missing.
 */
export function OfferTexts({
  fields,
  values,
  original,
  onChange,
  errors,
}: {
  fields: TextSpec[];
  values: Record<TextKey, MultilingualText | null>;
  original: Language;
  onChange(key: TextKey, value: MultilingualText | null): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const set = (key: TextKey, lang: Language, input: string) => {
    const next: MultilingualText = { ...(values[key] ?? { original }), original, [lang]: input || undefined };
    const empty = LANGUAGES.every((l) => !next[l]);
    onChange(key, empty && key !== 'title' ? null : next);
  };
  return (
    <fieldset className="languages">
      <legend>{t('marketplace.editor.texts')}</legend>
      <div className="language-grid">
        {LANGUAGES.map((l) => (
          <div key={l} className={`language-column${l === original ? ' original' : ''}`} lang={l}>
            <h3>
              {t(`language.names.${l}`)}
              {l === original && <span className="badge">{t('marketplace.editor.original')}</span>}
            </h3>
            {fields.map((f) => {
              const id = `offer-${f.key}-${l}`;
              const field = `body.${f.key}.${l}`;
              const props = { id, maxLength: f.maxLength, value: values[f.key]?.[l] ?? '', ...invalidProps(errors, field, `${id}-error`) };
              return (
                <div key={f.key} className="field">
                  <label htmlFor={id}>{`${f.label} (${l})`}</label>
                  {f.rows ? (
                    <textarea rows={f.rows} {...props} onChange={(e) => set(f.key, l, e.target.value)} />
                  ) : (
                    <input {...props} onChange={(e) => set(f.key, l, e.target.value)} />
                  )}
                  <FieldError errors={errors} field={field} id={`${id}-error`} />
                </div>
              );
            })}
          </div>
        ))}
      </div>
      {fields.map((f) => (
        <FieldError key={f.key} exact errors={errors} field={`body.${f.key}`} id={`offer-${f.key}-error`} />
      ))}
    </fieldset>
  );
}
