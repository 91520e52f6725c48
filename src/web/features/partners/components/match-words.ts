import type { MultilingualText } from '../../../../shared/multilingual';

/**
 * A score in the words a cluster manager uses. The thresholds follow the weights (docs/matching.md): one
 * shared area (3) with a paired region (2) and a complementary kind is already a good reason to meet.
 */
export function matchStrength(score: number): 'strong' | 'good' | 'possible' {
  if (score >= 8) return 'strong';
  if (score >= 4) return 'good';
  return 'possible';
}

/** The first line of each language of a description: what a partner card shows of what the partner does. */
export function firstLine(value: MultilingualText | null | undefined): MultilingualText | null {
  if (!value) return null;
  const cut = (text: string | undefined) => text?.trim().split(/\r?\n/)[0]?.trim() || undefined;
  return { original: value.original, ru: cut(value.ru), fr: cut(value.fr), en: cut(value.en) };
}
