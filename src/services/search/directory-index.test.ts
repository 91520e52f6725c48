import { describe, expect, it } from 'vitest';
import type { IndexedOrganisation } from '../../repositories/search.repository.js';
import type { SearchWord } from '../../repositories/search-query.js';
import { organisationProfile, RevisionLog } from '../../test/profiles.js';
import type { OrganisationFilter } from '../../repositories/organisation.repository.js';
import { DirectoryIndex, type IndexWord, type ResultOrder } from './directory-index.js';
import type { ListOrder } from './slot-orders.js';
import { multilingual } from '../../shared/multilingual.js';
import type { Language } from '../../shared/languages.js';
import { readSearchVector, TEXT_RANK_SCALE } from './text-rank.js';
import { nameSortKeys, sortKey } from '../../shared/sort-key.js';

/** An organisation whose search document holds these words, each position at weight C (a description). */
const organisation = (id: string, words: string, values: Partial<IndexedOrganisation> = {}): IndexedOrganisation => {
  const sortName = values.sortName ?? id;
  return {
    ...organisationProfile(id),
    nameKeys: [],
    // as PostgreSQL writes it: each word at its positions, weight C
    searchVector: [...new Set(words.split(' '))]
      .map((w) => `'${w}':${[...words.split(' ').entries()].flatMap(([i, x]) => (x === w ? [`${i + 1}C`] : [])).join(',')}`)
      .join(' '),
    sortKeys: { ru: sortKey(sortName, 'ru'), fr: sortKey(sortName, 'fr'), en: sortKey(sortName, 'en') },
    createdAt: 0,
    ...values,
  };
};

/** A query word found by its own lexeme (and as a prefix of longer ones). */
const word = (text: string, values: Partial<IndexWord> = {}): IndexWord => ({
  word: text,
  optional: false,
  texts: [
    { lexemes: [text], prefix: true },
    { lexemes: [text], prefix: false },
  ],
  concepts: [],
  narrower: [],
  nameKey: null,
  ...values,
});

const noFilter: OrganisationFilter = { regionCodes: [], kinds: [], sectors: [], areaCodes: [], naceClasses: [] };
const page = { offset: 0, limit: 50 };

async function indexOf(organisations: IndexedOrganisation[], readPage?: number) {
  const repository = new RevisionLog<IndexedOrganisation>();
  for (const o of organisations) repository.write(o);
  const index = new DirectoryIndex({ organisationsSince: (horizon, page) => repository.since(horizon, page) }, readPage);
  await index.refresh();
  return { index, repository };
}

const ids = (index: DirectoryIndex, words: SearchWord[], filter: Partial<OrganisationFilter> = {}) =>
  index.search(words, { ...noFilter, ...filter }, page).hits.map((h) => h.id);

