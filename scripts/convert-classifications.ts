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

// The NACE codes below divisions 85 and 92 have no Russian title in the source, because ОКВЭД 2 uses
// those codes for other activities. Their Russian titles come from the ОКВЭД 2 codes that the crosswalk
// above maps to them (the code in the comment), in ОКВЭД's wording; where none or several map to one
// NACE code, the title says the NACE activity in ОКВЭД's words.
const naceRussianByHand: Record<string, string> = {
  '85.1': 'Образование дошкольное', // 85.11
  '85.10': 'Образование дошкольное', // 85.11
  '85.2': 'Образование начальное общее', // 85.12
  '85.20': 'Образование начальное общее', // 85.12
  '85.3': 'Образование основное общее, среднее общее и профессиональное среднее', // 85.13, 85.14, 85.21
  '85.31': 'Образование основное общее и среднее общее', // 85.13, 85.14
  '85.32': 'Образование профессиональное среднее', // 85.21
  '85.4': 'Образование послесреднее и высшее',
  '85.41': 'Образование послесреднее, кроме высшего', // no ОКВЭД 2 class
  '85.42': 'Образование высшее и подготовка кадров высшей квалификации', // 85.22, 85.23
  '85.5': 'Образование прочее',
  '85.51': 'Образование в области спорта и отдыха', // 85.41.1
  '85.52': 'Образование в области культуры', // 85.41.2
  '85.53': 'Деятельность школ подготовки водителей автотранспортных средств', // 85.42.1
  '85.59': 'Образование прочее, не включенное в другие группировки', // 85.30, 85.41, 85.42
  '85.6': 'Деятельность вспомогательная в сфере образования', // no ОКВЭД 2 class
  '85.60': 'Деятельность вспомогательная в сфере образования', // no ОКВЭД 2 class
  '92.0': 'Деятельность по организации и проведению азартных игр и заключению пари, по организации и проведению лотерей', // 92
  '92.00': 'Деятельность по организации и проведению азартных игр и заключению пари, по организации и проведению лотерей', // 92.1, 92.2
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

function russianByHand(code: string): string {
  const title = naceRussianByHand[code];
  if (!title) throw new Error(`NACE ${code} has no Russian title in the source and none in the crosswalk`);
  return title;
}

const out = {
  source: 'NACE Rev. 2 (Eurostat), NAF rév. 2 (INSEE), ОКВЭД 2 / OK 029-2014 (Rosstat, edition 2023-12-01)',
  nace: nace.map((c) => ({
    code: c.code,
    level: c.level,
    parent: parentOf(c, nace),
    title: { en: c.en, fr: c.fr, ru: c.ru || russianByHand(c.code) },
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
