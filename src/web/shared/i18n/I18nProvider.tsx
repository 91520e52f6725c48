import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { LANGUAGES, isLanguage, matchLanguage, type Language } from '../../../shared/languages';
import en from './locales/en.json';
import fr from './locales/fr.json';
import ru from './locales/ru.json';

export type Messages = typeof en;
const MESSAGES: Record<Language, Messages> = { en, fr, ru };
const STORAGE_KEY = 'clusterbridge.language';

type Vars = Record<string, string | number>;

interface I18n {
  lang: Language;
  setLang(lang: Language): void;
  /** A label from the translation files; `{name}` takes vars.name; a `count` var picks the plural form. */
  t(key: string, vars?: Vars): string;
  /** An ISO 8601 instant in the reader's language and time zone; `precise` adds the seconds (audit log). */
  dateTime(iso: string, precise?: boolean): string;
}

const I18nContext = createContext<I18n | null>(null);

function lookup(messages: Messages, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, part) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined), messages);
}

/** A label of the translation files in a language (see I18n.t); the key itself when there is none. */
export function translate(lang: Language, key: string, vars: Vars = {}): string {
  let entry = lookup(MESSAGES[lang], key) ?? lookup(MESSAGES.en, key);
  if (entry && typeof entry === 'object' && typeof vars.count === 'number') {
    const forms = entry as Record<string, string>;
    entry = forms[new Intl.PluralRules(lang).select(vars.count)] ?? forms.other;
  }
  if (typeof entry !== 'string') return key;
  return entry.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  return isLanguage(saved) ? saved : matchLanguage(navigator.languages ?? [navigator.language]);
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(initialLanguage);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  const setLang = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLangState(next);
  }, []);

  const t = useCallback((key: string, vars: Vars = {}) => translate(lang, key, vars), [lang]);

  const dateTime = useCallback(
    (iso: string, precise = false) =>
      new Date(iso).toLocaleString(
        lang,
        precise ? { dateStyle: 'short', timeStyle: 'medium' } : { dateStyle: 'medium', timeStyle: 'short' },
      ),
    [lang],
  );

  const value = useMemo(() => ({ lang, setLang, t, dateTime }), [lang, setLang, t, dateTime]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const context = useContext(I18nContext);
  if (!context) throw new Error('useI18n outside I18nProvider');
  return context;
}

export { LANGUAGES };
