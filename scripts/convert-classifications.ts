// Converts the official classifications (shared/data/classifications) into the project's own format in
// src/reference/classifications.json. Run once when the source data changes:
//   npx tsx scripts/convert-classifications.ts ../shared/data/classifications
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const source = process.argv[2] ?? '../shared/data/classifications';
const read = (name: string) => JSON.parse(readFileSync(join(source, name), 'utf8'));

type NaceIn = { code: string; level: string; en: string; fr: string; ru: string; okved2SameCode: boolean };
type OkvedIn = { code: string; level: string; ru: string };
type NafIn = { code: string; naceClass: string; fr: string };

// ОКВЭД 2 departs from NACE below divisions 85 and 92; this hand-made crosswalk (docs/decisions.md)
// maps each Russian class there to the NACE class that covers the same activity.
const okvedToNaceByHand: Record<string, string> = {
  '85.11': '85.10',
  '85.12': '85.20',
  '85.13': '85.31',
  '85.14': '85.31',
  '85.21': '85.32',
  '85.22': '85.42',
  '85.23': '85.42',
  '85.30': '85.59',
  '85.41': '85.59',
  '85.41.1': '85.51',
  '85.41.2': '85.52',
  '85.42': '85.59',
  '85.42.1': '85.53',
  '92.11': '92.00',
  '92.12': '92.00',
  '92.13': '92.00',
  '92.21': '92.00',
  '92.22': '92.00',
  '92.23': '92.00',
  // Russian additions: agglomeration of coal and thermal coal, which NACE counts as fuel briquettes (19.20)
  '19.31': '19.20',
  '19.32': '19.20',
  '19.33': '19.20',
  '19.34': '19.20',
};

const nace: NaceIn[] = read('nace2.json').codes;
const okved: OkvedIn[] = read('okved2.json').codes;
const naf: NafIn[] = read('naf2-subclasses.json').codes;

const naceClasses = new Set(nace.filter((c) => c.level === 'class').map((c) => c.code));
const parentOf = (c: NaceIn, all: NaceIn[]): string | null => {
  if (c.level === 'section') return null;
  if (c.level === 'division') {
    // a division's parent is the section listed last before it
    const idx = all.indexOf(c);
    for (let i = idx - 1; i >= 0; i--) if (all[i]!.level === 'section') return all[i]!.code;
    return null;
  }
  return c.level === 'group' ? c.code.slice(0, 2) : c.code.slice(0, 4);
};

function okvedNace(code: string): string | null {
  for (let len = code.length; len >= 5; len--) {
    const hand = okvedToNaceByHand[code.slice(0, len)];
    if (hand) return hand;
  }
  const head = code.slice(0, 5);
  return naceClasses.has(head) ? head : null;
}

const out = {
  source: 'NACE Rev. 2 (Eurostat), NAF rév. 2 (INSEE), ОКВЭД 2 / OK 029-2014 (Rosstat, edition 2023-12-01)',
  nace: nace.map((c) => ({
    code: c.code,
    level: c.level,
    parent: parentOf(c, nace),
    title: { en: c.en, fr: c.fr, ...(c.ru ? { ru: c.ru } : {}) },
  })),
  okved2: okved
    .filter((c) => c.level === 'class' || c.level === 'subclass')
    .map((c) => ({ code: c.code, title: c.ru, nace: okvedNace(c.code) })),
  naf2: naf.map((c) => ({ code: c.code, title: c.fr, nace: c.naceClass })),
};
const unmapped = out.okved2.filter((c) => c.nace === null).map((c) => c.code);
writeFileSync('src/reference/classifications.json', JSON.stringify(out) + '\n');
console.log(
  `nace ${out.nace.length}, okved2 ${out.okved2.length} (${unmapped.length} without a NACE class: ${unmapped.slice(0, 20).join(' ')}), naf2 ${out.naf2.length}`,
);
