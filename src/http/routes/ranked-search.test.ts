import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationList } from '../../shared/schemas/organisations.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';

let t: TestPlatform;
beforeAll(async () => {
  t = await createTestPlatform({ seedExamples: true });
});
afterAll(() => t.close());

const ask = (q: string) => t.app.inject(`/api/v1/organisations?q=${encodeURIComponent(q)}`);
const search = async (q: string) => {
  const res = await ask(q);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as OrganisationList;
};
const firstTen = (list: OrganisationList) => list.items.slice(0, 10).map((o) => o.slug);

describe('ranked search: descriptions, not Boolean queries', () => {
  // the demo's technical-ceramics, insulator, SCADA and air-filter companies, each written in one language
  const cases = [
    {
      seek: ['example-tehkeram', 'example-izolyator'],
      queries: [
        "céramique technique pour l'isolation électrique des fours",
        'техническая керамика для электрической изоляции печей',
        'technical ceramics for electrical insulation of furnaces',
      ],
    },
    {
      seek: ['example-supervision', 'example-scada-ru'],
      queries: [
        'logiciel de supervision pour usines chimiques',
        'программное обеспечение диспетчеризации для химических заводов',
        'supervision software for chemical plants',
      ],
    },
    {
      seek: ['example-hepa', 'example-ventfilter', 'example-airpure'],
      queries: [
        'системы очистки воздуха для чистых помещений',
        "systèmes de purification de l'air pour salles blanches",
        'air cleaning systems for cleanrooms',
      ],
    },
  ];

  it.each(cases.flatMap((c) => c.queries.map((q) => [q, c.seek] as const)))('«%s» finds %j in the first ten', async (q, seek) => {
    const result = await search(q);
    expect(result.partial).toBeUndefined();
    for (const slug of seek) expect(firstTen(result), slug).toContain(slug);
  });

  it('says for each result which words it matched and how, and which it did not', async () => {
    const result = await search("céramique technique pour l'isolation électrique des fours");
    const insulators = result.items.find((o) => o.slug === 'example-izolyator')!;
    const words = insulators.match!.words;
    // the stop words («pour», «l», «des») need not match and are not listed
    expect(words.map((w) => w.word)).toEqual(['céramique', 'technique', 'isolation', 'électrique', 'fours']);
    expect(words.filter((w) => w.way !== null).length).toBeGreaterThanOrEqual(3);
    expect(words.some((w) => w.way === null)).toBe(true);
    for (const w of words) expect([null, 'text', 'code', 'concept', 'name', 'translation']).toContain(w.way);
  });

  it('says a word found only in the title of a product code was found in its activities or products', async () => {
    // «chemical» is in CPA 23.44.11 "Ceramic wares for laboratory, chemical or other technical uses", not in the text
    const { items } = await search('supervision software for chemical plants');
    const ceramics = items.find((o) => o.slug === 'example-advcer')!;
    expect(ceramics.match!.words.find((w) => w.word === 'chemical')!.way).toBe('code');
  });

  it('bridges a word outside the glossary through the shared vocabularies, and names the entry', async () => {
    // «питьевой» (drinking, of water) is no glossary term: the French «eau potable» company is reached by a translation
    const { items } = await search('питьевой');
    const french = items.find((o) => o.slug === 'example-eaupure')!;
    const [word] = french.match!.words;
    expect(word!.way).toBe('translation');
    expect(word!.via?.source).toMatch(/^(hs|cpa|unesco|wiktionary):/);
    // and says which of the record's own words it met, as written there
    expect(word!.via?.term).toMatch(/^potable$/i);
  });

  it('keeps a two-word query precise, and says so when it must give partial matches', async () => {
    const both = await search('фильтры Калуга');
    expect(both.partial).toBeUndefined();
    for (const o of both.items)
      expect(
        o.match!.words.every((w) => w.way !== null),
        o.slug,
      ).toBe(true);
    const one = await search('céramique zzqxv');
    expect(one.partial).toBe(true);
    expect(one.items.length).toBeGreaterThan(0);
    for (const o of one.items) expect(o.match!.words.find((w) => w.word === 'zzqxv')!.way).toBeNull();
  });

  it('finds nothing, plainly, when no word matches', async () => {
    const none = await search('zzqxv wqzzk');
    expect(none.meta.total).toBe(0);
    expect(none.partial).toBeUndefined();
  });
});

describe('ranked search: bad input', () => {
  const long = Array.from({ length: 50 }, (_, i) => `${['filtre', 'céram', 'керам', 'soft', 'воздух'][i % 5]}${i % 10}`).join(' ');
  const inputs: [string, string][] = [
    ['fifty words', long],
    ['500 characters', 'céramique '.repeat(50).slice(0, 500)],
    [
      'a word said 100 times',
      Array.from({ length: 100 }, () => 'filtres')
        .join(' ')
        .slice(0, 500),
    ],
    ['only stop words', 'de la pour the of для и'],
    ['Greek', 'κεραμικά φίλτρα αέρα'],
    ['Chinese', '陶瓷过滤器 工业软件'],
    ['mixed scripts and digits', 'ISO 9001 керамика céramique 2024'],
  ];

  it.each(inputs)('answers %s with results or none, quickly, never a 500', async (_, q) => {
    const started = performance.now();
    const res = await ask(q);
    expect(res.statusCode, res.body).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    const body = res.json() as OrganisationList;
    expect(body.meta.total).toBeGreaterThanOrEqual(0);
  });

  it('refuses punctuation only and a query over 500 characters with a 4xx naming the field', async () => {
    for (const q of ['?!… — ;;', 'a'.repeat(501)]) {
      const res = await ask(q);
      expect([400, 422], q).toContain(res.statusCode);
      expect(res.json().error.field, q).toBe('query.q');
    }
  });
});

describe('organisations anywhere in Europe', () => {
  it('finds the Swedish cleanroom-filter maker for a Russian description, and suggests it to a Kaluga air-filter company', async () => {
    expect(firstTen(await search('воздушные фильтры для чистых помещений'))).toContain('example-nordclean');
    const partners = (await t.app.inject('/api/v1/organisations/example-ventfilter/partners?limit=20')).json();
    expect(partners.items.map((p: { organisation: { slug: string } }) => p.organisation.slug)).toContain('example-nordclean');
  });

  it('suggests the Bavarian ceramics maker to a Kaluga technical-ceramics company', async () => {
    const partners = (await t.app.inject('/api/v1/organisations/example-tehkeram/partners?limit=20')).json();
    expect(partners.items.map((p: { organisation: { slug: string } }) => p.organisation.slug)).toContain('example-oberpfalz-keramik');
  });
});
