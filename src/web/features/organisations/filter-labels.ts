import type { FieldLabels } from '../../shared/i18n/error-text';
import { FILTERS } from './hooks/useDirectoryQuery';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/**
 * The directory's filters as their labels name them, for the errors of the search they send: a bad
 * `nace` is the "NACE class" filter's, not the profile's "Activity codes". Countries are picked in the
 * region filter.
 */
export function directoryFieldLabels(t: Translate): FieldLabels {
  return Object.fromEntries(FILTERS.map((f) => [f, t(`directory.${f === 'country' ? 'region' : f}`)]));
}
