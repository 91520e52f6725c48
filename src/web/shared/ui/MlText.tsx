import type { ElementType } from 'react';
import { resolveText, type MultilingualText } from '../../../shared/multilingual';
import { useI18n } from '../i18n/I18nProvider';

/**
 * A multilingual text in the reader's language; when that language is missing, the fallback is shown
 * with its language marked (and `lang` set, so screen readers pronounce it right).
 */
export function MlText({
  value,
  as: Tag = 'span',
  className,
}: {
  value: MultilingualText | null | undefined;
  as?: ElementType;
  className?: string;
}) {
  const { lang, t } = useI18n();
  const resolved = resolveText(value, lang);
  if (!resolved) return null;
  if (!resolved.isFallback) return <Tag className={className}>{resolved.text}</Tag>;
  const language = t(`language.names.${resolved.lang}`);
  return (
    <Tag className={className}>
      <span lang={resolved.lang}>{resolved.text}</span>{' '}
      <abbr className="fallback-marker" title={t('language.shownIn', { language })} aria-label={t('language.shownIn', { language })}>
        {resolved.lang.toUpperCase()}
      </abbr>
    </Tag>
  );
}

/** The plain text, for attributes and titles where no marker fits. */
export function useMlString() {
  const { lang } = useI18n();
  return (value: MultilingualText | null | undefined) => resolveText(value, lang)?.text ?? '';
}
