import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrganisationFilter } from '../../repositories/organisation.repository.js';
import type { IndexedOrganisation } from '../../repositories/search.repository.js';
import { organisationProfile, RevisionLog } from '../../test/profiles.js';
import { sortKey } from '../../shared/sort-key.js';
import { DirectoryIndex, type IndexWord, type ResultOrder } from './directory-index.js';

// A filtered search with words matches the filter's organisations first when the filter is the shorter
// side (word-matches.ts): it must answer exactly what the unfiltered search, filtered afterwards, does —
// the same hits in the same order with the same ranks, the same total, and the same `relaxed`, since a
// word's rarity and whether any record has enough words are counted over every organisation.

const VOCABULARY = ['filtr', 'ceram', 'logist', 'softw', 'rare'];
const REGIONS = ['FR-87', 'RU-KLU', 'FR-IDF', 'RU-MOW'];
const KINDS = ['enterprise', 'research_institute'] as const;
type Kind = (typeof KINDS)[number];
const AREAS = ['filters', 'ceramics', 'software'];

const noFilter: OrganisationFilter = { regionCodes: [], kinds: [], sectors: [], areaCodes: [], naceClasses: [] };
const everything = { offset: 0, limit: 10_000 };

interface Drawn {
  words: string[];
  /** Per word of the text, its weight: A (name) to D (code titles), which sets its part of the text rank. */
  weights: string[];
  regionCode: string;
  kind: Kind;
  areaCodes: string[];
  conceptCodes: string[];
  published: boolean;
}

const organisation = (id: string, drawn: Drawn): IndexedOrganisation => ({
  ...organisationProfile(id, {
    regionCode: drawn.regionCode,
    kind: drawn.kind,
    areaCodes: drawn.areaCodes,
    conceptCodes: drawn.conceptCodes,
    published: drawn.published,
  }),
  nameKeys: [],
  searchVector: [...new Set(drawn.words)].map((w, i) => `'${w}':${i + 1}${drawn.weights[i] ?? 'C'}`).join(' '),
  sortKeys: { ru: sortKey(id, 'ru'), fr: sortKey(id, 'fr'), en: sortKey(id, 'en') },
  createdAt: 0,
});

const drawnOrganisation = fc.record({
  // common words often, the rare one seldom: a word rare outside the filter is drawn too
  words: fc.array(fc.constantFrom(...VOCABULARY.slice(0, 4), ...VOCABULARY.slice(0, 4), VOCABULARY[4]!), { maxLength: 4 }),
  weights: fc.array(fc.constantFrom('A', 'C', 'D'), { maxLength: 4 }),
  regionCode: fc.constantFrom(...REGIONS),
  kind: fc.constantFrom(...KINDS),
  areaCodes: fc.subarray(AREAS, { maxLength: 2 }),
  conceptCodes: fc.subarray(['filtration', 'ceramics'], { maxLength: 1 }),
  published: fc.constantFrom(true, true, true, true, false),
});

const queryWord = fc
  .record({
    word: fc.constantFrom(...VOCABULARY),
    concept: fc.constantFrom(null, 'filtration', 'ceramics'),
    bridge: fc.option(fc.record({ lexeme: fc.constantFrom(...VOCABULARY), weight: fc.double({ min: 0, max: 1, noNaN: true }) })),
  })
  .map(({ word, concept, bridge }): IndexWord => ({
    word,
    optional: false,
    texts: [{ lexemes: [word], prefix: true }],
    concepts: concept ? [concept] : [],
    narrower: [],
    nameKey: null,
    ...(bridge ? { bridges: [{ lexeme: bridge.lexeme, weight: bridge.weight, via: 'test' }] } : {}),
  }));

const drawnFilter = fc.record({
  regionCodes: fc.subarray(REGIONS, { maxLength: 2 }),
  kinds: fc.subarray<Kind>([...KINDS], { maxLength: 1 }),
  areaCodes: fc.subarray(AREAS, { maxLength: 2 }),
});

async function indexOf(drawn: Drawn[]) {
  const repository = new RevisionLog<IndexedOrganisation>();
  drawn.forEach((d, i) => repository.write(organisation(`o${String(i).padStart(3, '0')}`, d)));
  const index = new DirectoryIndex({ organisationsSince: (horizon, page) => repository.since(horizon, page) });
  await index.refresh();
  return index;
}

/** Whether an organisation passes the filter, asked of what it was drawn with. */
const passes = (d: Drawn, filter: Pick<OrganisationFilter, 'regionCodes' | 'kinds' | 'areaCodes'>) =>
  (filter.regionCodes.length === 0 || filter.regionCodes.includes(d.regionCode)) &&
  (filter.kinds.length === 0 || filter.kinds.includes(d.kind)) &&
  (filter.areaCodes.length === 0 || filter.areaCodes.some((a) => d.areaCodes.includes(a)));

function expectAsFilteredAfterwards(
  index: DirectoryIndex,
  drawn: Drawn[],
  words: IndexWord[],
  filter: Pick<OrganisationFilter, 'regionCodes' | 'kinds' | 'areaCodes'>,
  order: ResultOrder,
) {
  const byId = new Map(drawn.map((d, i) => [`o${String(i).padStart(3, '0')}`, d]));
  const all = index.search(words, noFilter, everything, order);
  const kept = all.hits.filter((h) => passes(byId.get(h.id)!, filter));
  const asked = index.search(words, { ...noFilter, ...filter }, everything, order);
  expect(asked.hits).toEqual(kept);
  expect(asked.total).toBe(kept.length);
  expect(asked.relaxed).toBe(all.relaxed);
  // a page deep in the results too
  const deep = index.search(words, { ...noFilter, ...filter }, { offset: 2, limit: 3 }, order);
  expect(deep.hits).toEqual(kept.slice(2, 5));
}