describe('DirectoryIndex', () => {
  it('finds a word by its lexeme or as the start of one, and both words of a two-word query must be found', async () => {
    const { index } = await indexOf([
      organisation('a', 'filtr ceram'),
      organisation('b', 'filtration'),
      organisation('c', 'ceram'),
      organisation('d', 'kaluga', { published: false }),
    ]);
    expect(ids(index, [word('filtr')]).sort()).toEqual(['a', 'b']);
    expect(ids(index, [word('filtr'), word('ceram')])).toEqual(['a']);
    expect(ids(index, [word('kaluga')])).toEqual([]);
    // a stop word need not be found, unless the query is nothing else
    expect(ids(index, [word('ceram'), word('de', { optional: true })]).sort()).toEqual(['a', 'c']);
    expect(ids(index, [word('de', { optional: true })])).toEqual([]);
  });

  it('finds a word by a concept that covers it, by a name that sounds like it, or by a name close to it', async () => {
    const { index } = await indexOf([
      organisation('filters-ru', 'фильтр', { conceptCodes: ['filtration'] }),
      organisation('sorbents', 'sorbent', { conceptCodes: ['sorbents'] }),
      organisation('vandenbroucke', 'vandenbroucke', { nameKeys: ['fntnprk'] }),
      organisation('other', 'ceram'),
    ]);
    expect(ids(index, [word('filtration', { concepts: ['filtration'], narrower: ['sorbents'] })])).toEqual(['filters-ru', 'sorbents']);
    expect(ids(index, [word('ванденбрук', { nameKey: 'fntnprk' })])).toEqual(['vandenbroucke']);
    expect(ids(index, [word('vandenbruk', { soundsLike: new Set(['vandenbroucke']) })])).toEqual(['vandenbroucke']);
  });

  it('finds a word the parser cut in two only where both parts occur', async () => {
    const { index } = await indexOf([organisation('both', 'covid 19'), organisation('one', 'covid')]);
    expect(ids(index, [word('covid19', { texts: [{ lexemes: ['covid', '19'], prefix: false }] })])).toEqual(['both']);
  });

  it('ranks a name that sounds like every word first, then concepts (narrower ones half), then the text rank', async () => {
    const { index } = await indexOf([
      organisation('text-only', 'filtr filtr'),
      organisation('narrower', 'sorbent', { conceptCodes: ['sorbents'] }),
      organisation('concept', 'ceram', { conceptCodes: ['filtration'] }),
      organisation('named', 'filtr', { nameKeys: ['fltr'] }),
    ]);
    const query = [word('filtr', { concepts: ['filtration'], narrower: ['sorbents'], nameKey: 'fltr' })];
    const hits = index.search(query, noFilter, page).hits;
    expect(hits.map((h) => h.id)).toEqual(['named', 'concept', 'narrower', 'text-only']);
    // each covers the one word: 1; a concept adds 0.2, a narrower one 0.1, half the text rank, a name that sounds like every word 1
    expect(hits[1]!.rank).toBeCloseTo(1.2, 9);
    expect(hits[2]!.rank).toBeCloseTo(1.1, 9);
    // the query has one distinct lexeme (as a prefix and exactly): the text rank is that lexeme's part
    const textRank = (document: string) => {
      let part = 0;
      readSearchVector(document, (_, p) => (part = p));
      return Math.fround(part / TEXT_RANK_SCALE);
    };
    expect(hits[0]!.rank).toBeCloseTo(2 + textRank("'filtr':1C") / 2, 6);
    expect(hits[3]!.rank).toBeCloseTo(1 + textRank("'filtr':1C,2C") / 2, 6);
  });

  it("ranks alike when the same words are asked again, a stop word's lexemes in the text rank", async () => {
    const { index } = await indexOf([organisation('a', 'filtr of of'), organisation('b', 'filtr filtr'), organisation('c', 'ceram of')]);
    const query = [word('of', { optional: true }), word('filtr')];
    const first = index.search(query, noFilter, page);
    expect(first.hits.map((h) => h.id).sort()).toEqual(['a', 'b']);
    // the stop word is not required, but its positions count in the text rank, as in ts_rank
    const rankOf = (hits: { id: string; rank: number }[], id: string) => hits.find((h) => h.id === id)!.rank;
    const withoutStopWord = index.search([word('filtr')], noFilter, page).hits;
    expect(rankOf(first.hits, 'a')).toBeGreaterThan(rankOf(withoutStopWord, 'a'));
    // the second search reuses the first's match (kept for the facets): its ranks must not move
    expect(index.search(query, noFilter, page).hits).toEqual(first.hits);
    index.facets(query, noFilter);
    expect(index.search(query, noFilter, page).hits).toEqual(first.hits);
  });

  it('orders equal ranks by name, then id, and pages through them', async () => {
    const names = ['delta', 'alpha', 'charlie', 'bravo', 'echo', 'alpha'];
    const { index } = await indexOf(names.map((n, i) => organisation(`id-${5 - i}`, 'ceram', { sortName: n })));
    const all = index.search([word('ceram')], noFilter, { offset: 0, limit: 10 });
    expect(all.total).toBe(6);
    expect(all.hits.map((h) => h.id)).toEqual(['id-0', 'id-4', 'id-2', 'id-3', 'id-5', 'id-1']);
    const second = index.search([word('ceram')], noFilter, { offset: 2, limit: 2 });
    expect(second.total).toBe(6);
    expect(second.hits.map((h) => h.id)).toEqual(['id-2', 'id-3']);
  });

  it('lists without words by name, then id, within the filters, page by page, and follows rewrites', async () => {
    const names = ['delta', 'alpha', 'charlie', 'bravo', 'echo', 'alpha'];
    const { index, repository } = await indexOf(
      names.map((n, i) => organisation(`id-${5 - i}`, 'ceram', { sortName: n, kind: i % 2 ? 'university' : 'enterprise' })),
    );
    const list = (filter: Partial<OrganisationFilter> = {}, range = { offset: 0, limit: 10 }) =>
      index.browse({ ...noFilter, ...filter }, range);
    expect(list()).toEqual({ ids: ['id-0', 'id-4', 'id-2', 'id-3', 'id-5', 'id-1'], total: 6 });
    expect(list({}, { offset: 2, limit: 2 })).toEqual({ ids: ['id-2', 'id-3'], total: 6 });
    expect(list({}, { offset: 10, limit: 2 })).toEqual({ ids: [], total: 6 });
    expect(list({ kinds: ['university'] })).toEqual({ ids: ['id-0', 'id-4', 'id-2'], total: 3 });
    expect(list({ kinds: ['university'] }, { offset: 1, limit: 1 })).toEqual({ ids: ['id-4'], total: 3 });
    expect(list({ regionCodes: ['RU-KLU'] })).toEqual({ ids: [], total: 0 });

    repository.write(organisation('id-9', 'filtr', { sortName: 'aardvark' }));
    repository.write(organisation('id-0', 'ceram', { sortName: 'alpha', published: false }));
    repository.write(organisation('id-5', 'ceram', { sortName: 'zulu' }));
    await index.refresh();
    expect(list()).toEqual({ ids: ['id-9', 'id-4', 'id-2', 'id-3', 'id-1', 'id-5'], total: 6 });
    expect(list({ kinds: ['university'] })).toEqual({ ids: ['id-4', 'id-2'], total: 2 });
  });

  it("lists by the name each reader sees, in their language's collation, or newest first, and searches so too", async () => {
    // each organisation's name as nameSortKeys keys it: a translation where there is one, else the original
    const named = (id: string, name: Parameters<typeof multilingual>[0], original: Language, createdAt: number) =>
      organisation(id, 'ceram', { sortKeys: nameSortKeys(multilingual(name, original)!), createdAt });
    const { index, repository } = await indexOf([
      named('zavod', { ru: 'Завод «Якорь»' }, 'ru', 1),
      named('pole', { fr: 'Pôle Européen de la Céramique', ru: 'Ёлочный центр керамики' }, 'fr', 2),
      named('ecole', { fr: 'École des mines', en: 'Mines School' }, 'fr', 3),
      named('agence', { fr: 'Agence Elan' }, 'fr', 4),
      named('elka', { ru: 'Елка' }, 'ru', 5),
      named('zenith', { fr: 'Zénith', ru: 'Зенит' }, 'fr', 6),
    ]);
    const list = (order: ListOrder) => index.browse(noFilter, { offset: 0, limit: 10 }, order).ids;
    // «Ёлочный» (a Russian translation) with «Елка», not after «Я»; Latin names after the Cyrillic ones
    expect(list({ sort: 'name', lang: 'ru' })).toEqual(['elka', 'pole', 'zavod', 'zenith', 'agence', 'ecole']);
    // «École» with E, before «Pôle»; a Cyrillic original after the Latin names
    expect(list({ sort: 'name', lang: 'fr' })).toEqual(['agence', 'ecole', 'pole', 'zenith', 'elka', 'zavod']);
    expect(list({ sort: 'name', lang: 'en' })).toEqual(['agence', 'ecole', 'pole', 'zenith', 'elka', 'zavod']);
    expect(list({ sort: 'newest' })).toEqual(['zenith', 'elka', 'agence', 'ecole', 'pole', 'zavod']);
    const search = (order: ResultOrder) => index.search([word('ceram')], noFilter, { offset: 1, limit: 2 }, order).hits.map((h) => h.id);
    expect(search({ sort: 'name', lang: 'ru' })).toEqual(['pole', 'zavod']);
    expect(search({ sort: 'newest' })).toEqual(['elka', 'agence']);
    // equal ranks fall back on the reader's names
    expect(search({ sort: 'relevance', lang: 'fr' })).toEqual(['ecole', 'pole']);

    // a rename and a newcomer take their places in every order; equal times go by id
    repository.write(named('aa-new', { en: 'Anchor Works' }, 'en', 6));
    repository.write(named('elka', { ru: 'Ясли' }, 'ru', 5));
    await index.refresh();
    expect(list({ sort: 'name', lang: 'ru' })).toEqual(['pole', 'zavod', 'zenith', 'elka', 'agence', 'aa-new', 'ecole']);
    expect(list({ sort: 'newest' }).slice(0, 3)).toEqual(['aa-new', 'zenith', 'elka']);
  });

  it('keeps to the filters: region, kind, sector, area and NACE class', async () => {
    const { index } = await indexOf([
      organisation('limoges', 'ceram', { regionCode: 'FR-87', areaCodes: ['ceramics'], naceClasses: ['23.44'] }),
      organisation('obninsk', 'ceram', { regionCode: 'RU-KLU', kind: 'university', sector: 'science' }),
    ]);
    const found = (filter: Partial<OrganisationFilter>) => ids(index, [word('ceram')], filter);
    expect(found({ regionCodes: ['RU-KLU'] })).toEqual(['obninsk']);
    expect(found({ regionCodes: ['RU-KLU', 'FR-87'] }).sort()).toEqual(['limoges', 'obninsk']);
    expect(found({ kinds: ['university'] })).toEqual(['obninsk']);
    expect(found({ sectors: ['business'] })).toEqual(['limoges']);
    expect(found({ areaCodes: ['ceramics'] })).toEqual(['limoges']);
    expect(found({ naceClasses: ['23.44'], regionCodes: ['RU-KLU'] })).toEqual([]);
  });

  it('follows rewrites: new words found, old ones gone, unpublished organisations left out', async () => {
    const { index, repository } = await indexOf([organisation('a', 'ceram'), organisation('b', 'ceram')]);
    repository.write(organisation('a', 'filtr'));
    repository.write(organisation('b', 'ceram', { published: false }));
    repository.write(organisation('c', 'ceram'));
    await index.refresh();
    expect(ids(index, [word('ceram')])).toEqual(['c']);
    expect(ids(index, [word('filtr')])).toEqual(['a']);
    expect(index.size).toBe(2);
  });

  it('keeps the filters in step with writes: a region changed, a region and a kind no organisation had before', async () => {
    const { index, repository } = await indexOf([
      organisation('a', 'ceram', { regionCode: 'FR-87' }),
      organisation('b', 'ceram', { regionCode: 'RU-KLU' }),
      organisation('c', 'ceram', { regionCode: 'FR-87', kind: 'university' }),
    ]);
    const found = (filter: Partial<OrganisationFilter>) => ids(index, [word('ceram')], filter).sort();
    expect(found({ regionCodes: ['FR-87'] })).toEqual(['a', 'c']);
    // values every organisation's columns already knew
    repository.write(organisation('a', 'ceram', { regionCode: 'RU-KLU' }));
    repository.write(organisation('d', 'ceram', { regionCode: 'FR-87', kind: 'university' }));
    await index.refresh();
    expect(found({ regionCodes: ['FR-87'] })).toEqual(['c', 'd']);
    expect(found({ regionCodes: ['RU-KLU'] })).toEqual(['a', 'b']);
    expect(found({ kinds: ['university'], regionCodes: ['FR-87'] })).toEqual(['c', 'd']);
    // a region and a kind no organisation had until now
    repository.write(organisation('e', 'ceram', { regionCode: 'FR-19', kind: 'government_body' }));
    repository.write(organisation('b', 'ceram', { regionCode: 'FR-19' }));
    await index.refresh();
    expect(found({ regionCodes: ['FR-19'] })).toEqual(['b', 'e']);
    expect(found({ kinds: ['government_body'] })).toEqual(['e']);
    expect(found({ regionCodes: ['RU-KLU'] })).toEqual(['a']);
    expect(found({ kinds: ['enterprise'], regionCodes: ['FR-87', 'FR-19', 'RU-KLU'] })).toEqual(['a', 'b']);
  });

  it('answers filters on either side (few matches, or a filter shorter than the matches) as a test of every organisation would', async () => {
    const AREAS = ['ceramics', 'filters', 'software'];
    const organisations = Array.from({ length: 400 }, (_, i) =>
      organisation(`o${String(i).padStart(3, '0')}`, i % 37 === 0 ? 'rare ceram' : 'ceram', {
        kind: i % 5 === 0 ? 'university' : 'enterprise',
        regionCode: ['FR-87', 'RU-KLU', 'FR-19'][i % 3]!,
        areaCodes: AREAS.filter((_, a) => (i >> a) % 4 === 0),
        naceClasses: i % 50 === 0 ? ['23.44'] : ['62.01'],
      }),
    );
    const { index } = await indexOf(organisations);
    const filters: Partial<OrganisationFilter>[] = [
      { kinds: ['enterprise'] },
      { kinds: ['enterprise'], regionCodes: ['FR-87', 'FR-19'] },
      { areaCodes: ['ceramics'] },
      { areaCodes: ['ceramics', 'software'], kinds: ['university'] },
      { naceClasses: ['23.44'], areaCodes: ['filters'] },
      { naceClasses: ['62.01'], regionCodes: ['RU-KLU'], kinds: ['enterprise'] },
    ];
    for (const [w, text] of [
      ['ceram', 'ceram'],
      ['rare', 'rare ceram'],
    ] as const) {
      for (const f of filters) {
        const filter = { ...noFilter, ...f };
        const passes = (o: IndexedOrganisation) =>
          text.split(' ').includes(w) &&
          (filter.kinds.length === 0 || filter.kinds.includes(o.kind)) &&
          (filter.regionCodes.length === 0 || filter.regionCodes.includes(o.regionCode)) &&
          (filter.areaCodes.length === 0 || o.areaCodes.some((a) => filter.areaCodes.includes(a))) &&
          (filter.naceClasses.length === 0 || o.naceClasses.some((n) => filter.naceClasses.includes(n)));
        const expected = organisations.filter((o) => passes(o) && (w === 'ceram' || o.searchVector.includes('rare'))).map((o) => o.id);
        const found = index.search([word(w)], filter, { offset: 0, limit: 500 }, { sort: 'name', lang: 'en' });
        expect(found.hits.map((h) => h.id)).toEqual(expected);
        expect(found.total).toBe(expected.length);
        if (w === 'ceram') expect(index.browse(filter, { offset: 0, limit: 500 })).toEqual({ ids: expected, total: expected.length });
      }
    }
  });

  it('counts a listing exactly up to 10,000 organisations, and beyond says that its total is an estimate', async () => {
    // 24,000 enterprises and 1,000 universities, in two regions
    const organisations = Array.from({ length: 25_000 }, (_, i) =>
      organisation(`o${String(i).padStart(5, '0')}`, 'ceram', {
        kind: i % 25 === 0 ? 'university' : 'enterprise',
        regionCode: i % 2 ? 'FR-87' : 'RU-KLU',
      }),
    );
    const { index } = await indexOf(organisations, 5000);
    const first = { offset: 0, limit: 3 };
    const enterprises = index.browse({ ...noFilter, kinds: ['enterprise'] }, first);
    expect(enterprises.ids).toEqual(['o00001', 'o00002', 'o00003']);
    expect(enterprises.estimated).toBe(true);
    // two significant digits, near the 24,000 there are
    expect(enterprises.total % 1000).toBe(0);
    expect(Math.abs(enterprises.total - 24_000)).toBeLessThanOrEqual(1000);
    // at or below the bound, exact and said to be
    expect(index.browse({ ...noFilter, kinds: ['university'] }, first)).toEqual({ ids: ['o00000', 'o00025', 'o00050'], total: 1000 });
    expect(index.browse({ ...noFilter, kinds: ['university'], regionCodes: ['RU-KLU'] }, first).total).toBe(500);
    expect(index.browse(noFilter, first).total).toBe(25_000);
    // a search with words counts exactly whatever it matches
    expect(index.search([word('ceram')], { ...noFilter, kinds: ['enterprise'] }, first).total).toBe(24_000);
  });

  it('gives the same results after many rewrites read in pages, which compact the postings, as a fresh index', async () => {
    const vocabulary = ['filtr', 'ceram', 'kaluga', 'limoges', 'logiciel', 'sorbent', 'obninsk', 'air', 'eau'];
    const pick = (seed: number) => vocabulary.filter((_, i) => (seed >> i) & 1).join(' ') || 'ceram';
    const { index, repository } = await indexOf([], 7);
    const latest = new Map<string, IndexedOrganisation>();
    // 3,000 writes over 300 organisations: the dead slots outnumber the live ones several times
    for (let round = 0; round < 10; round++) {
      for (let i = 0; i < 300; i++) {
        const o = organisation(`o${i}`, pick((i * 7919 + round * 104729) % 512), {
          published: (i + round) % 11 !== 0,
          regionCode: i % 2 ? 'FR-87' : 'RU-KLU',
          sortName: `name ${(i * 37 + round * 11) % 50}`,
        });
        repository.write(o);
        latest.set(o.id, o);
      }
      await index.refresh();
    }
    const fresh = (await indexOf([...latest.values()])).index;
    expect(index.size).toBe(fresh.size);
    const everything = { offset: 0, limit: 400 };
    expect(index.browse(noFilter, everything)).toEqual(fresh.browse(noFilter, everything));
    expect(index.browse(noFilter, everything).ids).toHaveLength(fresh.size);
    expect(index.browse({ ...noFilter, regionCodes: ['RU-KLU'] }, page)).toEqual(
      fresh.browse({ ...noFilter, regionCodes: ['RU-KLU'] }, page),
    );
    for (const w of vocabulary) {
      const query = [word(w)];
      expect(index.search(query, noFilter, { offset: 0, limit: 400 })).toEqual(fresh.search(query, noFilter, { offset: 0, limit: 400 }));
      expect(index.search(query, { ...noFilter, regionCodes: ['RU-KLU'] }, page)).toEqual(
        fresh.search(query, { ...noFilter, regionCodes: ['RU-KLU'] }, page),
      );
    }
  });
});
