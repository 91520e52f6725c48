// Builds the cross-language word bridges in src/reference/vocabularies/ from the shared vocabularies
// (shared/data/vocabularies, README there). Run when those change:
//   npm run build:bridges [-- <vocabularies folder>]
// Each licence family gets its own file, so CC BY-SA data never mixes with the product classifications.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { associate, documentFrequencies, type AlignedEntry } from './vocabulary-bridges/align.js';
import { dictionaryPairs, dictionaryTexts } from './vocabulary-bridges/dictionary.js';
import { readVocabulary, textsOf, type VocabularyEntry, type VocabularyFile } from './vocabulary-bridges/sources.js';
import { LANGS, Stemmer, type Lang } from './vocabulary-bridges/stem.js';
import { addAssociations, citedVias, emptyTable, writeBridgeFile, type BridgeTable } from './vocabulary-bridges/write.js';

// shared/ lies beside the repository (a worktree sits one folder deeper)
const source =
  process.argv[2] ??
  ['../../shared/data/vocabularies', '../../../shared/data/vocabularies']
    .map((path) => fileURLToPath(new URL(path, import.meta.url)))
    .find((path) => existsSync(path)) ??
  '../shared/data/vocabularies';
const target = fileURLToPath(new URL('../src/reference/vocabularies', import.meta.url));
const built = new Date().toISOString().slice(0, 10);

/** Targets kept per source lexeme and other language. */
const KEEP = 3;
/** Below this weight a pair is mostly two words that share a broad heading. */
const MIN_WEIGHT = 0.08;
/** Expectation–maximisation rounds of model 1: the probabilities barely move after five. */
const ITERATIONS = 5;
/** Weighted co-occurrences: two label pairs, or one and a few term lines; a single pair cannot tell words apart. */
const MIN_SUPPORT = 2;
/** …except one label pair of one word each (weight 1), or one paired CN line of one word each (0.8). */
const SURE_SPECIFICITY = 0.8;
/**
 * Lexemes in more than this share of a family's entries (in that language) are the classifications'
 * boilerplate ("прочие", "изделия", "услуги", "кроме", "autres", "parties", "services", "parts"), not
 * subjects; the thesaurus has no boilerplate (its most frequent words, "education", stay under 7 %).
 */
const GENERIC_SHARE = { product: 0.05, unesco: 0.1 };

const stemmer = await Stemmer.open();
const started = Date.now();
const cpa = readVocabulary(source, 'cpa21-okpd2');
const hs = readVocabulary(source, 'hs-cn-tnved');
const unesco = readVocabulary(source, 'unesco-thesaurus');
const dictionary = readVocabulary(source, 'freedict-fra-rus');

const productEntries: AlignedEntry[] = [
  ...cpa.entries.map((entry) => ({ ...entry, via: `cpa:${entry.id}` })),
  // CN lines: the French text is looked up by the English one, so a code's terms pair line by line
  ...hs.entries.map((entry) => ({ ...entry, via: `hs:${entry.id}`, termsPaired: true })),
];
const unescoEntries: AlignedEntry[] = unesco.entries.map((entry) => ({ ...entry, via: `unesco:${entry.id}` }));
for (const lang of LANGS) await stemmer.prepare(lang, [...textsOf(productEntries, lang), ...textsOf(unescoEntries, lang)]);
const dictionaryText = dictionaryTexts(dictionary.entries);
await stemmer.prepare('fr', dictionaryText.fr);
await stemmer.prepare('ru', dictionaryText.ru);
console.log(`stemmed in ${Date.now() - started} ms`);

function alignedTable(entries: AlignedEntry[], genericShare: number): BridgeTable {
  const generic: Partial<Record<Lang, Set<string>>> = {};
  for (const lang of LANGS) {
    const frequencies = documentFrequencies(entries, lang, stemmer);
    generic[lang] = new Set([...frequencies].filter(([, share]) => share > genericShare).map(([lexeme]) => lexeme));
    console.log(`  ${lang}: ${generic[lang].size} generic lexemes: ${[...generic[lang]].join(' ')}`);
  }
  const table = emptyTable();
  const options = { minWeight: MIN_WEIGHT, minSupport: MIN_SUPPORT, sureSpecificity: SURE_SPECIFICITY, keep: KEEP, iterations: ITERATIONS };
  for (const [from, to] of [
    ['ru', 'fr'],
    ['ru', 'en'],
    ['fr', 'en'],
  ] as const) {
    const [forward, backward] = associate(entries, [from, to], stemmer, generic, options);
    addAssociations(table, from, to, forward);
    addAssociations(table, to, from, backward);
  }
  return table;
}

