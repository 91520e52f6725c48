/**
 * Writes src/reference/regions.json: every ISO 3166-2 subdivision of the countries of Europe and its
 * neighbours, with names in ru, fr and en, so that nothing is downloaded at run time.
 *
 *   npx tsx scripts/build-regions.ts        (needs Debian's iso-codes: apt-get install iso-codes)
 *
 * Sources (docs/decisions.md says why these):
 * - the codes, their hierarchy and the Russian and French names: Debian's iso-codes (ISO 3166-2 as
 *   published, LGPL-2.1-or-later), its JSON and its gettext catalogues;
 * - the English names: Unicode CLDR (cldr-subdivisions-full, Unicode-3.0), since iso-codes gives the
 *   local name ("Bayern", "Kaluzhskaya oblast'"), not the English one;
 * - NUTS 2021 codes, where one is given below (Eurostat, reuse allowed with attribution).
 * Names written by hand in the region's own language (`original` not en) are kept: the demo and the tests read them.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const ISO_CODES = process.env.ISO_CODES_DIR ?? '/usr/share/iso-codes/json';
const LOCALES = process.env.LOCALE_DIR ?? '/usr/share/locale';
const OUT = new URL('../src/reference/regions.json', import.meta.url);

/** EU 27, the EEA, GB and CH, the Western Balkans, the eastern neighbours, the microstates. */
export const COUNTRIES = (
  'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE ' +
  'IS LI NO GB CH AL BA ME MK RS UA MD TR GE AM AZ RU BY KZ AD MC SM'
).split(' ');

/**
 * NUTS 2021 codes of the subdivisions that match a NUTS region one to one: France's regions (NUTS 1)
 * and the former Limousin's departments (NUTS 3 under FRI2), Germany's Länder (NUTS 1).
 */
const NUTS: Record<string, string> = {
  'FR-NAQ': 'FRI',
  'FR-19': 'FRI21',
  'FR-23': 'FRI22',
  'FR-87': 'FRI23',
  'FR-IDF': 'FR1',
  'FR-CVL': 'FRB',
  'FR-BFC': 'FRC',
  'FR-NOR': 'FRD',
  'FR-HDF': 'FRE',
  'FR-GES': 'FRF',
  'FR-PDL': 'FRG',
  'FR-BRE': 'FRH',
  'FR-OCC': 'FRJ',
  'FR-ARA': 'FRK',
  'FR-PAC': 'FRL',
  'FR-20R': 'FRM',
  'DE-BW': 'DE1',
  'DE-BY': 'DE2',
  'DE-BE': 'DE3',
  'DE-BB': 'DE4',
  'DE-HB': 'DE5',
  'DE-HH': 'DE6',
  'DE-HE': 'DE7',
  'DE-MV': 'DE8',
  'DE-NI': 'DE9',
  'DE-NW': 'DEA',
  'DE-RP': 'DEB',
  'DE-SL': 'DEC',
  'DE-SN': 'DED',
  'DE-ST': 'DEE',
  'DE-SH': 'DEF',
  'DE-TH': 'DEG',
};

type Lang = 'ru' | 'fr' | 'en';
interface IsoSubdivision {
  code: string;
  name: string;
  parent?: string;
  type: string;
}
export interface RegionEntry {
  code: string;
  countryCode: string;
  parentCode: string | null;
  nuts?: string;
  name: { original: Lang; ru?: string; fr?: string; en?: string };
}

/** A gettext .mo catalogue as msgid → msgstr (the format is two tables of lengths and offsets). */
function readMo(path: string): Map<string, string> {
  const buf = readFileSync(path);
  const le = buf.readUInt32LE(0) === 0x950412de;
  const u32 = (at: number) => (le ? buf.readUInt32LE(at) : buf.readUInt32BE(at));
  const [count, originals, translations] = [u32(8), u32(12), u32(16)];
  const text = (table: number, i: number) => buf.toString('utf8', u32(table + i * 8 + 4), u32(table + i * 8 + 4) + u32(table + i * 8));
  const entries = new Map<string, string>();
  for (let i = 0; i < count; i++) entries.set(text(originals, i), text(translations, i));
  return entries;
}

/** ISO's names carry notes in brackets ("Stockholms län [SE-01]"); a person reads the name. */
const clean = (name: string) => name.replace(/\s*\[[^\]]*\]/g, '').trim();

