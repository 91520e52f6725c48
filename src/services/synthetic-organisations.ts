import { DEFAULT_SECTOR, type OrganisationKind } from '../shared/domain.js';
import type { Language } from '../shared/languages.js';
import type { OrganisationRecord } from '../shared/schemas/organisation-record.js';
import { transliterate } from '../shared/transliterate.js';

/**
 * A synthetic set of organisations for benchmarks and load tests, labelled source "synthetic". The same
 * seed gives the same set. Names are made from syllables so that they match nothing real.
 */

export type Activity = { ru: string; fr: string; en: string; nace: string; area?: string };
export const ACTIVITIES: Activity[] = [
  { ru: 'фильтрующие материалы', fr: 'matériaux filtrants', en: 'filtering materials', nace: '13.95', area: 'filters-filtering-materials' },
  { ru: 'фильтры для воды', fr: 'filtres à eau', en: 'water filters', nace: '28.29', area: 'filters-filtering-materials' },
  { ru: 'очистка воздуха', fr: "épuration de l'air", en: 'air purification', nace: '28.25' },
  {
    ru: 'техническая керамика',
    fr: 'céramique technique',
    en: 'technical ceramics',
    nace: '23.44',
    area: 'non-metallic-materials-industrial-ceramics',
  },
  {
    ru: 'огнеупорные изделия',
    fr: 'produits réfractaires',
    en: 'refractory products',
    nace: '23.20',
    area: 'non-metallic-materials-industrial-ceramics',
  },
  { ru: 'фарфоровая посуда', fr: 'vaisselle en porcelaine', en: 'porcelain tableware', nace: '23.41' },
  {
    ru: 'трансфер технологий',
    fr: 'transfert de technologie',
    en: 'technology transfer',
    nace: '74.90',
    area: 'innovative-technology-transfer',
  },
  {
    ru: 'научные исследования',
    fr: 'recherche scientifique',
    en: 'scientific research',
    nace: '72.19',
    area: 'innovative-technology-transfer',
  },
  {
    ru: 'системы управления производством',
    fr: 'systèmes de contrôle industriel',
    en: 'industrial control systems',
    nace: '62.01',
    area: 'industrial-control-software',
  },
  {
    ru: 'измерительные приборы',
    fr: 'instruments de mesure',
    en: 'measuring instruments',
    nace: '26.51',
    area: 'industrial-control-software',
  },
  { ru: 'пищевые продукты', fr: 'produits alimentaires', en: 'food products', nace: '10.89' },
  { ru: 'логистика', fr: 'logistique', en: 'logistics', nace: '52.29' },
  { ru: 'машиностроение', fr: 'construction mécanique', en: 'mechanical engineering', nace: '28.99' },
  { ru: 'консалтинг', fr: 'conseil', en: 'consulting', nace: '70.22' },
  { ru: 'строительство', fr: 'construction', en: 'construction', nace: '41.20' },
  { ru: 'мебель', fr: 'meubles', en: 'furniture', nace: '31.09' },
  { ru: 'фармацевтика', fr: 'pharmacie', en: 'pharmaceuticals', nace: '21.20' },
  { ru: 'электроника', fr: 'électronique', en: 'electronics', nace: '26.11' },
  { ru: 'пластмассовые изделия', fr: 'articles en plastique', en: 'plastic products', nace: '22.29' },
  { ru: 'металлоконструкции', fr: 'structures métalliques', en: 'metal structures', nace: '25.11' },
  { ru: 'туризм', fr: 'tourisme', en: 'tourism', nace: '79.11' },
  { ru: 'программное обеспечение', fr: 'logiciels', en: 'software', nace: '62.02' },
];

export const REGIONS: { code: string; lang: Language; cities: { ru: string; fr: string; en: string }[] }[] = [
  {
    code: 'RU-KLU',
    lang: 'ru',
    cities: [
      { ru: 'Калуга', fr: 'Kalouga', en: 'Kaluga' },
      { ru: 'Обнинск', fr: 'Obninsk', en: 'Obninsk' },
      { ru: 'Людиново', fr: 'Lioudinovo', en: 'Lyudinovo' },
    ],
  },
  { code: 'RU-MOW', lang: 'ru', cities: [{ ru: 'Москва', fr: 'Moscou', en: 'Moscow' }] },
  { code: 'RU-TUL', lang: 'ru', cities: [{ ru: 'Тула', fr: 'Toula', en: 'Tula' }] },
  { code: 'RU-SPE', lang: 'ru', cities: [{ ru: 'Санкт-Петербург', fr: 'Saint-Pétersbourg', en: 'Saint Petersburg' }] },
  { code: 'FR-87', lang: 'fr', cities: [{ ru: 'Лимож', fr: 'Limoges', en: 'Limoges' }] },
  {
    code: 'FR-19',
    lang: 'fr',
    cities: [
      { ru: 'Брив-ла-Гайард', fr: 'Brive-la-Gaillarde', en: 'Brive-la-Gaillarde' },
      { ru: 'Тюль', fr: 'Tulle', en: 'Tulle' },
    ],
  },
  { code: 'FR-23', lang: 'fr', cities: [{ ru: 'Гере', fr: 'Guéret', en: 'Guéret' }] },
  { code: 'FR-IDF', lang: 'fr', cities: [{ ru: 'Париж', fr: 'Paris', en: 'Paris' }] },
  { code: 'FR-ARA', lang: 'fr', cities: [{ ru: 'Лион', fr: 'Lyon', en: 'Lyon' }] },
];

