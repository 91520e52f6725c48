/** The platform's languages, as BCP 47 tags. Order is the last-resort fallback order. */
export const LANGUAGES = ['ru', 'fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** Picks the platform language closest to a BCP 47 tag or an Accept-Language list ("fr-FR,fr;q=0.9"). */
export function matchLanguage(tags: string | readonly string[] | undefined | null, fallback: Language = 'en'): Language {
  const list = typeof tags === 'string' ? tags.split(',').map((t) => t.split(';')[0]!.trim()) : (tags ?? []);
  for (const tag of list) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return fallback;
}