function cldrEnglish(): Record<string, string> {
  const require = createRequire(import.meta.url);
  const file = require('cldr-subdivisions-full/subdivisions/en/en.json') as {
    subdivisions: { localeDisplayNames: { subdivisions: Record<string, string> } };
  };
  return file.subdivisions.localeDisplayNames.subdivisions;
}

/** iso-codes names a parent by its part after the country (NAQ), or in full for GB (GB-ENG). */
const parentOf = (s: IsoSubdivision) => (!s.parent ? null : s.parent.includes('-') ? s.parent : `${s.code.slice(0, 2)}-${s.parent}`);

export function buildRegions(): { regions: RegionEntry[]; fallbacks: Record<Lang, number> } {
  const iso = (JSON.parse(readFileSync(`${ISO_CODES}/iso_3166-2.json`, 'utf8')) as { '3166-2': IsoSubdivision[] })['3166-2'];
  const catalogue = { ru: readMo(`${LOCALES}/ru/LC_MESSAGES/iso_3166-2.mo`), fr: readMo(`${LOCALES}/fr/LC_MESSAGES/iso_3166-2.mo`) };
  const english = cldrEnglish();
  // the names written by hand are those in the region's own language (generated ones are English first)
  const shipped = new Map(
    (JSON.parse(readFileSync(OUT, 'utf8')) as { regions: RegionEntry[] }).regions
      .filter((r) => r.name.original !== 'en')
      .map((r) => [r.code, r] as const),
  );
  const fallbacks: Record<Lang, number> = { ru: 0, fr: 0, en: 0 };
  const order = new Map(COUNTRIES.map((c, i) => [c, i]));
  const regions = iso
    .filter((s) => order.has(s.code.slice(0, 2)))
    .sort((a, b) => order.get(a.code.slice(0, 2))! - order.get(b.code.slice(0, 2))! || a.code.localeCompare(b.code))
    .map((s): RegionEntry => {
      const countryCode = s.code.slice(0, 2);
      const known = shipped.get(s.code);
      const en = english[s.code.replace('-', '').toLowerCase()];
      const translated = (lang: 'ru' | 'fr') => {
        const t = catalogue[lang].get(s.name);
        return t && t !== s.name ? clean(t) : undefined;
      };
      // only names someone wrote are kept; a missing one falls back, at display, to the English name
      const name = known?.name ?? {
        original: 'en' as const,
        en: en ?? clean(s.name),
        ...(translated('fr') && { fr: translated('fr') }),
        ...(translated('ru') && { ru: translated('ru') }),
      };
      if (!known) {
        if (!en) fallbacks.en++;
        if (!name.fr) fallbacks.fr++;
        if (!name.ru) fallbacks.ru++;
      }
      const nuts = NUTS[s.code];
      return { code: s.code, countryCode, parentCode: parentOf(s), ...(nuts && { nuts }), name };
    });
  const missing = [...shipped.keys()].filter((code) => !regions.some((r) => r.code === code));
  if (missing.length) throw new Error(`shipped regions no longer in ISO 3166-2: ${missing.join(', ')}`);
  return { regions, fallbacks };
}

const NOTE =
  'ISO 3166-2 subdivisions of the countries of Europe and its neighbours, as ISO publishes them (both levels, with ' +
  "ISO's parent), generated by scripts/build-regions.ts. Codes, hierarchy, Russian and French names: Debian iso-codes " +
  '(LGPL-2.1-or-later); English names: Unicode CLDR (Unicode-3.0, © Unicode, Inc.); NUTS 2021 codes: © European Union, ' +
  'Eurostat. A name missing in a language is left out and shown in English. The former Limousin region (ISO code FR-L ' +
  'until the 2016 merger, NUTS 2 FRI2) is its three departments FR-19, FR-23 and FR-87, now inside FR-NAQ.';

if (import.meta.url === `file://${process.argv[1]}`) {
  const { regions, fallbacks } = buildRegions();
  // one region a line: a diff of the file reads region by region
  const lines = regions.map((r) => `    ${JSON.stringify(r)}`).join(',\n');
  writeFileSync(OUT, `{\n  "note": ${JSON.stringify(NOTE)},\n  "regions": [\n${lines}\n  ]\n}\n`);
  console.log(
    `${regions.length} regions; names shown in English for want of one: ru ${fallbacks.ru}, fr ${fallbacks.fr}; ISO's own name as English: ${fallbacks.en}`,
  );
}
