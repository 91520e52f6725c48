import { LANGUAGES, type Language } from '../../../../shared/languages';
import { useI18n } from '../../../shared/i18n/I18nProvider';

/** Each language is named in itself, so a reader finds theirs whatever is shown now. */
const AUTONYMS: Record<Language, string> = { ru: 'Русский', fr: 'Français', en: 'English' };

export function LanguageSwitcher() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((l) => (
        <button key={l} type="button" lang={l} aria-pressed={l === lang} onClick={() => setLang(l)}>
          {AUTONYMS[l]}
        </button>
      ))}
    </div>
  );
}