const SYLLABLES_RU = ['ка', 'ло', 'ми', 'тек', 'ра', 'вест', 'нор', 'си', 'лан', 'тор', 'ве', 'кон', 'про', 'мет', 'ан', 'гра'];
const SYLLABLES_FR = ['ca', 'lo', 'mi', 'tec', 'ra', 'vest', 'nor', 'si', 'lan', 'tor', 've', 'con', 'pro', 'met', 'an', 'gra'];

/** Products each activity's makers declare (CPA / ОКПД 2 and HS codes as stored); services declare none. */
const PRODUCTS: Record<string, string[]> = {
  '13.95': ['cpa:13.95.10', 'hs:5603'],
  '28.29': ['cpa:28.29.12', 'hs:842121', 'hs:8421'],
  '28.25': ['cpa:28.25.14', 'hs:8421'],
  '23.44': ['cpa:23.44.12', 'cpa:23.44.11', 'hs:6909', 'hs:690912'],
  '23.20': ['cpa:23.20.11', 'hs:6902', 'hs:6903'],
  '23.41': ['cpa:23.41.11', 'hs:6911'],
  '62.01': ['cpa:62.01.11'],
  '26.51': ['cpa:26.51.52', 'hs:9026'],
  '10.89': ['cpa:10.89.1', 'hs:2106'],
  '28.99': ['cpa:28.99.39', 'hs:8479'],
  '31.09': ['cpa:31.09.1', 'hs:9403'],
  '21.20': ['cpa:21.20.1', 'hs:3004'],
  '26.11': ['cpa:26.11.2', 'hs:8541', 'hs:8542'],
  '22.29': ['cpa:22.29.2', 'hs:3926'],
};

const KIND_WEIGHTS: [OrganisationKind, number][] = [
  ['enterprise', 80],
  ['university', 3],
  ['research_institute', 4],
  ['development_agency', 1],
  ['technopark', 2],
  ['cluster_organisation', 2],
  ['government_body', 2],
  ['municipality', 3],
  ['venue', 1],
  ['other', 2],
];

/** mulberry32: small, fast and good enough for test data. */
export function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KIND_LABEL: Record<OrganisationKind, { ru: string; fr: string; en: string }> = {
  enterprise: { ru: 'Компания', fr: 'Société', en: 'Company' },
  university: { ru: 'Университет', fr: 'Université', en: 'University' },
  research_institute: { ru: 'Институт', fr: 'Institut', en: 'Institute' },
  development_agency: { ru: 'Агентство развития', fr: 'Agence de développement', en: 'Development agency' },
  technopark: { ru: 'Технопарк', fr: 'Technopôle', en: 'Technopark' },
  cluster_organisation: { ru: 'Кластер', fr: 'Pôle', en: 'Cluster' },
  government_body: { ru: 'Министерство', fr: 'Direction', en: 'Ministry' },
  municipality: { ru: 'Администрация', fr: 'Mairie', en: 'Municipality' },
  venue: { ru: 'Центр', fr: 'Centre', en: 'Centre' },
  other: { ru: 'Ассоциация', fr: 'Association', en: 'Association' },
};

export function* syntheticOrganisations(count: number, seed = 1): Generator<OrganisationRecord> {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)]!;
  // products from a sequence of their own, so that the rest of the set is what it was before they existed
  const productRnd = random(seed * 7919 + 13);
  const totalWeight = KIND_WEIGHTS.reduce((a, [, w]) => a + w, 0);
  for (let i = 1; i <= count; i++) {
    let roll = rnd() * totalWeight;
    const kind = KIND_WEIGHTS.find(([, w]) => (roll -= w) < 0)?.[0] ?? 'enterprise';
    const region = pick(REGIONS);
    const city = pick(region.cities);
    const activity = pick(ACTIVITIES);
    const second = rnd() < 0.3 ? pick(ACTIVITIES) : undefined;
    const syllables = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => Math.floor(rnd() * SYLLABLES_RU.length));
    const brandRu = capitalise(syllables.map((s) => SYLLABLES_RU[s]).join(''));
    const brandLatin = region.lang === 'ru' ? transliterate(brandRu) : capitalise(syllables.map((s) => SYLLABLES_FR[s]).join(''));
    const label = KIND_LABEL[kind];
    const translated = rnd() < 0.6; // the rest exist only in their original language
    const name = {
      ru: `${label.ru} «${region.lang === 'ru' ? brandRu : brandLatin}»`,
      fr: `${label.fr} ${brandLatin}`,
      en: `${brandLatin} ${label.en}`,
    };
    const description = {
      ru: `${capitalise(activity.ru)}${second ? ` и ${second.ru}` : ''}. ${city.ru}.`,
      fr: `${capitalise(activity.fr)}${second ? ` et ${second.fr}` : ''}. ${city.fr}.`,
      en: `${capitalise(activity.en)}${second ? ` and ${second.en}` : ''}. ${city.en}.`,
    };
    const only = <T extends Record<Language, string>>(v: T) =>
      translated ? { original: region.lang, ...v } : { original: region.lang, [region.lang]: v[region.lang] };
    const areas = [...new Set([activity.area, second?.area].filter((a): a is string => !!a))];
    // most companies declare one or two of what they make; other kinds rarely
    const makes = (PRODUCTS[activity.nace] ?? []).filter(() => productRnd() < (kind === 'enterprise' ? 0.5 : 0.1));
    yield {
      slug: `synthetic-${i}`,
      kind,
      sector: DEFAULT_SECTOR[kind],
      region: region.code,
      city: { original: region.lang, ...city },
      name: only(name),
      description: only(description),
      nace: [...new Set([activity.nace, second?.nace].filter((n): n is string => !!n))],
      ...(makes.length > 0 ? { productCodes: makes } : {}),
      areas,
      source: 'synthetic',
    };
  }
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
