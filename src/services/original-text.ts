import type { MultilingualText } from '../shared/multilingual.js';
import { AppError } from './errors.js';

/**
 * A multilingual text holds the language it says it was written in: `{ original: 'en' }` alone is no title. The
 * schemas refuse an empty string in a language; this refuses a text with no language filled, naming the original
 * language's field (what the editor shows first). Offers, registry records and events alike.
 */
export function requireOriginal(text: MultilingualText | null | undefined, field: string): void {
  if (text && !text[text.original]?.trim())
    throw new AppError(
      'validation_failed',
      `The text is needed in the language it was written in (${text.original}).`,
      `${field}.${text.original}`,
    ).because('original_language_missing', { language: text.original });
}
