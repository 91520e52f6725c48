import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cooperationRecords, namedParties, recordParties } from '../../db/schema/index.js';
import { parsePartialDate } from '../../shared/partial-date.js';
import type { RecordKind } from '../../shared/registry.js';
import type { MultilingualText } from '../../shared/multilingual.js';
import type { RecordSearchList } from '../../shared/schemas/registry-search.js';
import { createTestPlatform, type TestPlatform } from '../../test/test-platform.js';
import { AppError } from '../../services/errors.js';
import { RegistrySearchService } from '../../services/registry-search/registry-search.service.js';

let t: TestPlatform;
const recordIds: string[] = [];
const partyIds: string[] = [];

/** A record as the registry stores it, with named parties in these regions (one per region). */
async function insertRecord(values: {
  slug: string;
  kind: RecordKind;
  title: MultilingualText;
  summary?: MultilingualText;
  stage: string;
  types?: string[];
  areaCodes?: string[];
  dated?: string;
  published?: boolean;
  parties: { name: string; region: string }[];
}) {
  const db = t.database.db;
  const date = values.dated ? parsePartialDate(values.dated)! : null;
  const [record] = await db
    .insert(cooperationRecords)
    .values({
      slug: values.slug,
      kind: values.kind,
      title: values.title,
      summary: values.summary ?? null,
      stage: values.stage,
      types: values.types ?? [],
      areaCodes: values.areaCodes ?? [],
      dated: date?.value ?? null,
      datedFirst: date?.first ?? null,
      datedLast: date?.last ?? null,
      regionCodes: [...new Set(values.parties.map((p) => p.region))],
      published: values.published ?? true,
    })
    .returning({ id: cooperationRecords.id });
  recordIds.push(record!.id);
  for (const [position, party] of values.parties.entries()) {
    const [named] = await db
      .insert(namedParties)
      .values({ name: { original: 'en', en: party.name }, kind: 'enterprise', regionCode: party.region, countryCode: party.region.slice(0, 2) })
      .returning({ id: namedParties.id });
    partyIds.push(named!.id);
    await db.insert(recordParties).values({ recordId: record!.id, position, namedPartyId: named!.id, role: 'signatory' });
  }
  return record!.id;
}

