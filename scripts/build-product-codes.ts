// Builds src/reference/product-codes.json, the product classifications in the project's own format, from
// the aligned vocabularies (shared/data/vocabularies: cpa21-okpd2 and hs-cn-tnved, see their README).
// Run once when the source data changes:
//   npx tsx scripts/build-product-codes.ts ../shared/data/vocabularies
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? '../shared/data/vocabularies';
const output = 'src/reference/product-codes.json';

type Labels = Partial<Record<'ru' | 'fr' | 'en', string[]>>;
interface Entry {
  id: string;
  level: string;
  parent?: string;
  labels?: Labels;
  okpd2Items?: Record<string, string>;
}

const read = (folder: string): { entries: Entry[] } => JSON.parse(readFileSync(join(source, folder, `${folder}.json`), 'utf8'));
// one line per entry: [code, ru, fr, en], '' where the language has no title (the reader falls back)
const titles = (labels: Labels | undefined): [string, string, string] => [
  labels?.ru?.[0]?.trim() ?? '',
  labels?.fr?.[0]?.trim() ?? '',
  labels?.en?.[0]?.trim() ?? '',
];

const CPA_LEVELS = new Set(['division', 'group', 'class', 'category', 'subcategory']);
const cpa: [string, string, string, string][] = [];
// ОКПД 2's 9-digit items are Russian only: kept as the last three digits of each 6-digit code, so that a
// code typed in full is recognised and stored as its 6-digit code, without shipping 14,000 Russian titles
const okpd2Items: Record<string, string> = {};
for (const e of read('cpa21-okpd2').entries) {
  if (!CPA_LEVELS.has(e.level)) continue;
  const t = titles(e.labels);
  if (t.every((x) => x === '')) continue;
  cpa.push([e.id, ...t]);
  const items = Object.keys(e.okpd2Items ?? {})
    .filter((code) => code.startsWith(`${e.id}.`) && /^\d{2}\.\d{2}\.\d{2}\.\d{3}$/.test(code))
    .map((code) => code.slice(-3))
    .sort();
  if (items.length > 0) okpd2Items[e.id] = items.join(' ');
}

// a title the same as its parent's (a 5-digit category with one 6-digit subcategory, often) is written '^'
const cpaParent = (code: string) => (code.length === 2 ? null : code.slice(0, -1).replace(/\.$/, ''));
const cpaTitles = new Map(cpa.map((r) => [r[0], r]));
for (const row of [...cpa].reverse()) {
  const parent = cpaTitles.get(cpaParent(row[0]) ?? '');
  for (const i of [1, 2, 3] as const) if (parent && row[i] !== '' && row[i] === parent[i]) row[i] = '^';
}

// subheading texts are relative to their heading ("Of porcelain or china" under 6909): kept relative here,
// the repository shows them after the heading's title
const HS_LEVELS = new Set(['chapter', 'heading', 'subheading']);
const hs: [string, string, string, string][] = [];
for (const e of read('hs-cn-tnved').entries) {
  if (!HS_LEVELS.has(e.level)) continue;
  const t = titles(e.labels);
  if (t.every((x) => x === '')) continue;
  hs.push([e.id, ...t]);
}

const data = {
  note:
    'Products: CPA 2.1 © European Union (Eurostat); CPF rév. 2.1 © INSEE (Licence Ouverte); ОКПД 2 OK 034-2014 (Rosstandart), ' +
    'aligned by code (ОКПД 2 follows CPA 2008 to 6 digits). Goods: EU Combined Nomenclature 2026 (Council Regulation (EEC) No 2658/87, ' +
    'Annex I) and ТН ВЭД ЕАЭС 2022 (Decision No 80 of the Council of the Eurasian Economic Commission), based on the Harmonized System ' +
    'of the WCO. Rows: [code, ru, fr, en]; HS subheading titles are relative to their heading.',
  cpa,
  okpd2Items,
  hs,
};
// one row a line: readable diffs
const rows = (list: unknown[]) => list.map((r) => JSON.stringify(r)).join(',\n');
writeFileSync(
  output,
  `{"note":${JSON.stringify(data.note)},\n"cpa":[\n${rows(cpa)}\n],\n"okpd2Items":${JSON.stringify(okpd2Items)},\n"hs":[\n${rows(hs)}\n]}\n`,
);
console.log(
  `${output}: ${cpa.length} CPA / ОКПД 2 codes, ${Object.keys(okpd2Items).length} with 9-digit items, ${hs.length} HS codes, ${(statSync(output).size / 1024).toFixed(0)} KiB`,
);
