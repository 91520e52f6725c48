import { readFileSync } from 'node:fs';
import { codeFile } from '../code-files.js';

/**
 * Cross-language word bridges (src/reference/vocabularies, built by scripts/build-vocabulary-bridges.ts from
 * the product classifications, the UNESCO Thesaurus and a French–Russian dictionary): a lexeme of one
 * language, stemmed as records are (russian, french, english text-search configurations after unaccent),
 * and its best translations into the two others. A Latin query word is looked up twice: as `en` with its
 * 'russian'-configuration stem (that configuration stems Latin words the English way) and as `fr` with its
 * 'french' stem.
 */
export type BridgeLanguage = 'ru' | 'fr' | 'en';

export interface Bridge {
  lang: BridgeLanguage;
  lexeme: string;
  /** In (0, 1]; 1 = certain. */
  weight: number;
  /** The entry that best supports the bridge: `hs:8482`, `cpa:28.15.10`, `unesco:concept1234`, `wiktionary:pompe`. */
  via: string;
}

export interface BridgeSource {
  file: string;
  vocabulary: string;
  licence: string;
  attribution: string;
  sources: string[];
  built: string;
}

type StoredBridge = [BridgeLanguage, string, number, string];

interface BridgeFile extends Omit<BridgeSource, 'file'> {
  bridges: Record<BridgeLanguage, Record<string, StoredBridge[]>>;
  labels: Record<string, Partial<Record<BridgeLanguage, string>>>;
}

/** One file per licence family: the CC BY-SA data stay apart from the classifications. */
export const BRIDGE_FILES = ['product-bridges.json', 'unesco-bridges.json', 'wiktionary-bridges.json'] as const;
const LANGUAGES: readonly BridgeLanguage[] = ['ru', 'fr', 'en'];
/** Targets kept per other language after merging: the files keep 3 each, a query expands by no more. */
const PER_LANGUAGE = 3;

interface Bridges {
  files: BridgeFile[];
  /** Lexemes already merged: a process asks for the same query words again and again. */
  merged: Record<BridgeLanguage, Map<string, Bridge[]>>;
  sources: BridgeSource[];
}

let loaded: Bridges | undefined;

function readBridgeFile(file: string): BridgeFile {
  return JSON.parse(readFileSync(codeFile(`reference/vocabularies/${file}`), 'utf8')) as BridgeFile;
}

/** Reads the three files once a process; a lexeme's bridges are merged when it is first asked for. */
function bridges(): Bridges {
  if (!loaded) {
    const files = BRIDGE_FILES.map(readBridgeFile);
    const sources = files.map(({ bridges: _bridges, labels: _labels, ...head }, index) => ({ file: BRIDGE_FILES[index]!, ...head }));
    loaded = { files, merged: { ru: new Map(), fr: new Map(), en: new Map() }, sources };
  }
  return loaded;
}

const byWeight = (a: Bridge, b: Bridge) => b.weight - a.weight || (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0);

/** A source lexeme's targets in every file, the highest weight per target, the best 3 per language. */
function merge(files: readonly BridgeFile[], from: BridgeLanguage, lexeme: string): Bridge[] {
  const targets = new Map<string, Bridge>();
  for (const file of files) {
    const stored = Object.hasOwn(file.bridges[from], lexeme) ? file.bridges[from][lexeme]! : [];
    for (const [lang, target, weight, via] of stored) {
      const key = `${lang}:${target}`;
      const known = targets.get(key);
      if (!known || known.weight < weight) targets.set(key, { lang, lexeme: target, weight, via });
    }
  }
  const best = LANGUAGES.flatMap((lang) =>
    [...targets.values()]
      .filter((bridge) => bridge.lang === lang)
      .sort(byWeight)
      .slice(0, PER_LANGUAGE),
  );
  return Object.freeze(best.sort(byWeight).map((bridge) => Object.freeze(bridge))) as Bridge[];
}

const NONE: Bridge[] = Object.freeze([]) as unknown as Bridge[];

/**
 * The lexeme's translations into the other two languages, heaviest first (none: an empty list). The list
 * is shared by every caller and frozen.
 */
export function translate(lang: BridgeLanguage, lexeme: string): Bridge[] {
  const { files, merged } = bridges();
  if (!Object.hasOwn(merged, lang)) return NONE;
  let found = merged[lang].get(lexeme);
  if (found) return found;
  // only lexemes the files hold are kept, so words nobody bridges cannot fill the memory
  if (!files.some((file) => Object.hasOwn(file.bridges[lang], lexeme))) return NONE;
  merged[lang].set(lexeme, (found = merge(files, lang, lexeme)));
  return found;
}

/** The cited entry's label in a language ("Roulements à billes…" for `hs:8482` in fr), to explain a bridge. */
export function label(via: string, lang: BridgeLanguage): string | null {
  for (const file of bridges().files) {
    if (Object.hasOwn(file.labels, via)) return file.labels[via]![lang] ?? null;
  }
  return null;
}

/** Where the bridges come from, with each file's licence and attribution (to show beside an explanation). */
export function bridgeSources(): readonly BridgeSource[] {
  return bridges().sources;
}
