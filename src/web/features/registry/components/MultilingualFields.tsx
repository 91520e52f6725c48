import { LANGUAGES, type Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';
import { FieldError, invalidProps } from '../../../shared/ui/FieldError';

export interface TextFieldSpec<K extends string> {
  key: K;
  label: string;
  maxLength: number;
  multiline?: boolean;
}

/**
 * A record's texts as the organisation editor has them: a column per language (the original, chosen
 * beside, and its translations). A text with no language filled is null, except the
 * first field (the title), which is always sent so that the API names it when it is missing.
 */
export function MultilingualFields<K extends string>({
  idPrefix,
  fields,
  values,
  original,
  onChange,
  errors,
}: {
  idPrefix: string;
  fields: TextFieldSpec<K>[];
  values: Record<K, MultilingualText | null>;
  original: Language;
  onChange(key: K, value: MultilingualText | null): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  const set = (key: K, lang: Language, input: string) => {
    const next: MultilingualText = { ...(values[key] ?? { original }), original, [lang]: input || undefined };
    const empty = LANGUAGES.every((l) => !next[l]);
    onChange(key, empty && key !== fields[0]!.key ? null : next);
  };
  return (
    <>
      <fieldset className="languages">
        <legend>{t('registry.form.texts')}</legend>
        <div className="language-grid">
          {LANGUAGES.map((l) => (
            <div key={l} className="language-column" lang={l}>
              <h3>{t(`language.names.${l}`)}</h3>
              {fields.map((f) => {
                const id = `${idPrefix}-${f.key}-${l}`;
                const field = `body.${f.key}.${l}`;
                const props = {
                  id,
                  maxLength: f.maxLength,
                  value: values[f.key]?.[l] ?? '',
                  ...invalidProps(errors, field, `${id}-error`),
                };
                return (
                  <div key={f.key} className="field">
                    <label htmlFor={id}>{`${f.label} (${l})`}</label>
                    {f.multiline ? (
                      <textarea rows={4} {...props} onChange={(e) => set(f.key, l, e.target.value)} />
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
          // a text missing in every language (the title) is named without a language
          <FieldError key={f.key} exact errors={errors} field={`body.${f.key}`} id={`${idPrefix}-${f.key}-error`} />
        ))}
      </fieldset>
    </>
  );
}
