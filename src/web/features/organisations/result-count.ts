import type { Language } from '../../../shared/languages';
import { translate } from '../../shared/i18n/I18nProvider';

/**
 * A number as its readers write it: 12,000 in English, 12 000 in French and Russian (a no-break space
 * between thousands, U+00A0, as French typography writes it, where Intl gives French the narrow one).
 */
export function readableNumber(lang: Language, n: number): string {
  return new Intl.NumberFormat(lang).format(n).replace(/[\u202f\u00a0\s]/g, '\u00a0');
}

/** What the directory says it found: "12,345 organisations found", or "About 12,000 organisations found" for an estimate. */
export function resultCount(lang: Language, total: number, estimated: boolean): string {
  return estimated
    ? translate(lang, 'directory.resultsAbout', { count: total, about: readableNumber(lang, total) })
    : translate(lang, 'directory.results', { count: total, n: readableNumber(lang, total) });
}