/** Labels explain a bridge in a line: long titles (ОКПД 2 runs to 500 characters) are cut at a word. */
const LABEL_LENGTH = 80;
function shorten(text: string): string {
  if (text.length <= LABEL_LENGTH) return text;
  const cut = text.slice(0, LABEL_LENGTH);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), LABEL_LENGTH / 2)).replace(/[\s,;:(-]+$/u, '')}…`;
}

function entryLabels(entries: readonly VocabularyEntry[], prefix: string, table: BridgeTable) {
  const byVia = new Map(entries.map((entry) => [`${prefix}${entry.id}`, entry]));
  const labels = new Map<string, Partial<Record<Lang, string>>>();
  for (const via of citedVias(table)) {
    const entry = byVia.get(via);
    if (!entry) continue;
    const text: Partial<Record<Lang, string>> = {};
    for (const lang of LANGS) {
      // a subheading may have only its lines (terms) in a language: the first one names it
      const first = entry.labels[lang]?.[0] ?? entry.terms?.[lang]?.[0];
      if (first) text[lang] = shorten(first);
    }
    labels.set(via, text);
  }
  return labels;
}

function head(vocabulary: string, licence: string, attribution: string, files: VocabularyFile[]) {
  return { vocabulary, licence, attribution, sources: files.flatMap((file) => file.sources), built };
}

let total = 0;
function write(name: string, ...args: Parameters<typeof writeBridgeFile> extends [string, ...infer Rest] ? Rest : never) {
  const bytes = writeBridgeFile(join(target, name), ...args);
  const table = args[1];
  const counts = LANGS.map((lang) => `${lang} ${table[lang].size}`).join(', ');
  console.log(`${name}: ${(bytes / 1024).toFixed(0)} KiB, source lexemes ${counts}`);
  total += bytes;
}

console.log('product bridges');
const product = alignedTable(productEntries, GENERIC_SHARE.product);
write(
  'product-bridges.json',
  head(
    'cpa21-okpd2 + hs-cn-tnved',
    'Official classifications and customs nomenclatures, reuse with attribution (EU reuse policy, Decision 2011/833/EU; INSEE Licence Ouverte; ОКПД 2 and ТН ВЭД ЕАЭС are official acts)',
    'CPA 2.1 © European Union (Eurostat); CPF rév. 2.1 © INSEE; ОКПД 2 OK 034-2014; Combined Nomenclature 2026 © European Union; ТН ВЭД ЕАЭС (Decision No 80 of the Council of the Eurasian Economic Commission); based on the Harmonized System of the WCO',
    [cpa, hs],
  ),
  product,
  new Map([...entryLabels(cpa.entries, 'cpa:', product), ...entryLabels(hs.entries, 'hs:', product)]),
);

console.log('UNESCO bridges');
const thesaurus = alignedTable(unescoEntries, GENERIC_SHARE.unesco);
write(
  'unesco-bridges.json',
  head('unesco-thesaurus', 'CC BY-SA 3.0 IGO', 'UNESCO Thesaurus, © UNESCO, CC BY-SA 3.0 IGO', [unesco]),
  thesaurus,
  entryLabels(unesco.entries, 'unesco:', thesaurus),
);

const words = dictionaryPairs(dictionary.entries, stemmer, { minWeight: 0.1, keep: KEEP });
const wiktionary = emptyTable();
addAssociations(wiktionary, 'fr', 'ru', words.fr);
addAssociations(wiktionary, 'ru', 'fr', words.ru);
const wordLabels = new Map<string, Partial<Record<Lang, string>>>();
for (const via of citedVias(wiktionary)) {
  const entry = words.cited.get(via)!;
  wordLabels.set(via, { fr: entry.labels.fr?.[0] ?? '', ru: shorten((entry.labels.ru ?? []).join(', ')) });
}
write(
  'wiktionary-bridges.json',
  head(
    'freedict-fra-rus',
    'CC BY-SA 3.0',
    'FreeDict French–Russian dictionary (WikDict edition 2022.11.18), from Wiktionary via DBnary, CC BY-SA 3.0',
    [dictionary],
  ),
  wiktionary,
  wordLabels,
);
console.log(`total ${(total / 1024 / 1024).toFixed(2)} MiB in ${Date.now() - started} ms`);
await stemmer.close();
