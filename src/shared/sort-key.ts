import { LANGUAGES, type Language } from './languages.js';
import { resolveText, type MultilingualText } from './multilingual.js';

/**
 * Sort keys: strings whose plain code-unit order (JavaScript's `<`, the database's `collate "C"`) is the
 * order of a reader's language (Intl.Collator 'ru' / 'fr' / 'en'), so that the directory index and the
 * database list names in the same order without either calling a collator per comparison, and without
 * depending on the database's own collations (PGlite has no ICU).
 *
 * A key is built like a Unicode collation key: each character's primary weight (the letter: «ё» is «е»,
 * «é» is «e», «A» is «a»; in Russian Cyrillic comes before Latin), then a level separator, each character's
 * secondary weight (its accent), a separator, each character's tertiary weight (its case). The weights are
 * read off Intl.Collator itself at start: the characters of the scripts names are written in, sorted by the
 * language's collator and grouped by what it tells apart at each strength. Characters outside those
 * scripts sort by code point: letters after those scripts, symbols (emoji) before the digits.
 */

/** Separates levels; lower than every weight, so "ab" comes before "abc". */
const LEVEL = '\u0001';
/** Weights are code units from here up: above the separator, and below the surrogates (UTF-16 order = UTF-8's). */
const BASE = 0x100;
/** Primary weight of a letter the tables do not hold, followed by its code point in two units. */
const OTHER = 0xb000;

/** The characters the tables hold: ASCII, Latin-1 and Latin Extended, Greek, Cyrillic, general punctuation. */
const RANGES: [number, number][] = [
  [0x20, 0x7e],
  [0xa0, 0x24f],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x2010, 0x203a],
];

/** Letters a collator treats as two (œ is o then e): their primaries are the two letters'. */
const EXPANSIONS: Record<string, string> = { ß: 'ss', æ: 'ae', Æ: 'AE', œ: 'oe', Œ: 'OE', ĳ: 'ij', Ĳ: 'IJ' };

interface Weights {
  primary: string;
  secondary: string;
  tertiary: string;
}

interface Table {
  weights: Map<string, Weights>;
  /** The primary weight of symbols the table does not hold (emoji): after its own symbols, before digits. */
  symbols: string;
}

function buildTable(lang: Language): Table {
  const full = new Intl.Collator(lang);
  const byBase = new Intl.Collator(lang, { sensitivity: 'base' });
  const byAccent = new Intl.Collator(lang, { sensitivity: 'accent' });
  const chars: string[] = [];
  for (const [from, to] of RANGES) {
    for (let cp = from; cp <= to; cp++) {
      const ch = String.fromCodePoint(cp);
      // unassigned, combining or ignorable characters: left to the "other" rule or dropped
      if (ch.normalize('NFC') !== ch || byBase.compare(ch, '') === 0 || EXPANSIONS[ch]) continue;
      chars.push(ch);
    }
  }
  chars.sort((a, b) => full.compare(a, b) || (a < b ? -1 : 1));
  const table = new Map<string, Weights>();
  let symbols = -1;
  let primary = -1;
  let secondary = 0;
  let tertiary = 0;
  let previous: string | null = null;
  for (const ch of chars) {
    if (previous === null || byBase.compare(previous, ch) !== 0) {
      primary++;
      // a place kept for the symbols outside the table, just before the digits
      if (symbols < 0 && /\p{Nd}/u.test(ch)) symbols = primary++;
      secondary = tertiary = 0;
    } else if (byAccent.compare(previous, ch) !== 0) {
      secondary++;
      tertiary = 0;
    } else if (full.compare(previous, ch) !== 0) tertiary++;
    table.set(ch, { primary: unit(primary), secondary: unit(secondary), tertiary: unit(tertiary) });
    previous = ch;
  }
  for (const [ch, letters] of Object.entries(EXPANSIONS)) {
    const parts = [...letters].map((l) => table.get(l)!);
    // after the two letters written apart, at the accent level ("oe" before "œ")
    table.set(ch, {
      primary: parts.map((p) => p.primary).join(''),
      secondary: parts.map((p) => p.secondary).join('') + unit(0),
      tertiary: parts.map((p) => p.tertiary).join(''),
    });
  }
  return { weights: table, symbols: unit(symbols) };
}

const unit = (weight: number) => String.fromCharCode(BASE + weight);

const tables = new Map<Language, Table>();
const tableOf = (lang: Language) => tables.get(lang) ?? tables.set(lang, buildTable(lang)).get(lang)!;

/** The key of a text in a language's order. */
export function sortKey(text: string, lang: Language): string {
  const table = tableOf(lang);
  let primary = '';
  let secondary = '';
  let tertiary = '';
  for (const ch of text.normalize('NFC')) {
    const weights = table.weights.get(ch);
    if (weights) {
      primary += weights.primary;
      secondary += weights.secondary;
      tertiary += weights.tertiary;
      continue;
    }
    const cp = ch.codePointAt(0)!;
    // combining marks left over after composition carry nothing a reader sorts by
    if (/\p{M}/u.test(ch)) continue;
    // letters of other scripts after those of the table (as the collator puts Han after Cyrillic), other
    // symbols before the digits, each by code point
    primary += (/[\p{L}\p{N}]/u.test(ch) ? String.fromCharCode(OTHER) : table.symbols) + unit(cp >> 11) + unit(cp & 0x7ff);
    secondary += unit(0);
    tertiary += unit(0);
  }
  return primary + LEVEL + trimZeros(secondary) + LEVEL + trimZeros(tertiary);
}

/** Trailing plain weights change no comparison that the earlier ones leave equal; dropping them shortens keys. */
function trimZeros(weights: string): string {
  let end = weights.length;
  while (end > 0 && weights.charCodeAt(end - 1) === BASE) end--;
  return weights.slice(0, end);
}

export type NameSortKeys = Record<Language, string>;

/** The orders a listing can take: by the name its reader sees, in their language's order; or newest first. */
export type ListOrder = { sort: 'name'; lang: Language } | { sort: 'newest' };

/**
 * Each language's key of a name as its readers see it (the fallback rule of multilingual.ts: their
 * language, else the original): a Russian reader's list interleaves Russian names and Russian translations.
 */
export function nameSortKeys(name: MultilingualText): NameSortKeys {
  const keys = {} as NameSortKeys;
  for (const lang of LANGUAGES) keys[lang] = sortKey(resolveText(name, lang)?.text ?? '', lang);
  return keys;
}
