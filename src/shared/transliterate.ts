// Russian → Latin, following the passport (ICAO Doc 9303) table that Russian documents use since 2014.
const RU: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
};

export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = RU[lower];
    if (latin === undefined) out += ch;
    else out += ch === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}

/** A URL-safe identifier from a name in any script: "ИАТЭ НИЯУ МИФИ" → "iate-niiau-mifi". */
export function slugify(text: string, maxLength = 80): string {
  return transliterate(text)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, maxLength)
    .replace(/-+$/g, '');
}

/**
 * A name word as a rough Latin sound key, the same whichever script or spelling it came in:
 * "Ванденбрук" and "Vandenbroucke" both become "vandenbruk", "Калуга" and "Kalouga" "kaluga".
 * Trigram similarity over these keys then tolerates what is left (typos, endings).
 */
export function soundKey(word: string): string {
  const s = transliterate(word)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .replace(/ou/g, 'u')
    .replace(/ck/g, 'k')
    .replace(/ph/g, 'f')
    .replace(/qu?/g, 'k')
    .replace(/w/g, 'v')
    .replace(/x/g, 'ks')
    .replace(/kh/g, 'h')
    .replace(/c(?=[eiy])/g, 's')
    .replace(/c(?!h)/g, 'k')
    .replace(/y/g, 'i')
    .replace(/(.)\1+/g, '$1');
  // a French mute final e
  return s.length > 4 ? s.replace(/e$/, '') : s;
}

/** The distinct sound keys of every word in these names: what name search compares with. */
export function soundKeys(names: string[]): string[] {
  const keys = new Set<string>();
  for (const name of names) for (const word of name.match(/[\p{L}\p{N}]+/gu) ?? []) keys.add(soundKey(word));
  keys.delete('');
  return [...keys];
}
