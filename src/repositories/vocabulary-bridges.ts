import { readFileSync } from 'node:fs';

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
  byLexeme: Record<BridgeLanguage, Map<string, Bridge[]>>;
  labels: Map<string, Partial<Record<BridgeLanguage, string>>>;
  sources: BridgeSource[];
}

let loaded: Bridges | undefined;

function readBridgeFile(file: string): BridgeFile {
  return JSON.parse(readFileSync(new URL(`../reference/vocabularies/${file}`, import.meta.url), 'utf8')) as BridgeFile;
}

/** Reads the three files once a process, merging a source lexeme's targets: the highest weight per target. */
function load(): Bridges {
  const merged: Record<BridgeLanguage, Map<string, Map<string, Bridge>>> = { ru: new Map(), fr: new Map(), en: new Map() };
  const labels = new Map<string, Partial<Record<BridgeLanguage, string>>>();
  const sources: BridgeSource[] = [];
  for (const file of BRIDGE_FILES) {
    const { bridges, labels: fileLabels, ...head } = readBridgeFile(file);
    sources.push({ file, ...head });
    for (const [via, text] of Object.entries(fileLabels)) labels.set(via, text);
    for (const from of LANGUAGES) {
      for (const [lexeme, stored] of Object.entries(bridges[from] ?? {})) {
        let targets = merged[from].get(lexeme);
        if (!targets) merged[from].set(lexeme, (targets = new Map()));
        for (const [lang, target, weight, via] of stored) {
          const key = `${lang}:${target}`;
          const known = targets.get(key);
          if (!known || known.weight < weight) targets.set(key, { lang, lexeme: target, weight, via });
        }
      }
    }
  }
  const byLexeme: Bridges['byLexeme'] = { ru: new Map(), fr: new Map(), en: new Map() };
  for (const from of LANGUAGES) {
    for (const [lexeme, targets] of merged[from]) {
      const best = LANGUAGES.flatMap((lang) =>
        [...targets.values()]
          .filter((bridge) => bridge.lang === lang)
          .sort(byWeight)
          .slice(0, PER_LANGUAGE),
      );
      byLexeme[from].set(lexeme, best.sort(byWeight));
    }
  }
  return { byLexeme, labels, sources };
}

const byWeight = (a: Bridge, b: Bridge) => b.weight - a.weight || (a.lexeme < b.lexeme ? -1 : a.lexeme > b.lexeme ? 1 : 0);

function bridges(): Bridges {
  return (loaded ??= load());
}

/** The lexeme's translations into the other two languages, heaviest first (none: an empty list). */
export function translate(lang: BridgeLanguage, lexeme: string): Bridge[] {
  return bridges().byLexeme[lang].get(lexeme) ?? [];
}

/** The cited entry's label in a language ("Roulements à billes…" for `hs:8482` in fr), to explain a bridge. */
export function label(via: string, lang: BridgeLanguage): string | null {
  return bridges().labels.get(via)?.[lang] ?? null;
}

/** Where the bridges come from, with each file's licence and attribution (to show beside an explanation). */
export function bridgeSources(): readonly BridgeSource[] {
  return bridges().sources;
}
