import { LANGUAGES, type Language } from './languages.js';

/**
 * A text that may exist in several languages. `original` is the language the author wrote it in;
 * the other values are translations. Every entity with user-facing text uses this shape.
 */
export interface MultilingualText {
  original: Language;
  ru?: string;
  fr?: string;
  en?: string;
}

export interface ResolvedText {
  text: string;
  /** The language `text` is written in. */
  lang: Language;
  /** True when the requested language was missing and another one was shown instead. */
  isFallback: boolean;
}

/**
 * Fallback rule: the requested language; else the original; else the first present of en, fr, ru.
 * The original wins over other translations because it is the one the author vouches for.
 */
export function resolveText(value: MultilingualText | null | undefined, wanted: Language): ResolvedText | null {
  if (!value) return null;
  const order: Language[] = [wanted, value.original, 'en', 'fr', 'ru'];
  for (const lang of order) {
    const text = value[lang];
    if (text && text.trim() !== '') return { text, lang, isFallback: lang !== wanted };
  }
  return null;
}

/** All non-empty values, original first: what search indexes and exports read. */
export function allTexts(value: MultilingualText | null | undefined): string[] {
  if (!value) return [];
  const langs = [value.original, ...LANGUAGES.filter((l) => l !== value.original)];
  return langs.map((l) => value[l]).filter((t): t is string => !!t && t.trim() !== '');
}

/** Builds a text from per-language values, taking the first given language as original when none is named. */
export function multilingual(values: Partial<Record<Language, string | null | undefined>>, original?: Language): MultilingualText | null {
  const present = LANGUAGES.filter((l) => values[l] && values[l]!.trim() !== '');
  if (present.length === 0) return null;
  const orig = original && present.includes(original) ? original : present[0]!;
  const text: MultilingualText = { original: orig };
  for (const l of present) text[l] = values[l]!.trim();
  return text;
}