const search = async (query: string) => {
  const res = await t.app.inject(`/api/v1/registry/search?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as RecordSearchList;
};
const slugs = (list: RecordSearchList) => list.results.map((r) => r.slug);
const q = (words: string) => `q=${encodeURIComponent(words)}`;

beforeAll(async () => {
  t = await createTestPlatform({ seedRecords: false });
  await insertRecord({
    slug: 'rs-filter-agreement',
    kind: 'agreement',
    types: ['cooperation_agreement'],
    title: { original: 'ru', ru: 'Соглашение о сотрудничестве в области фильтрующих материалов' },
    summary: { original: 'ru', ru: 'Стороны совместно разрабатывают фильтрующие материалы для чистых помещений и поставки питьевой воды.' },
    stage: 'signed',
    areaCodes: ['filters-filtering-materials'],
    dated: '2004',
    parties: [
      { name: 'Obninsk Filter Works', region: 'RU-KLU' },
      { name: 'Limoges Nonwovens', region: 'FR-87' },
    ],
  });
  await insertRecord({
    slug: 'rs-ceramics-initiative',
    kind: 'initiative',
    title: { original: 'fr', fr: 'Initiative commune sur la céramique technique' },
    summary: { original: 'fr', fr: 'Des essais de céramique technique pour les filtres industriels.' },
    stage: 'active',
    areaCodes: ['non-metallic-materials-industrial-ceramics'],
    dated: '2019-06-15',
    parties: [
      { name: 'Ceramics Cluster Limousin', region: 'FR-87' },
      { name: 'Kaluga Ceramics', region: 'RU-KLU' },
    ],
  });
  await insertRecord({
    slug: 'rs-hidden-filter-draft',
    kind: 'agreement',
    types: ['letter_of_intent'],
    title: { original: 'ru', ru: 'Проект соглашения о фильтрующих материалах' },
    stage: 'draft',
    dated: '2004-03',
    published: false,
    parties: [
      { name: 'Secret Filters', region: 'RU-KLU' },
      { name: 'Hidden Partner', region: 'FR-87' },
    ],
  });
});

afterAll(async () => {
  const db = t.database.db;
  if (recordIds.length > 0) await db.delete(cooperationRecords).where(inArray(cooperationRecords.id, recordIds));
  if (partyIds.length > 0) await db.delete(namedParties).where(inArray(namedParties.id, partyIds));
  await t.close();
});

describe('registry search', () => {
  it('finds a Russian-written agreement for a French query through the glossary, and says how', async () => {
    const result = await search(q('matériaux filtrants'));
    expect(slugs(result)).toContain('rs-filter-agreement');
    const agreement = result.results.find((r) => r.slug === 'rs-filter-agreement')!;
    expect(agreement.kind).toBe('agreement');
    expect(agreement.types).toEqual(['cooperation_agreement']);
    expect(agreement.stage).toBe('signed');
    expect(agreement.date).toEqual({ value: '2004', precision: 'year' });
    expect(agreement.parties.map((p) => p.en)).toEqual(['Obninsk Filter Works', 'Limoges Nonwovens']);
    expect(agreement.match.words.map((w) => w.word)).toEqual(['matériaux', 'filtrants']);
    expect(agreement.match.words.every((w) => w.way === 'concept')).toBe(true);
    expect(agreement.match.concepts.map((c) => c.code)).toContain('filtering-materials');
    // the Russian title and summary, with the concept's words as written there marked
    expect(agreement.titleHighlight.language).toBe('ru');
    expect(agreement.summary!.segments.some((s) => s.hit)).toBe(true);
    expect(result.facets.kind).toMatchObject({ agreement: 1 });
  });

  it('reaches a Russian word outside the glossary through a vocabulary translation, naming the word met', async () => {
    const result = await search(q('potable'));
    const agreement = result.results.find((r) => r.slug === 'rs-filter-agreement')!;
    expect(agreement, JSON.stringify(result)).toBeDefined();
    const [word] = agreement.match.words;
    expect(word!.way).toBe('translation');
    expect(word!.via?.term).toMatch(/^питьевой$/i);
  });

  it('never finds an unpublished record', async () => {
    for (const words of ['фильтрующие материалы', 'проект соглашения', 'Secret Filters'])
      expect(slugs(await search(q(words)))).not.toContain('rs-hidden-filter-draft');
  });

  it('filters by kind, stage, area and region, and counts per kind and stage', async () => {
    const all = await search(q('filtres'));
    expect(slugs(all).sort()).toEqual(['rs-ceramics-initiative', 'rs-filter-agreement']);
    expect(all.facets.kind).toEqual({ agreement: 1, initiative: 1 });
    expect(all.facets.stage).toEqual({ signed: 1, active: 1 });
    const initiatives = await search(`${q('filtres')}&kind=initiative`);
    expect(slugs(initiatives)).toEqual(['rs-ceramics-initiative']);
    // a facet counts with the other filters, not its own
    expect(initiatives.facets.kind).toEqual({ agreement: 1, initiative: 1 });
    expect(slugs(await search(`${q('filtres')}&stage=signed`))).toEqual(['rs-filter-agreement']);
    expect(slugs(await search(`${q('filtres')}&type=cooperation_agreement`))).toEqual(['rs-filter-agreement']);
    expect(slugs(await search(`${q('filtres')}&area=non-metallic-materials-industrial-ceramics`))).toEqual(['rs-ceramics-initiative']);
    expect(slugs(await search(`${q('filtres')}&region=FR-87`)).sort()).toEqual(['rs-ceramics-initiative', 'rs-filter-agreement']);
    expect(slugs(await search(`${q('filtres')}&region=AT-1`))).toEqual([]);
  });

  it('filters by period: a year-only record is found by its year and by a day within it', async () => {
    const word = q('filtres');
    expect(slugs(await search(`${word}&from=2004&to=2004`))).toEqual(['rs-filter-agreement']);
    expect(slugs(await search(`${word}&from=2004-07-01&to=2004-07-01`))).toEqual(['rs-filter-agreement']);
    expect(slugs(await search(`${word}&from=2005`))).toEqual(['rs-ceramics-initiative']);
    expect(slugs(await search(`${word}&to=2019-06-14`))).toEqual(['rs-filter-agreement']);
    expect(slugs(await search(`${word}&from=2019-06`)).sort()).toEqual(['rs-ceramics-initiative']);
  });

  it('finds a record written after the index loaded once it catches up, and forgets one unpublished', async () => {
    expect(slugs(await search(q('roulements')))).toEqual([]);
    const id = await insertRecord({
      slug: 'rs-late-residency',
      kind: 'residency',
      title: { original: 'fr', fr: 'Résidence de la start-up des roulements à billes' },
      stage: 'resident',
      dated: '2024-09',
      parties: [
        { name: 'Bearings Start-up', region: 'RU-KLU' },
        { name: 'Technopole Ester', region: 'FR-87' },
      ],
    });
    expect(slugs(await search(q('roulements')))).toEqual(['rs-late-residency']);
    await t.database.db.update(cooperationRecords).set({ published: false }).where(eq(cooperationRecords.id, id));
    expect(slugs(await search(q('roulements')))).toEqual([]);
  });

  it('answers 503 search_starting, with when to try again, while its index loads after a start', async () => {
    const repos = t.services.repos;
    // a load that takes longer than a search waits
    const loading = new RegistrySearchService(
      { ...repos, recordSearch: Object.assign(Object.create(repos.recordSearch), { recordsSince: () => new Promise(() => {}) }) },
      20,
    );
    const error = await loading.search({ q: 'filtres', page: 1, pageSize: 20 }).catch((e: AppError) => e);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'search_starting', status: 503, retryAfter: 5 });
  });

  it('refuses an empty query, a query without words, and a date that does not exist, naming the field', async () => {
    for (const [query, code] of [
      ['q=', 'query_empty'],
      ['', 'query_empty'],
      ['q=%20%21%3F', 'query_has_no_words'],
    ] as const) {
      const res = await t.app.inject(`/api/v1/registry/search?${query}`);
      expect(res.statusCode, query).toBe(422);
      expect(res.json()).toMatchObject({ error: { code, field: 'query.q' } });
    }
    const day = await t.app.inject(`/api/v1/registry/search?${q('filtres')}&from=2023-02-30`);
    expect(day.statusCode).toBe(400);
    expect(day.json()).toMatchObject({ error: { code: 'validation_failed', field: 'query.from', reason: 'no_such_day' } });
    const backwards = await t.app.inject(`/api/v1/registry/search?${q('filtres')}&from=2010&to=2009`);
    expect(backwards.json()).toMatchObject({ error: { field: 'query.to', reason: 'ends_before_start' } });
    const kind = await t.app.inject(`/api/v1/registry/search?${q('filtres')}&kind=treaty`);
    expect(kind.statusCode).toBe(400);
  });
});