describe('DirectoryIndex, a filtered search with words', () => {
  it('answers as the unfiltered search filtered afterwards: hits, ranks, totals and relaxed', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(drawnOrganisation, { minLength: 1, maxLength: 60 }),
        fc.array(queryWord, { minLength: 1, maxLength: 5 }),
        drawnFilter,
        fc.constantFrom<ResultOrder>({ sort: 'relevance', lang: 'en' }, { sort: 'name', lang: 'en' }),
        async (drawn, words, filter, order) => {
          const index = await indexOf(drawn);
          expectAsFilteredAfterwards(index, drawn, words, filter, order);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('answers so after rewrites and unpublished organisations leave dead slots behind', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(drawnOrganisation, { minLength: 1, maxLength: 40 }),
        fc.array(fc.tuple(fc.nat(), drawnOrganisation), { minLength: 1, maxLength: 20 }),
        fc.array(queryWord, { minLength: 1, maxLength: 3 }),
        drawnFilter,
        async (drawn, rewrites, words, filter) => {
          const repository = new RevisionLog<IndexedOrganisation>();
          const id = (i: number) => `o${String(i).padStart(3, '0')}`;
          drawn.forEach((d, i) => repository.write(organisation(id(i), d)));
          const index = new DirectoryIndex({ organisationsSince: (horizon, page) => repository.since(horizon, page) });
          await index.refresh();
          const latest = [...drawn];
          for (const [at, d] of rewrites) {
            latest[at % drawn.length] = d;
            repository.write(organisation(id(at % drawn.length), d));
          }
          await index.refresh();
          expectAsFilteredAfterwards(index, latest, words, filter, { sort: 'relevance', lang: 'en' });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('counts a word rare inside the filter but common outside it as common', async () => {
    // "ceram" is in one Kaluga organisation and in thirty Limoges ones: in Kaluga, the organisation with
    // the two rarer words comes first, as it does over all
    const kaluga = (words: string[]): Drawn => ({
      words,
      weights: [],
      regionCode: 'RU-KLU',
      kind: 'enterprise',
      areaCodes: [],
      conceptCodes: [],
      published: true,
    });
    const drawn: Drawn[] = [
      kaluga(['ceram', 'filtr']),
      kaluga(['filtr', 'logist']),
      kaluga(['logist']),
      ...Array.from({ length: 30 }, (): Drawn => ({ ...kaluga(['ceram']), regionCode: 'FR-87' })),
    ];
    const index = await indexOf(drawn);
    const words = (...texts: string[]) =>
      texts.map((w): IndexWord => ({
        word: w,
        optional: false,
        texts: [{ lexemes: [w], prefix: true }],
        concepts: [],
        narrower: [],
        nameKey: null,
      }));
    const inKaluga = { ...noFilter, regionCodes: ['RU-KLU'] };
    expect(index.search(words('ceram', 'filtr', 'logist'), inKaluga, everything).hits.map((h) => h.id)).toEqual(['o001', 'o000']);
    for (const regionCodes of [['RU-KLU'], ['FR-87']])
      for (const asked of [words('ceram', 'filtr', 'logist'), words('ceram', 'filtr'), words('ceram', 'logist')])
        expectAsFilteredAfterwards(
          index,
          drawn,
          asked,
          { regionCodes, kinds: [] as Kind[], areaCodes: [] },
          { sort: 'relevance', lang: 'en' },
        );
    // no Limoges organisation has both words, but one in Kaluga does: the minimum is kept, nothing found
    expect(index.search(words('ceram', 'filtr'), { ...noFilter, regionCodes: ['FR-87'] }, everything)).toEqual({
      hits: [],
      total: 0,
      relaxed: false,
    });
    // no organisation anywhere has both: those with either are given, in Limoges too
    expect(index.search(words('ceram', 'logist'), { ...noFilter, regionCodes: ['FR-87'] }, everything)).toMatchObject({
      total: 30,
      relaxed: true,
    });
  });

  it('keeps the minimum of three words when no record has two but one covers most of the query’s rarity', async () => {
    const drawn = (words: string[], regionCode: string): Drawn => ({
      words,
      weights: [],
      regionCode,
      kind: 'enterprise',
      areaCodes: [],
      conceptCodes: [],
      published: true,
    });
    const index = await indexOf([
      drawn(['rare'], 'RU-KLU'),
      drawn(['ceram'], 'RU-KLU'),
      ...Array.from({ length: 20 }, (_, i) => drawn([i % 2 ? 'ceram' : 'filtr'], i < 4 ? 'RU-KLU' : 'FR-87')),
    ]);
    const words = ['rare', 'ceram', 'filtr'].map((w): IndexWord => ({
      word: w,
      optional: false,
      texts: [{ lexemes: [w], prefix: true }],
      concepts: [],
      narrower: [],
      nameKey: null,
    }));
    expect(index.search(words, { ...noFilter, regionCodes: ['RU-KLU'] }, everything)).toMatchObject({ total: 1, relaxed: false });
  });
});
