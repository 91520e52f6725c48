// The queries of the directory benchmarks (bench-directory.ts through HTTP, bench-directory-index.ts in memory).

// words a user types, in the three languages, with two filters each
export const WORDS = [
  'фильтры',
  'керамика',
  'логистика',
  'Калуга',
  'программное обеспечение',
  'céramique',
  'filtres',
  'logiciels',
  'Limoges',
  'recherche scientifique',
  'software',
  'ceramics',
  'filtering',
  'furniture',
  'consulting',
  'Obninsk',
  'électronique',
  'туризм',
  'Brive',
  'measuring instruments',
];
export const FILTERS = [
  'region=RU-KLU&kind=enterprise',
  'region=FR-NAQ&sector=business',
  'kind=enterprise&area=filters-filtering-materials',
  'region=FR-87&nace=23.44',
  'sector=science&region=RU-KLU',
  'kind=enterprise&region=FR-IDF',
];
