import type { Language } from '../../../../shared/languages';
import type { MultilingualText } from '../../../../shared/multilingual';
import { useI18n } from '../../../shared/i18n/I18nProvider';
import { LanguageColumns, type TextSpec as ColumnSpec } from '../../../shared/ui/LanguageColumns';
import type { FieldErrors } from '../../../shared/ui/useFieldErrors';

export type TextKey = 'title' | 'summary' | 'description' | 'partnerRole';
export type TextSpec = Omit<ColumnSpec<TextKey>, 'required'>;

/**
 * The offer's texts in three languages side by side (the shared columns). A text with no language filled is
 * null, except the title, always sent so that the API names it when missing.
 */
export function OfferTexts({
  fields,
  ...props
}: {
  fields: TextSpec[];
  values: Record<TextKey, MultilingualText | null>;
  original: Language;
  onChange(key: TextKey, value: MultilingualText | null): void;
  errors: FieldErrors;
}) {
  const { t } = useI18n();
  return (
    <LanguageColumns
      legend={t('marketplace.editor.texts')}
      originalLabel={t('marketplace.editor.original')}
      prefix="offer"
      fields={fields.map((f) => ({ ...f, required: f.key === 'title' }))}
      {...props}
    />
  );
}
